// Every page of the portal, signed out and signed in, and the error states of its forms, in Chromium: axe finds no
// serious or critical violation. Over the fake identity service, so each state is reached in a click, not a journey.
import { AxeBuilder } from "@axe-core/playwright";
import { launchChromium, type Browser, type Page } from "@inps-sim/chromium";
import { listen, type RunningServer } from "@inps-sim/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPortal, type TestPortal } from "./browser.ts";
import { ADMIN_TOKEN } from "./fake-console.ts";
import {
  CARD,
  FIRST_HALF,
  FISCAL_CODE,
  GENERATED_PIN,
  INITIAL_PIN,
  RECOVERY_TOKEN,
} from "./fake-identity.ts";

const PIN = "Vento3Lu";

let portal: TestPortal;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  portal = createTestPortal();
  server = await listen(portal.app, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A citizen of the fake identity service in the state a page needs. */
function citizen(pin: string, requiredAction: "replace-initial-pin" | "confirm-generated-pin" | null = null) {
  portal.identity.citizens.set(FISCAL_CODE, { pin, requiredAction, wrong: 0 });
}

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
}

async function logIn(page: Page, pin: string) {
  await page.goto("/accedi");
  await page.locator('input[name="fiscalCode"]').fill(FISCAL_CODE);
  await page.locator('input[name="pin"]').fill(pin);
  await submit(page, "Accedi");
}

async function fill(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) await page.locator(`input[name="${name}"]`).fill(value);
}

