// A typed client for the stack's /__sim control plane: the only place a scenario may cheat time.
export class ControlPlaneError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export interface ControlPlane {
  now(): Promise<Date>;
  advanceBy(isoDuration: string): Promise<Date>;
  setTo(instant: Date): Promise<Date>;
  /** Raw move, for scenarios about the control plane itself. */
  move(body: unknown): Promise<{ status: number; body: unknown }>;
  health(url: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

export function createControlPlane(baseUrl: string, token: string): ControlPlane {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const move = async (body: unknown) => {
    const res = await fetch(`${baseUrl}/__sim/clock`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const moved = async (body: unknown): Promise<Date> => {
    const res = await move(body);
    if (res.status !== 200) throw new ControlPlaneError(res.status, res.body, "POST /__sim/clock");
    return new Date((res.body as { now: string }).now);
  };
  return {
    async now() {
      const res = await fetch(`${baseUrl}/__sim/clock`, { headers });
      const body = (await res.json()) as { now: string };
      if (!res.ok) throw new ControlPlaneError(res.status, body, "GET /__sim/clock");
      return new Date(body.now);
    },
    advanceBy: (duration) => moved({ advanceBy: duration }),
    setTo: (instant) => moved({ setTo: instant.toISOString() }),
    move,
    async health(url) {
      const res = await fetch(`${url}/health`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}
