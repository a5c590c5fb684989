// The messages INPS sends, in Italian. Every secret appears as `Label: value` followed by white space
// (docs/contract.md), so a reader finds it by its label, never by its position.
import { italianDate, italianTime } from "@inps-sim/domain";
import type { Residence } from "../db/schema.ts";
import type { OutboundMessage } from "../outbox/message.ts";

export const LABELS = {
  firstHalf: "Prima parte del PIN",
  secondHalf: "Seconda parte del PIN",
  verificationCode: "Codice di verifica",
  recoveryCode: "Codice di ripristino",
  recoveryLink: "Link di ripristino",
} as const;

export const INPS_SENDER = "INPS <noreply@inps.it>";
export const INPS_PEC_SENDER = "INPS <noreply@postacert.inps.gov.it>";
const SMS_SIGNATURE = "INPS";

const FOOTER = [
  "Il PIN è strettamente personale: non lo comunichi a nessuno. L'INPS non Le chiederà mai il PIN per telefono, per email o per SMS.",
  "",
  "Istituto Nazionale della Previdenza Sociale",
  "Contact center: 803 164 (gratuito da rete fissa) oppure 06 164 164 (da rete mobile, a pagamento secondo il proprio piano tariffario).",
  "Questo è un messaggio automatico: si prega di non rispondere.",
].join("\n");

export interface Recipient {
  firstName: string;
  lastName: string;
  gender: string;
  residence: Residence | null;
}

const greeting = (r: Recipient) =>
  `${r.gender === "F" ? "Gentile Signora" : "Gentile Signore"} ${r.firstName} ${r.lastName},`;

export const postalName = (r: Recipient) => `${r.firstName} ${r.lastName}`.toUpperCase();

export type DigitalDestination =
  { channel: "email" | "pec"; address: string } | { channel: "sms"; mobile: string };

function digital(dest: DigitalDestination, subject: string, text: string, sms: string): OutboundMessage {
  if (dest.channel === "sms") return { channel: "sms", to: dest.mobile, text: sms };
  return {
    channel: "email",
    to: dest.address,
    from: dest.channel === "pec" ? INPS_PEC_SENDER : INPS_SENDER,
    subject,
    text,
  };
}

function letter(r: Recipient, subject: string, body: string): OutboundMessage {
  if (!r.residence) throw new Error("a letter needs the residence address");
  return {
    channel: "letter",
    service: "ordinaria",
    subject,
    recipient: { name: postalName(r), ...r.residence },
    body,
  };
}

const channelPhrase = (d: DigitalDestination, masked: string) =>
  d.channel === "sms"
    ? `con un SMS al numero ${masked}`
    : d.channel === "pec"
      ? `via PEC all'indirizzo ${masked}`
      : `per email all'indirizzo ${masked}`;

