// The service's drizzle-kit migrations, in a module of their own: the embedded stack opens its database (and
// checks these are applied) while the service's code is still loading.
import { fileURLToPath } from "node:url";

export const identityMigrations = {
  schema: "identity",
  folder: fileURLToPath(new URL("../drizzle", import.meta.url)),
};