/** Each page or state: how to reach it from a fresh browser, and the path it must end on. */
const visits: { name: string; path: string; reach: (page: Page) => Promise<void> }[] = [
  { name: "home", path: "/", reach: async (p) => void (await p.goto("/")) },
  { name: "Richiedi PIN", path: "/richiedi-pin", reach: async (p) => void (await p.goto("/richiedi-pin")) },
  {
    name: "Richiedi PIN with errors",
    path: "/richiedi-pin",
    reach: async (p) => {
      await p.goto("/richiedi-pin");
      await fill(p, { fiscalCode: "RSSMRA" });
      await submit(p, "Invia la richiesta");
    },
  },
  { name: "Attiva PIN", path: "/attiva-pin", reach: async (p) => void (await p.goto("/attiva-pin")) },
  {
    name: "Attiva PIN refused",
    path: "/attiva-pin",
    reach: async (p) => {
      await p.goto("/attiva-pin");
      await fill(p, {
        fiscalCode: FISCAL_CODE,
        firstHalf: "Zz9Zz9Zz",
        "healthCard.number": CARD.number,
        "healthCard.expiryDate": CARD.expiryDate,
      });
      await submit(p, "Attiva il PIN");
    },
  },
  {
    name: "the outcome of an activation",
    path: "/esito",
    reach: async (p) => {
      citizen(INITIAL_PIN, "replace-initial-pin");
      await p.goto("/attiva-pin");
      await fill(p, {
        fiscalCode: FISCAL_CODE,
        firstHalf: FIRST_HALF,
        "healthCard.number": CARD.number,
        "healthCard.expiryDate": CARD.expiryDate,
      });
      await submit(p, "Attiva il PIN");
    },
  },
  { name: "Accedi", path: "/accedi", reach: async (p) => void (await p.goto("/accedi")) },
  {
    name: "Accedi with a wrong PIN",
    path: "/accedi",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, "Sbagli4t");
    },
  },
  {
    name: "Accedi during a lockout",
    path: "/accedi",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, "Sbagli4t");
      await logIn(p, "Sbagli4t");
    },
  },
  {
    name: "Hai smarrito il PIN?",
    path: "/pin-smarrito",
    reach: async (p) => void (await p.goto("/pin-smarrito")),
  },
  {
    name: "Hai smarrito il PIN? with errors",
    path: "/pin-smarrito",
    reach: async (p) => {
      await p.goto("/pin-smarrito");
      await submit(p, "Invia");
    },
  },
  {
    name: "the recovery link",
    path: `/api/v1/recoveries/${RECOVERY_TOKEN}`,
    reach: async (p) => void (await p.goto(`/api/v1/recoveries/${RECOVERY_TOKEN}`)),
  },
  {
    name: "the recovery link with a wrong code",
    path: `/api/v1/recoveries/${RECOVERY_TOKEN}`,
    reach: async (p) => {
      citizen(PIN);
      await p.goto(`/api/v1/recoveries/${RECOVERY_TOKEN}`);
      await fill(p, { fiscalCode: FISCAL_CODE, recoveryCode: "X0X0X0X0" });
      await submit(p, "Conferma");
    },
  },
  {
    name: "first access",
    path: "/primo-accesso",
    reach: async (p) => {
      citizen(INITIAL_PIN, "replace-initial-pin");
      await logIn(p, INITIAL_PIN);
    },
  },
  {
    name: "first access, the confirmation differs",
    path: "/primo-accesso",
    reach: async (p) => {
      citizen(INITIAL_PIN, "replace-initial-pin");
      await logIn(p, INITIAL_PIN);
      await fill(p, { currentPin: INITIAL_PIN, newPin: "Girasol3", confirmPin: "Girasol4" });
      await submit(p, "Salva");
    },
  },
  {
    name: "area personale",
    path: "/area-personale",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
    },
  },
  {
    name: "a document of the personal area",
    path: "/area-personale/documenti/estratto-conto-contributivo",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/area-personale/documenti/estratto-conto-contributivo");
    },
  },
  {
    name: "Impostazioni → Sicurezza",
    path: "/impostazioni/sicurezza",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/impostazioni/sicurezza");
    },
  },
  {
    name: "Cambia PIN with a weak new PIN",
    path: "/impostazioni/sicurezza/cambia-pin",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/impostazioni/sicurezza/cambia-pin");
      await fill(p, { currentPin: PIN, newPin: "12345678", confirmPin: "12345678" });
      await submit(p, "Salva");
    },
  },
  {
    name: "the verification code, a wrong one given",
    path: "/impostazioni/sicurezza/cambia-pin/codice",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/impostazioni/sicurezza/cambia-pin");
      await fill(p, { currentPin: PIN, newPin: "Prato8Zk", confirmPin: "Prato8Zk" });
      await submit(p, "Salva");
      await fill(p, { code: "000000" });
      await submit(p, "Conferma");
    },
  },
  {
    name: "the generated PIN, shown once",
    path: "/pin-generato",
    reach: async (p) => {
      citizen(PIN, "confirm-generated-pin");
      await logIn(p, PIN);
      await submit(p, "Mostra il nuovo PIN");
    },
  },
  {
    name: "the generated PIN typed wrong",
    path: "/pin-generato/conferma",
    reach: async (p) => {
      citizen(PIN, "confirm-generated-pin");
      await logIn(p, PIN);
      await p.goto("/pin-generato/conferma");
      await fill(p, { pin: GENERATED_PIN.toLowerCase() });
      await submit(p, "Completa la procedura");
    },
  },
  { name: "Revoca PIN", path: "/revoca-pin", reach: async (p) => void (await p.goto("/revoca-pin")) },
  {
    name: "Revoca PIN refused",
    path: "/revoca-pin",
    reach: async (p) => {
      citizen(PIN);
      await p.goto("/revoca-pin");
      await fill(p, {
        fiscalCode: FISCAL_CODE,
        "healthCard.number": "80380009999999999999",
        "healthCard.expiryDate": CARD.expiryDate,
        email: "altro@example.it",
      });
      await submit(p, "Revoca il PIN");
    },
  },
  {
    name: "Modifica contatti",
    path: "/impostazioni/contatti",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/impostazioni/contatti");
    },
  },
  {
    name: "Converti PIN",
    path: "/converti-pin",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/converti-pin");
    },
  },
  {
    name: "Converti PIN, the identity document",
    path: "/converti-pin/documento",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/converti-pin/documento");
    },
  },
  {
    name: "the console's access",
    path: "/__console/accesso",
    reach: async (p) => void (await p.goto("/__console/accesso")),
  },
  ...(["", "/guasti", "/cittadini", "/outbox"] as const).map((sub) => ({
    name: `the console${sub || ": the clock"}`,
    path: `/__console${sub}`,
    reach: async (p: Page) => {
      await p.goto("/__console/accesso");
      await fill(p, { adminToken: ADMIN_TOKEN });
      await submit(p, "Entra nella console");
      await p.goto(`/__console${sub}`);
    },
  })),
  {
    name: "a page that does not exist, signed in",
    path: "/non-esiste",
    reach: async (p) => {
      citizen(PIN);
      await logIn(p, PIN);
      await p.goto("/non-esiste");
    },
  },
];

describe("accessibility: axe finds no serious or critical violation", () => {
  // axe reads the whole page in Chromium: seconds on a quiet machine, far more on a busy one.
  it.each(visits)("$name", { timeout: 120_000 }, async ({ path, reach }) => {
    const context = await browser.newContext({ baseURL: server.url, locale: "it-IT" });
    try {
      const page = await context.newPage();
      await reach(page);
      expect(new URL(page.url()).pathname).toBe(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(serious).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