/** digital-then-post, first half (guides 004, 001): at once, by email, PEC or SMS. */
export function firstHalfDigital(
  r: Recipient,
  dest: DigitalDestination,
  firstHalf: string,
  deadline: Date,
): OutboundMessage {
  const text = [
    greeting(r),
    "abbiamo ricevuto la Sua richiesta di PIN per l'accesso ai servizi online dell'INPS.",
    "",
    `${LABELS.firstHalf}: ${firstHalf} `,
    "",
    "Gli altri 8 caratteri del PIN (la seconda parte) Le saranno inviate per posta ordinaria all'indirizzo di residenza.",
    "Al primo accesso inserisca il codice fiscale e il PIN completo di 16 caratteri (prima queste 8, poi le 8 della lettera):",
    "Le sarà chiesto subito di sostituirlo con un PIN di 8 caratteri, che userà da quel momento.",
    `Il PIN iniziale va utilizzato entro il ${italianDate(deadline)}; dopo tale data non sarà più valido.`,
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ${LABELS.firstHalf}: ${firstHalf} La seconda parte arriverà per posta. Non comunichi il PIN a nessuno.`;
  return digital(dest, "INPS - Prima parte del PIN", text, sms);
}

/** digital-then-post, second half: by posta ordinaria to the residence. */
export function secondHalfLetter(
  r: Recipient,
  secondHalf: string,
  first: DigitalDestination,
  firstMasked: string,
  deadline: Date,
): OutboundMessage {
  const body = [
    greeting(r),
    "come da Sua richiesta, Le comunichiamo la seconda parte del PIN per l'accesso ai servizi online dell'INPS.",
    "",
    `${LABELS.secondHalf}: ${secondHalf} `,
    "",
    `La prima parte del PIN Le è stata inviata ${channelPhrase(first, firstMasked)}.`,
    'Per il primo accesso, sul sito www.inps.it selezioni "Accedi a MyINPS", inserisca il codice fiscale e il PIN completo',
    "di 16 caratteri: prima gli 8 caratteri della prima parte, poi gli 8 riportati in questa lettera.",
    "Il sistema Le chiederà di sostituirlo con un nuovo PIN di 8 caratteri, che userà per tutti gli accessi successivi.",
    `Il PIN iniziale va utilizzato entro il ${italianDate(deadline)}; dopo tale data dovrà presentare una nuova richiesta.`,
    "",
    FOOTER,
  ].join("\n");
  return letter(r, "Seconda parte del PIN INPS", body);
}

/** post-then-activate, first half (guide 002): by post, with the activation instructions. */
export function firstHalfLetter(
  r: Recipient,
  firstHalf: string,
  second: DigitalDestination,
  secondMasked: string,
  deadline: Date,
): OutboundMessage {
  const body = [
    greeting(r),
    "come da Sua richiesta, Le comunichiamo la prima parte del PIN per l'accesso ai servizi online dell'INPS.",
    "",
    `${LABELS.firstHalf}: ${firstHalf} `,
    "",
    'Per ricevere la seconda parte occorre attivare il PIN: sul sito www.inps.it selezioni "Gestisci il tuo PIN" e poi',
    '"Attiva PIN", inserisca il codice fiscale, la prima parte del PIN riportata in questa lettera e i dati della Sua',
    `tessera sanitaria (numero e data di scadenza). La seconda parte Le sarà inviata subito ${channelPhrase(second, secondMasked)}.`,
    `Il PIN va attivato entro il ${italianDate(deadline)}: dopo tale data non sarà più valido e dovrà presentare una nuova richiesta.`,
    "",
    FOOTER,
  ].join("\n");
  return letter(r, "Prima parte del PIN INPS e istruzioni per l'attivazione", body);
}

/** post-then-activate, second half: after activation (R04). */
export function secondHalfDigital(
  r: Recipient,
  dest: DigitalDestination,
  secondHalf: string,
): OutboundMessage {
  const text = [
    greeting(r),
    "il Suo PIN è stato attivato. Le comunichiamo la seconda parte del PIN.",
    "",
    `${LABELS.secondHalf}: ${secondHalf} `,
    "",
    "Al primo accesso inserisca il codice fiscale e il PIN completo di 16 caratteri: prima gli 8 caratteri ricevuti per posta,",
    "poi questi 8. Le sarà chiesto subito di sostituirlo con un PIN di 8 caratteri, che userà da quel momento.",
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ${LABELS.secondHalf}: ${secondHalf} Al primo accesso usi prima gli 8 caratteri ricevuti per posta. Non comunichi il PIN a nessuno.`;
  return digital(dest, "INPS - Seconda parte del PIN", text, sms);
}

/** Why the PIN is being changed, so the code's message names the page where the citizen types it. */
export type ChangeOccasion = "settings" | "first-access" | "renewal";

const WHERE_TO_TYPE: Record<ChangeOccasion, { what: string; where: string }> = {
  settings: {
    what: "è stata richiesta la modifica del PIN per l'accesso ai servizi online dell'INPS.",
    where: 'Per confermarla inserisca il codice seguente nella pagina "Impostazioni" → "Sicurezza/PIN".',
  },
  "first-access": {
    what: "al primo accesso ha scelto il PIN di 8 caratteri che sostituisce il PIN iniziale di 16 caratteri.",
    where:
      "Per confermarlo inserisca il codice seguente nella pagina del primo accesso, dove ha scelto il nuovo PIN.",
  },
  renewal: {
    what: "il Suo PIN aveva superato i 180 giorni dall'ultima modifica e ha scelto un nuovo PIN per rinnovarlo.",
    where:
      "Per confermare il rinnovo inserisca il codice seguente nella pagina di rinnovo del PIN scaduto, mostrata dopo l'accesso.",
  },
};

/** The code that confirms a PIN change (R11), naming where it is typed: first access, renewal, or Impostazioni. */
export function verificationCodeMessage(
  r: Recipient,
  dest: DigitalDestination,
  code: string,
  minutes: number,
  occasion: ChangeOccasion = "settings",
): OutboundMessage {
  const place = WHERE_TO_TYPE[occasion];
  const text = [
    greeting(r),
    place.what,
    place.where,
    "",
    `${LABELS.verificationCode}: ${code} `,
    "",
    `Il codice è valido ${minutes} minuti. Se non ha richiesto Lei la modifica, ignori questo messaggio e contatti l'INPS.`,
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ${LABELS.verificationCode}: ${code} per la modifica del PIN, valido ${minutes} minuti. Non comunicarlo a nessuno.`;
  return digital(dest, "INPS - Codice di verifica per la modifica del PIN", text, sms);
}

/** After a change: the old PIN no longer works (R11). */
export function pinChangedMessage(r: Recipient, dest: DigitalDestination, at: Date): OutboundMessage {
  const text = [
    greeting(r),
    `Le confermiamo che il Suo PIN INPS è stato modificato il ${italianDate(at)} alle ore ${italianTime(at)}.`,
    "Il precedente non è più valido e tutte le sessioni aperte, compresa quella in cui ha effettuato la modifica, sono state chiuse:",
    "torni al portale e acceda di nuovo con il codice fiscale e il nuovo PIN.",
    "Se non ha effettuato Lei la modifica, contatti subito il contact center INPS.",
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: il Suo PIN è stato modificato il ${italianDate(at)} alle ${italianTime(at)}. Se non è stato Lei, chiami l'803 164.`;
  return digital(dest, "INPS - PIN modificato", text, sms);
}

/** asvs-l2: someone asked for a PIN for a citizen who has one; the answer was the usual 202, the citizen learns it here. */
export function pinRequestForExistingPinMessage(
  r: Recipient,
  dest: DigitalDestination,
  at: Date,
): OutboundMessage {
  const text = [
    greeting(r),
    `Il ${italianDate(at)} alle ore ${italianTime(at)} è stata ricevuta una richiesta di PIN INPS a Suo nome.`,
    "Lei ha già un PIN attivo: la richiesta non ha avuto effetto e il Suo PIN resta valido.",
    'Se ha smarrito il PIN, usi "Hai smarrito il tuo PIN?" su MyINPS. Se non ha fatto Lei la richiesta, contatti il contact center INPS (803 164).',
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ricevuta una richiesta di PIN a Suo nome, ma Lei ha già un PIN attivo, che resta valido. Se non è stato Lei, chiami l'803 164.`;
  return digital(dest, "INPS - Richiesta di PIN per chi ne ha già uno", text, sms);
}

/** R16: the link and the recovery code, by email or PEC; only the confirm on the page uses them up. */
export function recoveryLinkMessage(
  r: Recipient,
  dest: DigitalDestination,
  link: string,
  code: string,
  validUntil: Date,
): OutboundMessage {
  const text = [
    greeting(r),
    'abbiamo ricevuto la Sua richiesta di recupero del PIN ("Hai smarrito il tuo PIN?").',
    "Apra il link qui sotto e, nella pagina che si apre, inserisca il Suo codice fiscale e il codice riportato sotto il link.",
    "",
    `${LABELS.recoveryLink}: ${link} `,
    `${LABELS.recoveryCode}: ${code} `,
    "",
    `Link e codice sono validi fino al ${italianDate(validUntil)} alle ore ${italianTime(validUntil)} e si possono usare una sola volta.`,
    "Dopo la conferma riceverà i primi 8 caratteri di un nuovo PIN di 16 caratteri per SMS e gli altri 8 per email.",
    "Se non ha chiesto Lei il recupero, ignori questo messaggio: il Suo PIN resta valido.",
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ${LABELS.recoveryLink}: ${link} ${LABELS.recoveryCode}: ${code} Non comunichi il codice a nessuno.`;
  return digital(dest, "INPS - Recupero del PIN", text, sms);
}

/** R18: the first 8 characters of the recovery PIN, by SMS. */
export function recoveryFirstHalfSms(mobile: string, firstHalf: string): OutboundMessage {
  return {
    channel: "sms",
    to: mobile,
    text: `${SMS_SIGNATURE}: recupero PIN. ${LABELS.firstHalf}: ${firstHalf} Gli altri 8 caratteri arrivano per email. Non comunichi il PIN a nessuno.`,
  };
}

/** R18, R19: the other 8 characters by email, with the order in which to type the 16. */
export function recoverySecondHalfEmail(r: Recipient, address: string, secondHalf: string): OutboundMessage {
  const text = [
    greeting(r),
    "il recupero del Suo PIN è stato confermato: il PIN precedente non è più valido e le sessioni aperte sono state chiuse.",
    "",
    `${LABELS.secondHalf}: ${secondHalf} `,
    "",
    "I primi 8 caratteri del nuovo PIN Le sono stati inviati con un SMS al cellulare registrato.",
    "Acceda con il codice fiscale e il PIN di 16 caratteri: prima gli 8 caratteri dell'SMS, poi questi 8.",
    "Il sistema Le mostrerà un nuovo PIN di 8 caratteri generato per Lei: lo annoti e lo inserisca per completare la procedura.",
    "",
    FOOTER,
  ].join("\n");
  return {
    channel: "email",
    to: address,
    from: INPS_SENDER,
    subject: "INPS - Seconda parte del PIN (recupero)",
    text,
  };
}

const CONTACT_CENTRE_IT = "803 164 (gratuito da rete fissa) oppure 06 164 164 (da rete mobile)";

/** R24: the credential is closed; a new PIN starts from a new request. */
export function revocationConfirmedMessage(
  r: Recipient,
  dest: DigitalDestination,
  at: Date,
  via: "online" | "contact-centre",
): OutboundMessage {
  const how = via === "online" ? "come da Sua richiesta online" : "come da Sua richiesta al contact center";
  const text = [
    greeting(r),
    `${how}, Le confermiamo che il Suo PIN INPS è stato revocato il ${italianDate(at)} alle ore ${italianTime(at)}.`,
    "Da questo momento il PIN non è più valido: le sessioni aperte sono state chiuse e le parti del PIN già inviate,",
    "anche quelle ancora in viaggio per posta, non potranno più essere utilizzate né attivate.",
    'Per accedere di nuovo ai servizi online potrà richiedere un nuovo PIN dal sito www.inps.it ("Richiedi PIN")',
    `oppure tramite il contact center: ${CONTACT_CENTRE_IT}.`,
    "Se non ha chiesto Lei la revoca, contatti subito il contact center.",
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: il Suo PIN è stato revocato il ${italianDate(at)}. Per un nuovo PIN: www.inps.it o 803 164 (06 164 164 da cellulare).`;
  return digital(dest, "INPS - Revoca del PIN", text, sms);
}

const CONTACT_NAMES = {
  email: "l'indirizzo email",
  pec: "l'indirizzo PEC",
  mobile: "il numero di cellulare",
} as const;
export type ContactField = keyof typeof CONTACT_NAMES;

/** R25: the code that confirms a new contact, sent to that contact. */
export function contactVerificationMessage(
  r: Recipient,
  dest: DigitalDestination,
  field: ContactField,
  code: string,
  minutes: number,
): OutboundMessage {
  const text = [
    greeting(r),
    `è stata richiesta la modifica dei contatti del PIN INPS: ${CONTACT_NAMES[field]}.`,
    'Per confermarla inserisca il codice seguente nella pagina "Modifica contatti PIN".',
    "",
    `${LABELS.verificationCode}: ${code} `,
    "",
    `Il codice è valido ${minutes} minuti. Finché non lo inserisce, i Suoi contatti restano invariati.`,
    "Se non ha chiesto Lei la modifica, ignori questo messaggio.",
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: ${LABELS.verificationCode}: ${code} per la modifica dei contatti del PIN, valido ${minutes} minuti. Non comunicarlo a nessuno.`;
  return digital(dest, "INPS - Codice di verifica per la modifica dei contatti", text, sms);
}

/** R25, R26: the previous contact is told that the contacts changed. */
export function contactsChangedMessage(
  r: Recipient,
  dest: DigitalDestination,
  field: ContactField,
  action: "set" | "removed",
  at: Date,
  via: "online" | "contact-centre",
): OutboundMessage {
  const what =
    action === "removed"
      ? `è stato rimosso ${CONTACT_NAMES[field]}`
      : `è stato aggiornato ${CONTACT_NAMES[field]}`;
  const where = via === "online" ? "online, con il PIN" : "tramite il contact center";
  const text = [
    greeting(r),
    `Le comunichiamo che il ${italianDate(at)} alle ore ${italianTime(at)} ${what} associato al Suo PIN INPS (${where}).`,
    "Da ora i messaggi dell'INPS useranno i contatti aggiornati.",
    `Se non ha effettuato Lei la modifica, contatti subito il contact center: ${CONTACT_CENTRE_IT}.`,
    "",
    FOOTER,
  ].join("\n");
  const sms = `${SMS_SIGNATURE}: il ${italianDate(at)} ${what} del Suo PIN. Se non è stato Lei, chiami l'803 164 (06 164 164 da cellulare).`;
  return digital(dest, "INPS - Contatti del PIN modificati", text, sms);
}
