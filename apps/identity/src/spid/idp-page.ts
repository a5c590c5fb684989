// The test identity provider's page (Italian): pick a citizen of the simulator and a SPID level, get the assertion
// to present at POST /api/v1/sessions/spid. A plain form, no script.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LEVELS_IT = [
  ["1", "Livello 1 - nome utente e password"],
  ["2", "Livello 2 - password e codice temporaneo (OTP)"],
  ["3", "Livello 3 - certificato su smart card"],
] as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} - Gestore di identità SPID di test</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function idpFormPage(values: { fiscalCode?: string; level?: string; message?: string } = {}): string {
  const options = LEVELS_IT.map(
    ([value, label]) =>
      `<option value="${value}"${values.level === value ? " selected" : ""}>${escapeHtml(label)}</option>`,
  ).join("");
  return page(
    "Entra con SPID (gestore di test)",
    `<p>Gestore di identità SPID del simulatore: rilascia asserzioni firmate per i cittadini del simulatore, da presentare a
<code>POST /api/v1/sessions/spid</code>. Non è un vero gestore SPID e non scambia messaggi SAML.</p>
${values.message ? `<p role="alert">${escapeHtml(values.message)}</p>` : ""}
<form method="post" action="/spid">
<p><label for="token">Token del pannello di controllo (SIM_ADMIN_TOKEN)</label><br><input id="token" name="token" type="password" autocomplete="off" required></p>
<p><label for="fiscalCode">Codice fiscale</label><br><input id="fiscalCode" name="fiscalCode" maxlength="16" autocomplete="off" value="${escapeHtml(values.fiscalCode ?? "")}" required></p>
<p><label for="level">Livello di sicurezza</label><br><select id="level" name="level">${options}</select></p>
<p><button type="submit">Rilascia l'asserzione</button></p>
</form>`,
  );
}

export function idpAssertionPage(input: {
  holder: string;
  level: number;
  assertion: string;
  expiresAt: string;
}): string {
  return page(
    "Asserzione SPID rilasciata",
    `<p>Identità: <strong>${escapeHtml(input.holder)}</strong>, livello SPID ${input.level}. Valida fino a ${escapeHtml(input.expiresAt)}
(tempo simulato), una sola volta.</p>
<p><label for="assertion">Asserzione</label><br><textarea id="assertion" rows="8" cols="80" readonly>${escapeHtml(input.assertion)}</textarea></p>
<p>Per accedere: <code>POST /api/v1/sessions/spid</code> con <code>{ "assertion": "…" }</code>.</p>
<p><a href="/spid">Un'altra asserzione</a></p>`,
  );
}
