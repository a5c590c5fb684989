// Parameter types of the identity steps.
import { defineParameterType } from "@cucumber/cucumber";

defineParameterType({ name: "channel", regexp: /email|SMS|PEC|post/, transformer: (s: string) => s });
