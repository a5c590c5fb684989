// A tiny in-memory browser over app.request: keeps the cookie, sends Origin as a browser does, fills in the
// form's CSRF token from the last page, follows 303s, and records every URL it visited.
import type { Hono } from "hono";
import { Writable } from "node:stream";
import { createLogger } from "@inps-sim/service-kit";
import { createPortalApp } from "../src/app.ts";
import { createFakeConsole, type FakeConsole } from "./fake-console.ts";
import { createFakeIdentity, type FakeIdentity } from "./fake-identity.ts";

export const ORIGIN = "http://localhost";

export interface Page {
  status: number;
  html: string;
  url: string;
  headers: Headers;
}

export interface TestPortal {
  app: Hono;
  identity: FakeIdentity;
  console: FakeConsole;
  /** Every log line the portal wrote. */
  logs: string[];
  browser: Browser;
}

export function createTestPortal(config: { PORTAL_SECURE_COOKIES?: boolean } = {}): TestPortal {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const identity = createFakeIdentity();
  const fakeConsole = createFakeConsole();
  const app = createPortalApp({
    identity,
    console: fakeConsole,
    config: {
      PORTAL_PUBLIC_URL: undefined,
      PORTAL_SECURE_COOKIES: config.PORTAL_SECURE_COOKIES ?? false,
      PORTAL_SESSION_MINUTES: 30,
    },
    logger: createLogger({ service: "portal", level: "debug", destination }),
  }) as unknown as Hono;
  return { app, identity, console: fakeConsole, logs, browser: new Browser(app) };
}

export class Browser {
  cookie = "";
  last: Page | undefined;
  /** Every URL requested, redirects included. */
  readonly visited: string[] = [];
  constructor(private readonly app: Hono) {}

  private async send(path: string, init: RequestInit): Promise<Page> {
    this.visited.push(path);
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await this.app.request(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? "";
    const location = res.headers.get("location");
    if (res.status === 303 && location) return this.get(location);
    const page = { status: res.status, html: await res.text(), url: path, headers: res.headers };
    this.last = page;
    return page;
  }

  get(path: string): Promise<Page> {
    return this.send(path, { method: "GET" });
  }

  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.last?.html ?? "");
    if (!match?.[1]) throw new Error(`no CSRF token on ${this.last?.url ?? "(no page)"}`);
    return match[1];
  }

  /** Submits a form the way a browser does: urlencoded, with the page's CSRF token and the Origin header. */
  post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; origin?: string | null } = {},
  ): Promise<Page> {
    const body = new URLSearchParams(fields);
    const token = options.csrf === undefined ? this.csrfToken() : options.csrf;
    if (token !== null) body.set("_csrf", token);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    if (origin !== null) headers.origin = origin;
    return this.send(path, { method: "POST", headers, body: body.toString() });
  }
}

/** The text of the element after a field's label up to its input: the errors shown beside it. */
export function fieldBlock(html: string, name: string): string {
  const id = `f-${name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const start = html.indexOf(`for="${id}"`) >= 0 ? html.indexOf(`for="${id}"`) : html.indexOf(`id="${id}"`);
  const end = html.indexOf(`name="${name}"`, start);
  return start >= 0 && end > start ? html.slice(start, end) : "";
}
