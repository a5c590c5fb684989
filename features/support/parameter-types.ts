// Parameter types shared by every step file.
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

defineParameterType({
  name: "timeUnit",
  regexp: /seconds?|minutes?|hours?|days?|weeks?|months?|years?/,
  transformer: (unit: string) => unit.replace(/s$/, ""),
});

defineParameterType({
  name: "service",
  regexp: /identity service|SMS gateway|mail gateway|postal gateway/,
  transformer: (s: string) => s,
});
