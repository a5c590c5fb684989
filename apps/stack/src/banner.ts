// The lines `npm start` prints once everything answers: every URL, the admin token, where data lives.
import type { RunningStack } from "./start-stack.ts";

export function renderBanner(
  stack: RunningStack,
  /** memory: `--memory`, whose database is a temporary directory removed at exit. */
  options: { startupMs: number; color?: boolean; memory?: boolean },
): string {
  const { identity, sms, mail, postal } = stack.services;
  const b = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const rows: [string, string][] = [
    ["Portal", `${stack.portal.urls.http}   (the citizen's pages, in Italian: open this one)`],
    [
      "  Console",
      `${stack.portal.urls.http}/__console   (clock, faults, citizens, outbox; asks for the control-plane token below)`,
    ],
    ["Identity service", `${identity.urls.http}   (API /api/v1, reference /docs, /openapi.json)`],
    ["SMS gateway", `${sms.urls.http}   (inbox page /, API /api/v1/messages, reference /docs)`],
    ["Mail gateway", `${mail.urls.http}   (inbox page /, Mailpit-compatible API /api/v1, reference /docs)`],
    ["  SMTP", `smtp://127.0.0.1:${mail.ports.smtp ?? "?"}`],
    ["Postal gateway", `${postal.urls.http}   (mailbox page /, API /api/v1/letters, reference /docs)`],
    [
      "Control plane",
      `Authorization: Bearer ${stack.adminToken}   (/__sim on every service; GET /__sim/stack lists them)`,
    ],
    [
      "Operator",
      stack.operatorToken
        ? `Authorization: Bearer ${stack.operatorToken}   (/api/v1/operator/*, the contact centre; OPERATOR_TOKENS sets your own)`
        : "tokens from OPERATOR_TOKENS   (/api/v1/operator/*, the contact centre)",
    ],
    [
      "Database",
      `${stack.database.kind} — ${stack.database.location}${options.memory ? "   (removed at exit)" : ""}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    "",
    b(`INPS PIN simulator is up in ${(options.startupMs / 1000).toFixed(1)} s`),
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    "",
    `  Move simulated time: curl -X POST -H 'Authorization: Bearer ${stack.adminToken}' \\`,
    `    -H 'content-type: application/json' -d '{"advanceBy":"P1D"}' ${identity.urls.http}/__sim/clock`,
    options.memory
      ? "  Press Ctrl-C to stop; nothing is kept (--memory)."
      : "  Press Ctrl-C to stop; data survives a restart (npm start -- --reset wipes it).",
    "",
  ].join("\n");
}
