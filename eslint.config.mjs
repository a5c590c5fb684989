// One lint config for every workspace: typescript-eslint's recommended rules, no `any`.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/drizzle/**", "reports/**", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain .mjs scripts (the build, the launcher) run on Node: its globals are defined there.
  { files: ["**/*.mjs"], languageOptions: { globals: globals.node } },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
);
