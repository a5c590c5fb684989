// Every parameter type of the steps, in one place (docs/steps.md lists them).
import { defineParameterType } from "@cucumber/cucumber";

export const UNIT_TO_ISO: Record<string, (n: number) => string> = {
  second: (n) => `PT${n}S`,
  minute: (n) => `PT${n}M`,
  hour: (n) => `PT${n}H`,
  day: (n) => `P${n}D`,
  week: (n) => `P${n}W`,
  month: (n) => `P${n}M`,
  year: (n) => `P${n}Y`,
};

/** A unit of simulated time, singular or plural: second … year. */
defineParameterType({
  name: "timeUnit",
  regexp: /seconds?|minutes?|hours?|days?|weeks?|months?|years?/,
  transformer: (unit: string) => unit.replace(/s$/, ""),
});

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A calendar day in words, "14 March 2016", as an ISO date ("2016-03-14"). */
defineParameterType({
  name: "calendarDay",
  regexp:
    /\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
  transformer: (s: string) => {
    const [day, month, year] = s.split(" ") as [string, string, string];
    return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
  },
});

/** A service of the stack: identity service, SMS gateway, mail gateway or postal gateway. */
defineParameterType({
  name: "service",
  regexp: /identity service|SMS gateway|mail gateway|postal gateway/,
  transformer: (s: string) => s,
});

/** How the citizen names the channel a half travels by: email, PEC, SMS, or post (profile post-then-activate). */
defineParameterType({ name: "halfChannel", regexp: /PEC|SMS|email|post/, transformer: (s: string) => s });

/** A gateway the scenario takes down: the mail server (SMTP), the SMS gateway or the postal gateway. */
defineParameterType({
  name: "gateway",
  regexp: /mail server|SMS gateway|postal gateway/,
  transformer: (s: string) => s,
});

/** A mistake in typing the PIN (guide 002): one character wrong, or two characters swapped. */
defineParameterType({
  name: "pinMistake",
  regexp: /one character wrong|two characters swapped/,
  transformer: (s: string) => s,
});

/** A detail of the anagrafica made to disagree with the codice fiscale: a different birth date, sex, surname, name or birth place. */
defineParameterType({
  name: "mismatchedDetail",
  regexp: /a different (?:birth date|sex|surname|name|birth place)/,
  transformer: (s: string) => s.replace(/^a different /, ""),
});

/** A detail of an activation that is not the citizen's: the health card number, its expiry date, or the first half. */
defineParameterType({
  name: "wrongActivationDetail",
  regexp:
    /a health card number that is not theirs|a wrong expiry date of the health card|a first half with one character wrong/,
  transformer: (s: string) => s,
});

/** What the citizen's page says must happen to the PIN first: replaced (the 16 characters) or renewed (after 180 days). */
defineParameterType({
  name: "requiredActionWord",
  regexp: /replaced|renewed/,
  transformer: (s: string) => s,
});

/** A detail of an online revocation that is not the citizen's (R23): the health card number or the email. */
defineParameterType({
  name: "wrongRevocationDetail",
  regexp: /a health card number that is not theirs|an email that is not registered/,
  transformer: (s: string) => s,
});
