// Each gateway's client lives in its own module; this file re-exports them.
export {};
export * from "./sms.ts";
export * from "./mail.ts";
export * from "./postal.ts";
export * from "./identity.ts";
export * from "./control-plane.ts";
export { GatewayClientError, type GatewayClientOptions, type ApiRequestOptions } from "./json-api.ts";
