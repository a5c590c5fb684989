// Settings every package's tests share. A new PGlite runs initdb (2 s on a quiet machine, 10+ s on a busy
// 2-core one), so hooks that open a database get a minute. A `*.postgres.test.ts` file needs a PostgreSQL server
// (two service instances on one database): it runs when DATABASE_URL is set, and is not collected otherwise.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: process.env.DATABASE_URL ? [] : ["test/**/*.postgres.test.ts"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
