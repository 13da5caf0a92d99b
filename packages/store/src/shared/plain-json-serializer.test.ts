import { JsonPlusSerializer } from "@langchain/langgraph-checkpoint";
import { describe, expect, it } from "vitest";
import { PlainJsonSerializer } from "./plain-json-serializer";

const stock = new JsonPlusSerializer();
const plain = new PlainJsonSerializer();

async function roundTrip(serializer: JsonPlusSerializer, value: unknown): Promise<unknown> {
  const [type, data] = await stock.dumpsTyped(value);
  return serializer.loadsTyped(type, data);
}

describe("PlainJsonSerializer", () => {
  it("reads a checkpoint of plain JSON exactly as LangGraph's own serializer does", async () => {
    const state = {
      v: 4,
      channel_values: {
        messages: [{ role: "customer", text: 'He said "lc" twice', seq: 3 }],
        retrieval: { hits: [{ id: "a", score: 0.5, passages: [] }], coverage: 1 },
        chosenRoute: null,
      },
      channel_versions: { answer: 2 },
    };
    expect(await roundTrip(plain, state)).toEqual(await roundTrip(stock, state));
  });

  it("still revives what LangGraph writes as records: undefined, Sets, Maps and errors", async () => {
    const state = {
      gone: undefined,
      tags: new Set(["a"]),
      seen: new Map([["k", 1]]),
      failed: new Error("x"),
    };
    const read = await roundTrip(plain, state);
    expect(read).toEqual(await roundTrip(stock, state));
    expect(read).toMatchObject({ tags: new Set(["a"]), seen: new Map([["k", 1]]) });
  });

  it("reads bytes as bytes", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await roundTrip(plain, bytes)).toEqual(bytes);
  });
});
