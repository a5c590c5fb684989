// The citizen at the portal in Chromium: fills the Italian forms by their labels, presses the buttons, and reads what
// the page then says. One browser per Cucumber worker, one context (cookies, session) per scenario.
import type { IdentityResult, PinChangeStarted, Session } from "@inps-sim/clients";
import type { Browser, BrowserContext, Page, Response } from "@inps-sim/chromium";
import type { CitizenDriver } from "./citizen-driver.ts";
import { channelIn, failureOf, italianDate, requiredActionAt, type ShownError } from "./portal-pages.ts";

let browser: Promise<Browser> | undefined;

/**
 * The worker's Chromium, started by the first scenario that needs it; playwright is loaded then too, not by every
 * Cucumber process that loads the steps (the API driver never needs it).
 */
function workerBrowser(): Promise<Browser> {
  browser ??= import("@inps-sim/chromium").then(({ launchChromium }) => launchChromium());
  return browser;
}

/** Closes the worker's Chromium (AfterAll). */
export async function closeWorkerBrowser(): Promise<void> {
  const started = browser;
  browser = undefined;
  if (started) await (await started.catch(() => undefined))?.close();
}

const DESKTOP = { width: 1280, height: 900 };

interface Landed {
  response: Response | null;
  path: string;
}

export function createBrowserDriver(portalUrl: () => string): CitizenDriver {
  let context: BrowserContext | undefined;
  let current: Page | undefined;
  /** The code page of the change in progress (first access or Cambia PIN). */
  let codePage: string | undefined;

  async function page(): Promise<Page> {
    if (!current) {
      context = await (
        await workerBrowser()
      ).newContext({ baseURL: portalUrl(), viewport: DESKTOP, locale: "it-IT" });
      current = await context.newPage();
    }
    return current;
  }

  const pathOf = (p: Page) => new URL(p.url()).pathname;

  async function open(path: string): Promise<Page> {
    const p = await page();
    await p.goto(path);
    return p;
  }

  /** Presses a form's button and waits for the page the answer leads to (after the portal's 303, if any). */
  async function submit(p: Page, button: string): Promise<Landed> {
    const [response] = await Promise.all([
      p.waitForNavigation(),
      p.getByRole("button", { name: button, exact: true }).click(),
    ]);
    return { response, path: pathOf(p) };
  }

  /** Every message shown beside a field (or under a group's legend), and those of the form as a whole. */
  async function shownErrors(p: Page): Promise<ShownError[]> {
    const out: ShownError[] = [];
    for (const el of await p.locator(".field-error").all()) {
      // The input that names this message in its aria-describedby; a group's message sits under its legend instead.
      const id = (await el.getAttribute("id")) ?? "";
      const input = p.locator(`input[aria-describedby~="${id}"]`).first();
      const path = (await input.count())
        ? await input.getAttribute("name")
        : id.replace(/^f-/, "").replace(/-errore$/, "");
      out.push({ path: path || undefined, message: (await el.innerText()).trim() });
    }
    // The summary's plain items (no link to a field) concern the whole form.
    for (const li of await p.locator(".error-summary li:not(:has(a))").all())
      out.push({ path: undefined, message: (await li.innerText()).trim() });
    return out;
  }

  async function failed(p: Page, landed: Landed) {
    const headers = new Headers(landed.response ? await landed.response.allHeaders() : {});
    return failureOf(
      landed.response?.status() ?? 0,
      headers,
      await shownErrors(p),
      await p.locator("main").innerText(),
    );
  }

  const headersOf = async (landed: Landed) =>
    new Headers(landed.response ? await landed.response.allHeaders() : {});

  async function notice(p: Page): Promise<string> {
    return (await p.locator("main").innerText()).replace(/\s+/g, " ");
  }

  async function signedIn(p: Page): Promise<boolean> {
    return (await p.getByRole("button", { name: "Esci", exact: true }).count()) > 0;
  }

  return {
    kind: "browser",

    async requestPin(input) {
      const p = await open("/richiedi-pin");
      const text = (name: string) => p.getByRole("textbox", { name, exact: true });
      await text("Codice fiscale").fill(input.fiscalCode);
      await text("Nome").fill(input.firstName);
      await text("Cognome").fill(input.lastName);
      await p.getByRole("radio", { name: input.gender === "F" ? "Femmina" : "Maschio", exact: true }).check();
      await p.getByLabel("Data di nascita", { exact: true }).fill(input.birthDate);
      await text("Luogo di nascita").fill(input.birthPlace);
      await text("Via e numero civico").fill(input.residence.street);
      await text("CAP").fill(input.residence.postalCode);
      await text("Comune").fill(input.residence.city);
      await text("Provincia").fill(input.residence.province ?? "");
      if (input.contacts.email) await text("Email").fill(input.contacts.email);
      if (input.contacts.pec) await text("PEC").fill(input.contacts.pec);
      if (input.contacts.mobile) await text("Cellulare").fill(input.contacts.mobile);
      if (input.healthCard) {
        await text("Numero della tessera sanitaria").fill(input.healthCard.number);
        await p
          .getByLabel("Scadenza della tessera sanitaria", { exact: true })
          .fill(input.healthCard.expiryDate);
      }
      const profile = input.deliveryProfile === "post-then-activate" ? /^Prima per posta/ : /^Prima online/;
      await p.getByRole("radio", { name: profile }).check();
      const channel = { email: "Email", pec: "PEC", sms: "SMS" }[input.firstHalfChannel ?? "email"];
      await p.getByRole("radio", { name: channel, exact: true }).check();
      const landed = await submit(p, "Invia la richiesta");
      if (landed.path !== "/esito") return failed(p, landed);
      const said = await notice(p);
      const [first, second] = [/prima parte del PIN[^.]*\./i, /seconda parte[^.]*\./i].map((re) =>
        channelIn(re.exec(said)?.[0] ?? ""),
      );
      const deadline = italianDate(/entro il ([^.]*)\./.exec(said)?.[1] ?? "");
      if (!first || !second || !deadline)
        throw new Error(
          `the page after "Invia la richiesta" does not say the channels and the deadline: ${said}`,
        );
      return {
        ok: true,
        status: landed.response?.status() ?? 200,
        headers: await headersOf(landed),
        body: {
          channels: { firstHalf: first, secondHalf: second },
          deliveryProfile: /dopo l'attivazione/.test(said) ? "post-then-activate" : "digital-then-post",
          // The page states the day (Europe/Rome), not the instant; the steps compare days when given one.
          activationDeadline: deadline,
          requestId: "",
        },
      };
    },

    async activate(input) {
      const p = await open("/attiva-pin");
      await p.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(input.fiscalCode);
      await p.getByLabel("Prima parte del PIN", { exact: true }).fill(input.firstHalf);
      await p
        .getByRole("textbox", { name: "Numero della tessera sanitaria", exact: true })
        .fill(input.healthCard.number);
      await p
        .getByLabel("Scadenza della tessera sanitaria", { exact: true })
        .fill(input.healthCard.expiryDate);
      const landed = await submit(p, "Attiva il PIN");
      if (landed.path !== "/esito") return failed(p, landed);
      const channel = channelIn(/seconda parte del PIN[^.]*\./i.exec(await notice(p))?.[0] ?? "");
      if (channel !== "email" && channel !== "pec" && channel !== "sms")
        throw new Error(`the page after "Attiva il PIN" does not say where the second half goes`);
      return {
        ok: true,
        status: landed.response?.status() ?? 200,
        headers: await headersOf(landed),
        body: { status: "activated", secondHalfChannel: channel },
      };
    },

    async logIn(fiscalCode, pin): Promise<IdentityResult<Session>> {
      let p = await page();
      // A new login, as in a new private window: the session open in this browser (if any) is left as it is.
      if (p.url() !== "about:blank" && (await signedIn(p))) await context?.clearCookies();
      p = await open("/accedi");
      await p.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(fiscalCode);
      await p.getByLabel("PIN", { exact: true }).fill(pin);
      const landed = await submit(p, "Accedi");
      const requiredAction = requiredActionAt(landed.path);
      if (requiredAction === undefined) return failed(p, landed);
      // The personal area names the kind of PIN; a page that owes an action comes before it (an ordinary PIN then).
      const kind =
        requiredAction === null ? await p.getByRole("row", { name: /Tipo di PIN/ }).innerText() : "";
      return {
        ok: true,
        status: landed.response?.status() ?? 200,
        headers: await headersOf(landed),
        // The token stays in the portal, behind the session cookie: the browser never sees it.
        body: {
          token: "",
          expiresAt: "",
          requiredAction,
          pinKind: /dispositivo/.test(kind) ? "dispositivo" : "ordinary",
        },
      };
    },

    async startPinChange(input) {
      // Impostazioni → Sicurezza → Cambia PIN; a session that must first replace the 16 characters is sent to the first access.
      const p = await open("/impostazioni/sicurezza/cambia-pin");
      const base = pathOf(p);
      if (base === "/accedi") throw new Error("the citizen is not logged in at the portal");
      await p.locator('input[name="currentPin"]').fill(input.currentPin);
      await p.getByLabel("Nuovo PIN", { exact: true }).fill(input.newPin);
      await p.getByLabel("Conferma il nuovo PIN", { exact: true }).fill(input.confirmPin);
      const landed = await submit(p, "Salva");
      if (landed.path !== `${base}/codice`) return failed(p, landed);
      codePage = landed.path;
      const said = await notice(p);
      const where = /codice di verifica per (email all'indirizzo|SMS al numero) (\S+?)\.? Lo inserisca/.exec(
        said,
      );
      if (!where) throw new Error(`the code page does not say where the code went: ${said}`);
      const body: PinChangeStarted = {
        changeId: "",
        verificationChannel: where[1]!.startsWith("SMS") ? "sms" : "email",
        destination: where[2]!,
      };
      return { ok: true, status: landed.response?.status() ?? 200, headers: await headersOf(landed), body };
    },

    async verifyPinChange(_started, code) {
      if (!codePage) throw new Error("the citizen has not started a change at the portal");
      let p = await page();
      if (pathOf(p) !== codePage) p = await open(codePage);
      await p.getByRole("textbox", { name: "Codice di verifica", exact: true }).fill(code);
      const landed = await submit(p, "Conferma");
      if (landed.path !== "/esito" || !/PIN modificato/.test(await p.locator("h1").innerText()))
        return failed(p, landed);
      return {
        ok: true,
        status: landed.response?.status() ?? 200,
        headers: await headersOf(landed),
        body: { status: "changed", pinExpiresAt: null },
      };
    },

    async askRecovery(input) {
      const p = await open("/pin-smarrito");
      const text = (name: string) => p.getByRole("textbox", { name, exact: true });
      await text("Codice fiscale").fill(input.fiscalCode);
      if (input.mobile) await text("Cellulare").fill(input.mobile);
      if (input.email) await text("Email").fill(input.email);
      if (input.pec) await text("PEC").fill(input.pec);
      const landed = await submit(p, "Invia");
      if (landed.path !== "/esito") return failed(p, landed);
      // The page tells the same for any data (R15); in the contract's words, 202 accepted.
      return { ok: true, status: 202, headers: await headersOf(landed), body: { status: "accepted" } };
    },

    async confirmRecovery(linkToken, input) {
      const p = await open(`/api/v1/recoveries/${encodeURIComponent(linkToken)}`);
      await p.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(input.fiscalCode);
      await p.getByLabel("Codice di ripristino", { exact: true }).fill(input.recoveryCode);
      const landed = await submit(p, "Conferma");
      if (landed.path !== "/esito") return failed(p, landed);
      const said = await notice(p);
      const match = /I primi 8 caratteri del nuovo PIN arrivano (per \w+), gli altri 8 (per \w+)/.exec(said);
      const [first, second] = [channelIn(match?.[1] ?? ""), channelIn(match?.[2] ?? "")];
      // The contract knows one way (R18): the first 8 by SMS, the other 8 by email.
      if (first !== "sms" || second !== "email")
        throw new Error(`the page after the recovery link does not say "per SMS" and "per email": ${said}`);
      return {
        ok: true,
        status: 202,
        headers: await headersOf(landed),
        body: { status: "pin-sent", channels: { firstHalf: first, secondHalf: second } },
      };
    },

    async showGeneratedPin() {
      const p = await open("/pin-generato");
      if (pathOf(p) !== "/pin-generato")
        throw new Error(`the generated-PIN page sent the citizen to ${pathOf(p)}`);
      const landed = await submit(p, "Mostra il nuovo PIN");
      const shown = p.getByLabel("Nuovo PIN", { exact: true }).and(p.locator(".generated-pin"));
      if (!(await shown.count())) return failed(p, landed);
      // Shown on the answer to a POST: in the contract's words, 201 created.
      return {
        ok: true,
        status: 201,
        headers: await headersOf(landed),
        body: { pin: (await shown.innerText()).trim() },
      };
    },

    async confirmGeneratedPin(pin) {
      let p = await page();
      if (!(await p.getByRole("button", { name: "Completa la procedura", exact: true }).count()))
        p = await open("/pin-generato/conferma");
      await p.locator('input[name="pin"]').fill(pin);
      const landed = await submit(p, "Completa la procedura");
      if (landed.path !== "/esito" || !/Recupero completato/.test(await p.locator("h1").innerText()))
        return failed(p, landed);
      return {
        ok: true,
        status: 200,
        headers: await headersOf(landed),
        body: { status: "changed", pinExpiresAt: null },
      };
    },

    async revoke(input) {
      const p = await open("/revoca-pin");
      await p.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(input.fiscalCode);
      await p
        .getByRole("textbox", { name: "Numero della tessera sanitaria", exact: true })
        .fill(input.healthCard.number);
      await p
        .getByLabel("Scadenza della tessera sanitaria", { exact: true })
        .fill(input.healthCard.expiryDate);
      if (input.email)
        await p.getByRole("textbox", { name: "Email registrata", exact: true }).fill(input.email);
      if (input.pec) await p.getByRole("textbox", { name: "PEC registrata", exact: true }).fill(input.pec);
      const landed = await submit(p, "Revoca il PIN");
      if (landed.path !== "/esito" || !/PIN revocato/.test(await p.locator("h1").innerText()))
        return failed(p, landed);
      return { ok: true, status: 200, headers: await headersOf(landed), body: { status: "revoked" } };
    },

    async prepare() {
      await page();
    },

    async screenshot() {
      return current ? current.screenshot({ fullPage: true }) : undefined;
    },

    async close() {
      await context?.close();
      context = undefined;
      current = undefined;
    },
  };
}
