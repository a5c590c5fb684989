// For tests: in-memory PGlite, or (DATABASE_URL set) a fresh database of its own on that server, dropped after.
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "./index.ts";

export async function openTestDatabase(
  label: string,
): Promise<DatabaseHandle & { dispose(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase();
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `inps_test_${label.replace(/[^a-z0-9_]/gi, "_")}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const maintenance = new URL(base);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
