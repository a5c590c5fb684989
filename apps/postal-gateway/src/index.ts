export { createPostalApp, POSTAL_DEFAULT_SETTINGS, POSTAL_MAX_BODY_BYTES, type PostalAppDeps } from "./app.ts";
export { startPostalService, postalMigrations } from "./start.ts";
export { readPostalConfig, postalConfigSchema, type PostalConfig, type PostalSettings } from "./config.ts";
export { easterSunday, italianHolidays, isWorkingDay, nthWorkingDayAfter } from "./postal/calendar.ts";
export { checkAddress, nameKey, type Address, type ReturnReason } from "./postal/address.ts";
export { planJourney, workingDaysFor, type PostalService } from "./postal/schedule.ts";
export type { Letter, LetterStatus, LetterSummary, TrackingEvent } from "./postal/store.ts";
export * as postalTables from "./db/schema.ts";
