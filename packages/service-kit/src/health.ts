// GET /health: what a supervisor, the banner and the benchmarks poll.
import type { Hono } from "hono";

export interface HealthInfo {
  service: string;
  ports: () => Record<string, number>;
  database: () => { kind: string; location: string };
  clock: { now(): Date };
}

export function mountHealth<E extends object>(app: Hono<E & { Variables: object }>, info: HealthInfo): void {
  app.get("/health", (c) =>
    c.json({
      status: "ok",
      service: info.service,
      ports: info.ports(),
      database: info.database(),
      now: info.clock.now().toISOString(),
    }),
  );
}
