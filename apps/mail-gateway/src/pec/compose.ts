// Composes a provider message with nodemailer's MailComposer, restores the exact case the rules give header names,
// and signs it when the provider signs.
import type MailComposerType from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { PecSigner } from "./smime.ts";

/** Header names as the technical rules write them; MailComposer would write X-Tiporicevuta. */
const EXACT_NAMES = [
  "X-Trasporto",
  "X-Ricevuta",
  "X-TipoRicevuta",
  "X-Riferimento-Message-ID",
  "X-VerificaSicurezza",
];

let composer: Promise<typeof MailComposerType> | null = null;

function withExactHeaderNames(message: Buffer): Buffer {
  const end = message.indexOf("\r\n\r\n");
  let head = message.subarray(0, end).toString("latin1");
  for (const name of EXACT_NAMES) head = head.replace(new RegExp(`^${name}:`, "gim"), `${name}:`);
  return Buffer.concat([Buffer.from(head, "latin1"), message.subarray(end)]);
}

export async function composeProviderMessage(
  mail: Mail.Options,
  signer: PecSigner | null,
  at: Date,
): Promise<Buffer> {
  // Loaded on first use (the first PEC message): nodemailer costs start-up nothing until then.
  composer ??= import("nodemailer/lib/mail-composer/index.js").then((m) => m.default);
  const MailComposer = await composer;
  const built = await new MailComposer({ ...mail, date: at }).compile().build();
  // Canonical CRLF lines (RFC 8551 signs that form): MailComposer leaves the text parts' own line feeds bare.
  const canonical = Buffer.from(built.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
  const raw = withExactHeaderNames(canonical);
  return signer ? signer.sign(raw, at) : raw;
}
