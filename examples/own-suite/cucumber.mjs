// Runs against STACK_URL when it is set (with SIM_ADMIN_TOKEN), otherwise against a stack of its own.
export default {
  paths: ["features/**/*.feature"],
  import: ["support/register.mjs", "support/**/*.ts", "steps/**/*.ts"],
  format: ["summary"],
  strict: true,
};
