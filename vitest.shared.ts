// Settings every package's tests share. A new PGlite runs initdb (2 s on a quiet machine, 10+ s on a busy
// 2-core one), so hooks that open a database get a minute.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
