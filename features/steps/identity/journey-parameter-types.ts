// Parameter types of the citizen-journey steps (features/identity/journeys).
import { defineParameterType } from "@cucumber/cucumber";

/** How the citizen names the channel a half travels by. */
defineParameterType({ name: "halfChannel", regexp: /PEC|SMS|email|post/, transformer: (s: string) => s });

/** A gateway the scenario takes down: the mail server (SMTP), the SMS gateway or the postal gateway. */
defineParameterType({ name: "gateway", regexp: /mail server|SMS gateway|postal gateway/, transformer: (s: string) => s });

/** One wrong or swapped character (guide 002). */
defineParameterType({ name: "pinMistake", regexp: /one character wrong|two characters swapped/, transformer: (s: string) => s });

/** A detail of the anagrafica made to disagree with the codice fiscale. */
defineParameterType({
  name: "mismatchedDetail",
  regexp: /a different (?:birth date|sex|surname|name|birth place)/,
  transformer: (s: string) => s.replace(/^a different /, ""),
});

/** A detail of an activation that is not the citizen's. */
defineParameterType({
  name: "wrongActivationDetail",
  regexp: /a health card number that is not theirs|a wrong expiry date of the health card|a first half with one character wrong/,
  transformer: (s: string) => s,
});

defineParameterType({ name: "requiredActionWord", regexp: /replaced|renewed/, transformer: (s: string) => s });

/** A detail of an online revocation that is not the citizen's (R23). */
defineParameterType({
  name: "wrongRevocationDetail",
  regexp: /a health card number that is not theirs|an email that is not registered/,
  transformer: (s: string) => s,
});
