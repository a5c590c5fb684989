// The domain's RandomSource from the operating system's CSPRNG: for PINs and codes outside simulations.

import { randomBytes } from "node:crypto";
import type { RandomSource } from "@inps-sim/domain";

export const cryptoRandom: RandomSource = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
};
