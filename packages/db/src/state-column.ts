// A state stored as text but typed as its union in TypeScript, so rows read back need no cast.
import { text } from "drizzle-orm/pg-core";

export const stateColumn = <const T extends string>(name: string) => text(name).$type<T>();
