import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { chatRequestText, startFakeOpenAI } from "./fake-openai-server";
import type { FakeOpenAI } from "./fake-openai-server";

const Completion = z.object({
  model: z.string(),
  choices: z.array(
    z.object({
      finish_reason: z.string(),
      message: z.object({
        role: z.literal("assistant"),
        content: z.string().nullable(),
        tool_calls: z
          .array(
            z.object({
              type: z.literal("function"),
              function: z.object({ name: z.string(), arguments: z.string() }),
            }),
          )
          .optional(),
      }),
    }),
  ),
  usage: z.object({ total_tokens: z.number() }),
});

const ErrorEnvelope = z.object({ error: z.looseObject({ message: z.string(), type: z.string() }) });

const forcedTool = {
  tools: [{ type: "function", function: { name: "submit", parameters: { type: "object" } } }],
  tool_choice: { type: "function", function: { name: "submit" } },
};

describe("startFakeOpenAI", () => {
  let server: FakeOpenAI;

  beforeEach(async () => {
    server = await startFakeOpenAI();
  });
  afterEach(async () => {
    await server.close();
  });

  function post(body: unknown, path = "/chat/completions", signal?: AbortSignal): Promise<Response> {
    return fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: signal ?? null,
    });
  }

  const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] };

  it("listens on 127.0.0.1 with a /v1 base URL", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it("answers plain text by default and records the request", async () => {
    const response = await post(hello);
    const completion = Completion.parse(await response.json());
    expect(completion.choices[0]?.message.content).toBe("ok");
    expect(completion.model).toBe("gpt-4o-mini");
    expect(server.requests).toMatchObject([{ method: "POST", path: "/v1/chat/completions", body: hello }]);
    expect(chatRequestText(server.chatRequests()[0] ?? hello)).toBe("hello");
  });

  it("wraps a structured answer as the arguments of the forced function call", async () => {
    server.reply({ structured: { answer: 42 } });
    const completion = Completion.parse(await (await post({ ...hello, ...forcedTool })).json());
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls?.[0]?.function).toEqual({ name: "submit", arguments: '{"answer":42}' });
  });

  it("wraps a structured answer as JSON content when the client asked for a response format", async () => {
    server.reply({ structured: { answer: 42 } });
    const body = {
      ...hello,
      response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } },
    };
    const completion = Completion.parse(await (await post(body)).json());
    expect(completion.choices[0]?.message.content).toBe('{"answer":42}');
  });

  it("places raw structured text verbatim, to simulate malformed JSON", async () => {
    server.reply({ structuredRaw: "{not json" });
    const completion = Completion.parse(await (await post({ ...hello, ...forcedTool })).json());
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe("{not json");
  });

  it("lets the handler decide per request from the body and the request index", async () => {
    server.reply((body, { index }) => ({ content: `${index}:${body.messages.length}` }));
    const first = Completion.parse(await (await post(hello)).json());
    const second = Completion.parse(await (await post(hello)).json());
    expect([first.choices[0]?.message.content, second.choices[0]?.message.content]).toEqual(["0:1", "1:1"]);
  });

  it("returns programmed HTTP errors in OpenAI's error envelope", async () => {
    server.reply({ status: 503, message: "overloaded" });
    const response = await post(hello);
    expect(response.status).toBe(503);
    expect(ErrorEnvelope.parse(await response.json()).error).toEqual({
      message: "overloaded",
      type: "server_error",
      param: null,
      code: null,
    });
  });

  it("rejects a body that is not a chat request with a 400", async () => {
    const response = await post({ messages: "nope" });
    expect(response.status).toBe(400);
    expect(ErrorEnvelope.parse(await response.json()).error.type).toBe("invalid_request_error");
  });

  it("turns a throwing handler into a 500 instead of a hang", async () => {
    server.reply(() => {
      throw new Error("boom");
    });
    const response = await post(hello);
    expect(response.status).toBe(500);
    expect(ErrorEnvelope.parse(await response.json()).error.message).toContain("boom");
  });

  it("streams server-sent events ending in [DONE] when the client asks for a stream", async () => {
    server.reply({ structured: { a: 1 } });
    const response = await post({
      ...hello,
      ...forcedTool,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text())
      .split("\n\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => line.slice("data: ".length));
    expect(events.at(-1)).toBe("[DONE]");
    const text = events.join("\n");
    expect(text).toContain('"finish_reason":"tool_calls"');
    expect(text).toContain('"arguments":"{\\"a\\":1}"');
    expect(text).toContain('"usage"');
  });

  it("lists its models and answers 404 for unknown paths and models", async () => {
    const models = await fetch(`${server.url}/models`);
    expect(await models.json()).toMatchObject({
      object: "list",
      data: [{ id: "gpt-4o-mini", object: "model" }],
    });
    expect((await fetch(`${server.url}/models/gpt-4o-mini`)).status).toBe(200);
    expect((await fetch(`${server.url}/models/nope`)).status).toBe(404);
    expect((await post(hello, "/embeddings")).status).toBe(404);
  });

  it("delays a reply, and close() does not wait for a delayed reply", async () => {
    server.reply({ content: "late", delayMs: 100 });
    const started = Date.now();
    const completion = Completion.parse(await (await post(hello)).json());
    expect(completion.choices[0]?.message.content).toBe("late");
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);

    server.reply({ content: "never", delayMs: 60_000 });
    const pending = post(hello).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
    server = await startFakeOpenAI();
  });

  it("forgets recorded requests on reset", async () => {
    await post(hello);
    server.reset();
    expect(server.requests).toEqual([]);
    expect(server.chatRequests()).toEqual([]);
  });
});

describe("startFakeOpenAI with an API key", () => {
  it("refuses requests without the right bearer token", async () => {
    const server = await startFakeOpenAI({ apiKey: "secret" });
    try {
      const denied = await fetch(`${server.url}/models`);
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${server.url}/models`, { headers: { authorization: "Bearer secret" } });
      expect(allowed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
