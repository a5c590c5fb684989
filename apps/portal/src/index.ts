export { createPortalApp, type PortalAppDeps } from "./app.ts";
export { readPortalConfig, portalConfigSchema, type PortalConfig } from "./config.ts";
export { startPortal } from "./start.ts";
