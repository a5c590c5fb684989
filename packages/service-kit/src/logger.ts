// Structured logs (pino). Secret-bearing keys are censored wherever they appear, as R14 requires.
import { pino, type Logger } from "pino";

export type { Logger };

/** Keys that may carry a PIN or a one-time code; never written to a log in clear. */
export const SECRET_KEYS = [
  "pin",
  "newPin",
  "currentPin",
  "confirmPin",
  "firstHalf",
  "secondHalf",
  "code",
  "recoveryCode",
  "token",
  "authorization",
  "password",
  "text",
  "body",
  "html",
];

export interface LoggerOptions {
  service: string;
  level?: string | undefined;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const paths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      name: options.service,
      level: options.level ?? "info",
      redact: { paths, censor: "[redacted]" },
      base: { service: options.service },
    },
    options.destination ?? process.stdout,
  );
}
