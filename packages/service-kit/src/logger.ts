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
      serializers: { err: serializeError },
      base: { service: options.service },
    },
    options.destination ?? process.stdout,
  );
}

/**
 * An error as a log line may show it: type, message, stack and the chain of causes, with what a failed query
 * carries about its data removed. drizzle writes every parameter into its message ("params: …"), the drivers keep
 * them in `params`/`parameters`, and PostgreSQL quotes the offending value (`invalid input syntax …: "RSSMRA…"`)
 * and puts row values in `detail`: only the SQL text and the SQLSTATE stay.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const message = scrubMessage(error.message);
  const out: Record<string, unknown> = { type: error.constructor.name, message };
  if (error.stack)
    out.stack =
      scrubMessage(error.stack.split("\n    at ")[0] ?? "") +
      error.stack.slice(error.stack.indexOf("\n    at "));
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === "string" && /^[0-9A-Z]{5}$/.test(sqlState)) out.sqlState = sqlState;
  if (error.cause !== undefined && depth < 4) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

function scrubMessage(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*$/, "\nparams: (not logged)")
    .replace(/: "[\s\S]*"$/, ': "(not logged)"')
    .replace(/\((?:[^()]|\([^()]*\))*\)=\((?:[^()]|\([^()]*\))*\)/g, "(…)=(not logged)");
}
