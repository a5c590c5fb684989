// The page behind the recovery link (R17). It only shows the form: opening it changes nothing, so a mail scanner
// that fetches every link cannot use the recovery up. The form posts JSON to …/confirm.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function recoveryFormPage(confirmPath: string): string {
  const action = escapeHtml(confirmPath);
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Recupero del PIN - INPS</title></head>
<body>
<main>
<h1>Recupero del PIN</h1>
<p>Inserisca il codice fiscale e il codice di ripristino ricevuto per email o PEC.</p>
<form id="recupero" data-action="${action}">
<p><label for="fiscalCode">Codice fiscale</label><br><input id="fiscalCode" name="fiscalCode" autocomplete="off" maxlength="16" required></p>
<p><label for="recoveryCode">Codice di ripristino</label><br><input id="recoveryCode" name="recoveryCode" autocomplete="one-time-code" maxlength="32" required></p>
<p><button type="submit">Conferma</button></p>
</form>
<p id="esito" role="status"></p>
</main>
<script>
document.getElementById("recupero").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const body = { fiscalCode: form.fiscalCode.value, recoveryCode: form.recoveryCode.value };
  const res = await fetch(form.dataset.action, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => ({}));
  document.getElementById("esito").textContent = res.ok
    ? "Fatto: i primi 8 caratteri del nuovo PIN arrivano per SMS, gli altri 8 per email."
    : (answer.detail || "Recupero non riuscito.");
});
</script>
</body>
</html>
`;
}
