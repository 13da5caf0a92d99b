import { afterAll, afterEach, beforeAll } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@handoff/core/testing";
import { startTestServer, type TestServer } from "./test-server";

// Not exported from the testing index: it registers vitest hooks, and the index is also loaded
// outside vitest (the benchmark starts servers through it).

/** A structured model answer the offline help center backs: confident, in scope, citing "shipping". */
export const CONFIDENT_SHIPPING_ANSWER = {
  answer: "Standard delivery takes 2 to 4 business days within the US.",
  alternatives: [],
  sourceIds: ["shipping"],
  confidence: 0.97,
  reasoning: "The shipping article states it.",
  outOfScope: false,
  category: "shipping",
};

/**
 * A fake OpenAI-compatible server for one test file (its replies reset after each test) and servers
 * that use it as their model, disposed after each test.
 */
export function useFakeOpenAI(apiKey = "test-key") {
  let fake: FakeOpenAI | undefined;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey });
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.dispose();
    fake?.reset();
  });
  afterAll(async () => {
    await fake?.close();
  });
  const model = (): FakeOpenAI => {
    if (!fake) throw new Error("the fake model is only available inside a test");
    return fake;
  };
  return {
    model,
    /** A server answering through the fake model (or offline, with `offline: true`). */
    async start(
      opts: { timeoutMs?: number; offline?: boolean; env?: Record<string, string> } = {},
    ): Promise<TestServer> {
      const env: Record<string, string> = opts.offline
        ? {}
        : {
            OPENAI_API_KEY: apiKey,
            OPENAI_BASE_URL: model().url,
            MODEL_TIMEOUT_MS: String(opts.timeoutMs ?? 2000),
          };
      const server = await startTestServer({ env: { ...env, ...opts.env } });
      servers.push(server);
      return server;
    },
  };
}
