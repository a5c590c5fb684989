// Types of node-flags.mjs (plain JavaScript, like bin/run.mjs).
/** The flags every process that runs a bundle passes to node, before bin/run.mjs. */
export const nodeFlags: string[];
/** Set by bin/run.mjs before any WebAssembly is compiled. */
export const wasmTieringBudget: string;
