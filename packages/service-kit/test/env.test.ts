import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, parseEnv, portVar, switchVar } from "../src/index.ts";

describe("configuration from the environment", () => {
  const schema = z.object({ PORT: portVar(4000), SIM_CONTROL: switchVar("on"), NAME: z.string().min(3) });

  it("applies defaults and coerces values", () => {
    expect(parseEnv("svc", schema, { NAME: "abc" })).toEqual({ PORT: 4000, SIM_CONTROL: true, NAME: "abc" });
    expect(parseEnv("svc", schema, { NAME: "abc", PORT: "0", SIM_CONTROL: "off" })).toMatchObject({
      PORT: 0,
      SIM_CONTROL: false,
    });
  });

  it("fails fast naming every bad field at once", () => {
    try {
      parseEnv("svc", schema, { PORT: "70000", SIM_CONTROL: "maybe" });
      expect.fail("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const field of ["PORT", "SIM_CONTROL", "NAME"]) expect(message).toContain(field);
    }
  });
});
