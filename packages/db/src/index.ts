export type { Database, DatabaseHandle, DatabaseKind } from "./database.ts";
export {
  openDatabase,
  PGLITE_SETTINGS,
  preparePgliteTemplate,
  redactUrl,
  type OpenDatabaseOptions,
} from "./open-database.ts";
export { migrateService, type ServiceMigrations } from "./migrate-service.ts";
export { simClockTable } from "./sim-clock-table.ts";
export { truncateSchema } from "./truncate-schema.ts";
export { rowsOf } from "./rows-of.ts";
export { batchWriter, jsonParam, type BatchWriterOptions } from "./batch-writer.ts";
export { preparedStatement, statementSql } from "./prepared-statement.ts";
export { inTransaction } from "./transaction.ts";
export { stateColumn } from "./state-column.ts";
export { migrationsFingerprint, currentTemplate, type PgliteTemplate } from "./pglite-template.ts";
