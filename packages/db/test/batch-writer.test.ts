import { describe, expect, it } from "vitest";
import { batchWriter, jsonParam } from "../src/index.ts";

describe("batchWriter", () => {
  it("writes items that arrive together in one call, and answers each its own result", async () => {
    const calls: number[][] = [];
    const write = batchWriter(async (items: number[]) => {
      calls.push(items);
      return items.map((n) => n * 10);
    });
    const answers = await Promise.all([1, 2, 3].map(write));
    expect(answers).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("queues what arrives during a write for the next call", async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const write = batchWriter(async (items: number[]) => {
      calls.push(items);
      if (calls.length === 1) await gate;
      return items;
    });
    const first = write(1);
    await new Promise((r) => setImmediate(r));
    const later = [write(2), write(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(calls).toEqual([[1], [2, 3]]);
  });

  it("never writes more than maxBatch items in one call", async () => {
    const sizes: number[] = [];
    const write = batchWriter(
      async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map(write));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("fails only the bad item of a batch; its neighbours are written", async () => {
    const stored: number[] = [];
    const write = batchWriter(async (items: number[]) => {
      if (items.includes(13)) throw new Error("unlucky");
      stored.push(...items);
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map(write));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: "unlucky" });
    expect(stored.sort()).toEqual([12, 14]);
  });

  it("rejects rather than answering the wrong item when a write returns too few results", async () => {
    const write = batchWriter(async () => [] as number[]);
    await expect(write(1)).rejects.toThrow(/0 results for 1 items/);
  });
});

describe("jsonParam", () => {
  it("is plain JSON for ordinary text, accents and emoji included", () => {
    const value = { text: "Perché è così 👍" };
    expect(JSON.parse(jsonParam(value))).toEqual(value);
  });

  it("replaces a lone surrogate with U+FFFD, as a UTF-8 text parameter would", () => {
    const json = jsonParam({ text: "a\uD800b", pair: "\uD83D\uDC4D" });
    expect(json).not.toMatch(/\\u[dD][89a-fA-F]/);
    expect(JSON.parse(json)).toEqual({ text: "a\uFFFDb", pair: "\uD83D\uDC4D" });
  });
});
