export {
  createPostalApp,
  POSTAL_DEFAULT_SETTINGS,
  POSTAL_MAX_BODY_BYTES,
  type PostalAppDeps,
} from "./app.ts";
export { buildPostalService, startPostalService, postalMigrations } from "./start.ts";
export { readPostalConfig, postalConfigSchema, type PostalConfig, type PostalSettings } from "./config.ts";
export { easterSunday, italianHolidays, isWorkingDay, nthWorkingDayAfter } from "./letters/calendar.ts";
export { checkAddress, nameKey, type Address, type ReturnReason } from "./letters/address.ts";
export { planJourney, workingDaysFor, type PostalService } from "./letters/schedule.ts";
export type { Letter, LetterStatus, LetterSummary, TrackingEvent } from "./letters/letters.store.ts";
export * as postalTables from "./db/schema.ts";
