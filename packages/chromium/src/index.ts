// One way to start a browser for the portal's tests, journeys and screenshots: the system's Chromium (playwright-core
// downloads no browser, and no machine here could fetch one), with flags that keep it quiet and offline.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH points elsewhere (another distribution, macOS). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Why no browser can start, in words a developer can act on; undefined when the executable is there. */
export function missingChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const path = chromiumPath(env);
  if (existsSync(path)) return undefined;
  return [
    `Chromium is not installed at ${path}: the portal's browser tests (the @ui journeys, the accessibility check, the screenshots) need it.`,
    "Install it: on Debian or Ubuntu `sudo apt-get install -y chromium` (CI's .ci/run does this);",
    "elsewhere install Chromium or Chrome and set CHROMIUM_PATH to its executable.",
  ].join("\n");
}

export async function launchChromium(
  env: Record<string, string | undefined> = process.env,
): Promise<Browser> {
  const missing = missingChromium(env);
  if (missing) throw new Error(missing);
  return chromium.launch({ executablePath: chromiumPath(env), headless: true, args: [...CHROMIUM_FLAGS] });
}

export type { Browser, BrowserContext, Page, Response } from "playwright-core";
