// `npm run portal:screenshots`: starts the embedded stack in memory, walks the portal in Chromium as citizens do, and
// saves each page at desktop width and at 390 px (a phone) into docs/portal-screenshots/, for docs/portal.md.
import { mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createIdentityClient, createMailClient, createSmsClient, findSecret } from "@inps-sim/clients";
import { launchChromium, type Page } from "@inps-sim/chromium";
import { randomHealthCard, randomPersona, type Persona } from "@inps-sim/domain";
import { createLogger } from "@inps-sim/service-kit";
import { Writable } from "node:stream";
import { startStack } from "../src/index.ts";

const OUT = fileURLToPath(new URL("../../../docs/portal-screenshots/", import.meta.url));
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };
const log = createLogger({ service: "portal-screenshots", level: "info" });

// The stack logs to nowhere: the script's own lines say what it does.
const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
const stack = await startStack({
  freePorts: true,
  logLevel: "warn",
  logDestination: quiet,
  env: { ...process.env, HASH_PROFILE: "fast" },
});
const browser = await launchChromium();
try {
  const identity = createIdentityClient({
    baseUrl: stack.services.identity.urls.http!,
    adminToken: stack.adminToken,
  });
  const mail = createMailClient({
    apiUrl: stack.services.mail.urls.http!,
    smtpHost: "127.0.0.1",
    smtpPort: stack.services.mail.ports.smtp ?? 0,
  });
  const sms = createSmsClient({ baseUrl: stack.services.sms.urls.http! });
  const portal = stack.portal.urls.http!;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  /** A citizen on the control plane, with a live PIN or (state initial) 16 characters to replace. */
  async function citizen(pin: string, state: "active" | "initial" = "active"): Promise<Persona> {
    const c = randomPersona(random);
    const created = await identity.simCreateCitizen({
      fiscalCode: c.fiscalCode,
      firstName: c.firstName,
      lastName: c.lastName,
      gender: c.gender,
      birthDate: c.birthDate,
      birthPlace: c.birthPlace,
      residence: c.residence,
      contacts: { email: c.email, mobile: c.mobile },
      healthCard: randomHealthCard(random, new Date(Date.now() + 400 * 86_400_000)),
      pin,
      state,
    });
    if (!created.ok) throw new Error(`creating a citizen: ${created.status} ${created.raw}`);
    return c;
  }

  const submit = async (page: Page, button: string) => {
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: button, exact: true }).click(),
    ]);
  };
  const fill = async (page: Page, fields: Record<string, string>) => {
    for (const [name, value] of Object.entries(fields))
      await page.locator(`input[name="${name}"]`).fill(value);
  };
  const logIn = async (page: Page, c: Persona, pin: string) => {
    await page.context().clearCookies();
    await page.goto("/accedi");
    await fill(page, { fiscalCode: c.fiscalCode, pin });
    await submit(page, "Accedi");
  };

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ baseURL: portal, viewport, locale: "it-IT" });
    const page = await context.newPage();
    const shoot = async (name: string) => {
      await page.screenshot({ path: `${OUT}${name}-${width}.png`, fullPage: true });
      log.info({ page: name, width, path: new URL(page.url()).pathname }, "saved");
    };

    for (const [name, path] of [
      ["home", "/"],
      ["richiedi-pin", "/richiedi-pin"],
      ["attiva-pin", "/attiva-pin"],
      ["accedi", "/accedi"],
      ["revoca-pin", "/revoca-pin"],
      ["console-accesso", "/__console/accesso"],
      ["pin-smarrito", "/pin-smarrito"],
    ] as const) {
      await page.goto(path);
      await shoot(name);
    }
    await submit(page, "Invia");
    await shoot("pin-smarrito-errori");

    const newcomer = await citizen("Ab3dEf7hJk9mNp2q", "initial");
    await logIn(page, newcomer, "Ab3dEf7hJk9mNp2q");
    await shoot("primo-accesso");

    const lucia = await citizen("Vento3Lu");
    await logIn(page, lucia, "Vento3Lx");
    await shoot("accedi-pin-errato");
    await logIn(page, lucia, "Vento3Lu");
    await shoot("accedi-bloccato");
    await identity.simDrainOutbox();
    await fetch(`${stack.services.identity.urls.http}/__sim/clock`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "PT4M" }),
    });
    await logIn(page, lucia, "Vento3Lu");
    await shoot("area-personale");
    await page.goto("/area-personale/documenti/estratto-conto-contributivo");
    await shoot("estratto-conto-contributivo");
    await page.goto("/impostazioni/sicurezza");
    await shoot("impostazioni-sicurezza");
    await page.goto("/impostazioni/contatti");
    await shoot("modifica-contatti");
    await page.goto("/converti-pin");
    await shoot("converti-pin");
    await page.goto("/impostazioni/sicurezza/cambia-pin");
    await fill(page, { currentPin: "Vento3Lu", newPin: "Prato8Zk", confirmPin: "Prato8kZ" });
    await submit(page, "Salva");
    await shoot("cambia-pin-errori");
    await fill(page, { currentPin: "Vento3Lu", newPin: "Prato8Zk", confirmPin: "Prato8Zk" });
    await submit(page, "Salva");
    await shoot("codice-di-verifica");
    await identity.simDrainOutbox();
    const code = await mail.waitForSecret(`to:${lucia.email}`, "Codice di verifica", { timeoutMs: 10_000 });
    await fill(page, { code });
    await submit(page, "Conferma");
    await shoot("pin-modificato");

    // Hai smarrito il PIN?: the link and the code by email, the new PIN by SMS and email, then the generated PIN.
    const marco = await citizen("Marco5Ts");
    await page.goto("/pin-smarrito");
    await fill(page, { fiscalCode: marco.fiscalCode, mobile: marco.mobile, email: marco.email });
    await submit(page, "Invia");
    await shoot("pin-smarrito-inviata");
    await identity.simDrainOutbox();
    const recoveryMail = await mail.waitForMessage(`to:${marco.email} subject:Recupero`, {
      timeoutMs: 10_000,
    });
    const recoveryCode = await mail.secretIn(recoveryMail, "Codice di ripristino");
    const link = await mail.secretIn(recoveryMail, "Link di ripristino");
    if (!recoveryCode || !link) throw new Error("the recovery email has no link or code");
    await page.goto(new URL(link).pathname);
    await shoot("link-di-ripristino");
    await fill(page, { fiscalCode: marco.fiscalCode, recoveryCode });
    await submit(page, "Conferma");
    await identity.simDrainOutbox();
    const text = (await sms.list({ to: marco.mobile }))
      .map((m) => findSecret(m.text, "Prima parte del PIN"))
      .find(Boolean);
    const second = await mail.waitForSecret(`to:${marco.email} subject:Seconda`, "Seconda parte del PIN", {
      timeoutMs: 10_000,
    });
    if (!text) throw new Error("no SMS with the first part of the new PIN");
    await logIn(page, marco, text + second);
    await shoot("pin-generato");
    await submit(page, "Mostra il nuovo PIN");
    await shoot("pin-generato-mostrato");
    await context.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
