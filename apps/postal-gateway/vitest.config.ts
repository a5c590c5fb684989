import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // On PostgreSQL every file rebuilds the one "postal" schema: one file at a time.
    fileParallelism: !process.env.DATABASE_URL,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
