export { createSmsApp, SMS_DEFAULT_SETTINGS, SMS_MAX_BODY_BYTES, type SmsAppDeps } from "./app.ts";
export { buildSmsService, startSmsService, smsMigrations } from "./start.ts";
export { readSmsConfig, smsConfigSchema, type SmsConfig, type SmsSettings } from "./config.ts";
export {
  createCallbackDispatcher,
  type CallbackDispatcher,
  type DeliveryReport,
} from "./messages/callbacks.ts";
export { countSegments, isGsm7, type SegmentInfo, type SmsEncoding } from "./messages/segments.ts";
export { classifyNumber, type NumberVerdict } from "./messages/numbers.ts";
export type { SmsMessage, SmsStatus } from "./messages/messages.store.ts";
export * as smsTables from "./db/schema.ts";
