// No Docker engine runs here, so docker-compose.yml is checked by reading it against the apps' own config.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { identityConfigSchema } from "@inps-sim/identity";
import { mailConfigSchema } from "@inps-sim/mail-gateway";
import { portalConfigSchema } from "@inps-sim/portal";
import { postalConfigSchema } from "@inps-sim/postal-gateway";
import { smsConfigSchema } from "@inps-sim/sms-gateway";
import { nodeFlags } from "../bin/node-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  profiles?: string[];
  healthcheck?: { test: string[] };
  image?: string;
  networks?: { default?: { aliases?: string[] } };
}
const compose = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const dotEnv = readFileSync(join(root, ".env"), "utf8");

// Read by every service through runStandalone (packages/service-kit/src/run-standalone.ts).
const COMMON = ["DATABASE_URL", "DATA_DIR", "SIM_START", "LOG_LEVEL"];

const apps: Record<string, { pkg: string; dir: string; schema: z.ZodObject; ports: Record<string, string> }> =
  {
    identity: {
      pkg: "@inps-sim/identity",
      dir: "identity",
      schema: identityConfigSchema,
      ports: { IDENTITY_PORT: "4000" },
    },
    sms: {
      pkg: "@inps-sim/sms-gateway",
      dir: "sms-gateway",
      schema: smsConfigSchema,
      ports: { SMS_PORT: "4010" },
    },
    mail: {
      pkg: "@inps-sim/mail-gateway",
      dir: "mail-gateway",
      schema: mailConfigSchema,
      ports: { MAIL_HTTP_PORT: "8025", SMTP_PORT: "1025" },
    },
    postal: {
      pkg: "@inps-sim/postal-gateway",
      dir: "postal-gateway",
      schema: postalConfigSchema,
      ports: { POSTAL_PORT: "4030" },
    },
    portal: {
      pkg: "@inps-sim/portal",
      dir: "portal",
      schema: portalConfigSchema,
      ports: { PORTAL_PORT: "4040" },
    },
  };

/** `${VAR:-default}` as compose resolves it when VAR is unset. */
const interpolate = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");

const service = (name: string): ComposeService => {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
};

describe("docker-compose.yml", () => {
  it("has PostgreSQL, the identity service, the three gateways and the portal, each with a health check", () => {
    for (const name of ["postgres", ...Object.keys(apps)])
      expect(service(name).healthcheck, name).toBeDefined();
  });

  it("starts the whole stack with the same node flags through npm start, from the root or apps/stack", () => {
    const start = (dir: string) =>
      (
        JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
          scripts: Record<string, string>;
        }
      ).scripts.start;
    expect(start(".")).toBe(`node ${nodeFlags.join(" ")} apps/stack/bin/run.mjs stack`);
    expect(start("apps/stack")).toBe(`node ${nodeFlags.join(" ")} bin/run.mjs stack`);
  });

  for (const [name, app] of Object.entries(apps)) {
    it(`starts ${name} alone from its own bundle, as its npm start does`, () => {
      // bin/run.mjs runs dist/<app>.mjs, which the build makes from apps/<app>/src/main.ts.
      // With node's own flags (node-flags.mjs), which act only on its command line.
      expect(service(name).command).toEqual(["node", ...nodeFlags, "apps/stack/bin/run.mjs", app.dir]);
      expect(existsSync(join(root, "apps", "stack", "bin", "run.mjs"))).toBe(true);
      expect(existsSync(join(root, "apps", app.dir, "src", "main.ts")), `${app.pkg} entry point`).toBe(true);
      const pkg = JSON.parse(readFileSync(join(root, "apps", app.dir, "package.json"), "utf8")) as {
        name: string;
        scripts: Record<string, string>;
      };
      expect(pkg.name).toBe(app.pkg);
      expect(pkg.scripts.start).toBe(`node ${nodeFlags.join(" ")} ../stack/bin/run.mjs ${app.dir}`);
    });

    it(`gives ${name} only settings it reads, on the contract's ports`, () => {
      const env = service(name).environment ?? {};
      const known = new Set([...Object.keys(app.schema.shape), ...COMMON]);
      for (const key of Object.keys(env)) expect(known.has(key), `${name} does not read ${key}`).toBe(true);
      // Every setting must also parse: the values compose passes are valid for the app.
      const values = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v))]));
      const parsed = app.schema.safeParse(values);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      for (const [variable, port] of Object.entries(app.ports)) {
        expect(String(env[variable]), variable).toBe(port);
        expect(service(name).ports, `${name} publishes ${port}`).toContain(`${port}:${port}`);
      }
    });
  }

  it("points the identity service at the gateways' service names and ports", () => {
    const env = service("identity").environment ?? {};
    const target = (url: unknown) => new URL(String(url));
    expect(target(env.SMS_URL).hostname).toBe("sms");
    expect(target(env.SMS_URL).port).toBe(String(service("sms").environment?.SMS_PORT));
    expect(target(env.POSTAL_URL).hostname).toBe("postal");
    expect(target(env.POSTAL_URL).port).toBe(String(service("postal").environment?.POSTAL_PORT));
    expect(target(env.MAIL_URL).hostname).toBe("mail");
    expect(target(env.MAIL_URL).port).toBe(String(service("mail").environment?.MAIL_HTTP_PORT));
    expect(env.SMTP_HOST).toBe("mail");
    expect(String(env.SMTP_PORT)).toBe(String(service("mail").environment?.SMTP_PORT));
  });

  it("tells a suite or a browser on the host the gateways' published ports, not the service names", () => {
    const env = service("identity").environment ?? {};
    const published = (name: string, url: unknown) => {
      const target = new URL(interpolate(String(url)));
      expect(target.hostname, String(url)).toBe("localhost");
      expect(service(name).ports, `${name} publishes ${target.port}`).toContain(
        `${target.port}:${target.port}`,
      );
    };
    published("sms", env.SMS_PUBLIC_URL);
    published("mail", env.MAIL_PUBLIC_URL);
    published("mail", env.SMTP_PUBLIC_URL);
    published("postal", env.POSTAL_PUBLIC_URL);
  });

  it("points the portal at the identity service, and the recovery link at the portal", () => {
    const env = service("portal").environment ?? {};
    expect(new URL(String(env.IDENTITY_URL)).hostname).toBe("identity");
    expect(new URL(String(env.IDENTITY_URL)).port).toBe(
      String(service("identity").environment?.IDENTITY_PORT),
    );
    const portalUrl = new URL(interpolate(String(env.PORTAL_PUBLIC_URL)));
    expect(portalUrl.port).toBe(String(env.PORTAL_PORT));
    expect(interpolate(String(service("identity").environment?.PUBLIC_URL))).toBe(portalUrl.origin);
  });

  it("offers the real Mailpit in place of our mail gateway under the profile mailpit", () => {
    const mailpit = service("mailpit");
    expect(mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(mailpit.profiles).toEqual(["mailpit"]);
    expect(mailpit.ports).toEqual(expect.arrayContaining(["8025:8025", "1025:1025"]));
    // Same network name as ours, so the identity service needs no change.
    expect(mailpit.networks?.default?.aliases).toContain("mail");
    // Ours runs by default (.env enables its profile) and steps aside when COMPOSE_PROFILES=mailpit.
    const profile = service("mail").profiles?.[0];
    expect(profile).toBeDefined();
    expect(dotEnv).toMatch(new RegExp(`^COMPOSE_PROFILES=${profile}$`, "m"));
  });
});
