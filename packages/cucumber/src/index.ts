// @inps-sim/cucumber: the INPS PIN simulator's Cucumber vocabulary for any project. Importing this module (one
// line in a support file) registers the World, the parameter types, the hooks (a stack per worker, or STACK_URL;
// faults lifted; what the citizen received attached to the report) and every step of docs/steps.md.
import "./support/parameter-types.ts";
import "./support/world.ts";
import "./support/stack-hooks.ts";
import "./support/fault-hooks.ts";
import "./support/report-hooks.ts";
import "./support/driver-hooks.ts";
import "./steps/citizen.steps.ts";
import "./steps/request.steps.ts";
import "./steps/access.steps.ts";
import "./steps/change.steps.ts";
import "./steps/time.steps.ts";
import "./steps/gateways.steps.ts";
import "./steps/operator.steps.ts";
import "./steps/revocation.steps.ts";
import "./steps/contacts.steps.ts";
import "./steps/dispositivo.steps.ts";
import "./steps/spid.steps.ts";
import "./steps/secrets.steps.ts";
import "./steps/recovery.steps.ts";
import "./steps/generated-pin.steps.ts";
import "./steps/sessions.steps.ts";
import "./steps/texts.steps.ts";

export {
  SimulatorWorld,
  type ContactChangeMade,
  type DispositivoConversion,
  type GeneratedPin,
  type PinChangeMade,
  type PinRequestMade,
  type RecoveryLink,
  type RecoveryMade,
  type SpidLogin,
  type SpokenChannel,
} from "./support/world.ts";
export * from "./support/citizen-journeys.ts";
export type { StackEndpoints } from "./support/stack-endpoints.ts";
export type { CitizenDriver, DriverKind } from "./drivers/citizen-driver.ts";
