import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/** One chat message as an OpenAI-compatible client sends it (only the fields tests look at are typed). */
export const FakeChatMessage = z.looseObject({
  role: z.string(),
  content: z
    .union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() })), z.null()])
    .optional(),
});
export type FakeChatMessage = z.infer<typeof FakeChatMessage>;

/** The body of a chat-completions request, loosely validated the way the real API rejects nonsense. */
export const FakeChatRequest = z.looseObject({
  model: z.string(),
  messages: z.array(FakeChatMessage).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  tools: z
    .array(
      z.looseObject({
        type: z.string(),
        function: z.looseObject({ name: z.string(), parameters: z.unknown().optional() }),
      }),
    )
    .nullish(),
  tool_choice: z
    .union([z.string(), z.looseObject({ type: z.string(), function: z.object({ name: z.string() }) })])
    .nullish(),
  response_format: z.looseObject({ type: z.string() }).nullish(),
});
export type FakeChatRequest = z.infer<typeof FakeChatRequest>;

/**
 * What the fake server answers with. Every variant may carry `delayMs` to simulate a slow model.
 * - `structured`: an object, JSON-encoded into the slot the client asked for (tool call arguments
 *   when it forced a function, otherwise the message content).
 * - `structuredRaw`: text placed verbatim in that same slot, to simulate malformed JSON.
 * - `content`: plain assistant text and no tool call, as a model that ignored the format would reply.
 * - `status`: an HTTP error in OpenAI's error envelope.
 */
export type FakeChatReply = { delayMs?: number } & (
  | { structured: unknown }
  | { structuredRaw: string }
  | { content: string }
  | { status: number; message?: string; code?: string }
);

/** Decides the reply to one chat-completions request; `index` counts chat requests from 0 since start or reset. */
export type FakeChatHandler = (
  body: FakeChatRequest,
  context: { index: number; headers: IncomingMessage["headers"] },
) => FakeChatReply | Promise<FakeChatReply>;

/** A request the fake server received, in arrival order. */
export interface FakeRecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  /** The body as a chat-completions request, when it is one. */
  chat?: FakeChatRequest;
}

/** Options for {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** Initial reply handler; defaults to a plain "ok" text answer. */
  reply?: FakeChatHandler;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get a 401. */
  apiKey?: string;
  /** Model ids listed by GET /v1/models. */
  models?: string[];
}

/** A running fake OpenAI-compatible server. */
export interface FakeOpenAI {
  /** Base URL including `/v1`, ready for an OpenAI client's `baseURL`. */
  url: string;
  requests: FakeRecordedRequest[];
  /** Chat-completions requests only, parsed. */
  chatRequests(): FakeChatRequest[];
  /** Forgets recorded requests and restarts the chat index at 0 (the reply handler stays). */
  reset(): void;
  /** Replaces the reply handler (a fixed reply is accepted for convenience). */
  reply(handler: FakeChatHandler | FakeChatReply): void;
  close(): Promise<void>;
}

const defaultHandler: FakeChatHandler = () => ({ content: "ok" });

/** Starts a fake OpenAI chat-completions server on 127.0.0.1 and a random port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: FakeRecordedRequest[] = [];
  const chatRequests = () => requests.flatMap((request) => (request.chat ? [request.chat] : []));
  const models = options.models ?? ["gpt-4o-mini"];
  let handler: FakeChatHandler = options.reply ?? defaultHandler;
  let completionCounter = 0;
  let chatCounter = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      // A handler bug must surface in the test as a 500, not hang the client.
      if (!res.headersSent)
        sendError(res, 500, `fake server handler failed: ${String(error)}`, "server_error");
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const method = req.method ?? "GET";
    const body = parseJson(rawBody);
    const recorded: FakeRecordedRequest = { method, path, headers: req.headers, body };
    requests.push(recorded);

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendError(res, 401, "Incorrect API key provided.", "invalid_api_key", "invalid_request_error");
      return;
    }

    if (method === "GET" && path === "/v1/models") {
      sendJson(res, 200, { object: "list", data: models.map(modelEntry) });
      return;
    }
    const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
    if (method === "GET" && modelMatch?.[1] !== undefined) {
      const id = decodeURIComponent(modelMatch[1]);
      if (models.includes(id)) sendJson(res, 200, modelEntry(id));
      else
        sendError(res, 404, `The model '${id}' does not exist`, "model_not_found", "invalid_request_error");
      return;
    }
    if (path !== "/v1/chat/completions") {
      sendError(res, 404, `Unknown request URL: ${method} ${path}`, "unknown_url", "invalid_request_error");
      return;
    }
    if (method !== "POST") {
      sendError(res, 405, `Method ${method} not allowed`, "method_not_allowed", "invalid_request_error");
      return;
    }

    const parsed = FakeChatRequest.safeParse(body);
    if (!parsed.success) {
      sendError(
        res,
        400,
        `Invalid chat request: ${z.prettifyError(parsed.error)}`,
        null,
        "invalid_request_error",
      );
      return;
    }
    const chat = parsed.data;
    recorded.chat = chat;
    const index = chatCounter;
    chatCounter += 1;

    const reply = await handler(chat, { index, headers: req.headers });
    if (reply.delayMs !== undefined && reply.delayMs > 0) {
      const stillOpen = await waitUnlessClosed(res, reply.delayMs);
      if (!stillOpen) return;
    }
    if ("status" in reply) {
      sendError(res, reply.status, reply.message ?? `fake error ${reply.status}`, reply.code ?? null);
      return;
    }
    completionCounter += 1;
    const message = assistantMessage(chat, reply);
    if (chat.stream === true) sendStream(res, chat, message, completionCounter);
    else sendJson(res, 200, completion(chat, message, completionCounter));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string")
    throw new Error("fake OpenAI server has no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    chatRequests,
    reset() {
      requests.length = 0;
      chatCounter = 0;
    },
    reply(next) {
      handler = typeof next === "function" ? next : () => next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets and requests parked in a delay would otherwise keep close() waiting.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** All text content of a chat request's messages, joined, for assertions about the prompt. */
export function chatRequestText(body: FakeChatRequest): string {
  return body.messages.map(messageText).join("\n\n");
}

/** The text of one chat message, whether its content is a string or a list of parts. */
export function messageText(message: FakeChatMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => part.text ?? "").join("");
  return "";
}

interface AssistantMessage {
  role: "assistant";
  content: string | null;
  tool_calls?: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }>;
  refusal: null;
}

/** The function the client forced (or offered alone), whose arguments carry the structured answer. */
function forcedFunctionName(chat: FakeChatRequest): string | undefined {
  const choice = chat.tool_choice;
  if (choice && typeof choice === "object") return choice.function.name;
  const tools = chat.tools ?? [];
  if ((choice === "required" || choice === undefined || choice === null) && tools.length === 1) {
    return tools[0]?.function.name;
  }
  return undefined;
}

function assistantMessage(
  chat: FakeChatRequest,
  reply: { structured: unknown } | { structuredRaw: string } | { content: string },
): AssistantMessage {
  if ("content" in reply) return { role: "assistant", content: reply.content, refusal: null };
  const text = "structuredRaw" in reply ? reply.structuredRaw : JSON.stringify(reply.structured);
  const functionName = forcedFunctionName(chat);
  if (functionName === undefined) return { role: "assistant", content: text, refusal: null };
  return {
    role: "assistant",
    content: null,
    tool_calls: [{ id: "call_fake_1", type: "function", function: { name: functionName, arguments: text } }],
    refusal: null,
  };
}

function usage(chat: FakeChatRequest, message: AssistantMessage) {
  const promptTokens = Math.ceil(chatRequestText(chat).length / 4);
  const output = message.content ?? message.tool_calls?.[0]?.function.arguments ?? "";
  const completionTokens = Math.ceil(output.length / 4);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function completion(chat: FakeChatRequest, message: AssistantMessage, counter: number) {
  return {
    id: `chatcmpl-fake-${counter}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: chat.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: message.tool_calls ? "tool_calls" : "stop",
      },
    ],
    usage: usage(chat, message),
  };
}

/** Server-sent events as the real API streams them: role, payload, finish, optional usage, [DONE]. */
function sendStream(
  res: ServerResponse,
  chat: FakeChatRequest,
  message: AssistantMessage,
  counter: number,
): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const base = {
    id: `chatcmpl-fake-${counter}`,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model: chat.model,
  };
  const chunk = (delta: object, finishReason: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  const events: object[] = [chunk({ role: "assistant", content: "" }, null)];
  const call = message.tool_calls?.[0];
  if (call) {
    events.push(
      chunk(
        {
          tool_calls: [
            {
              index: 0,
              id: call.id,
              type: "function",
              function: { name: call.function.name, arguments: "" },
            },
          ],
        },
        null,
      ),
      chunk({ tool_calls: [{ index: 0, function: { arguments: call.function.arguments } }] }, null),
      chunk({}, "tool_calls"),
    );
  } else {
    events.push(chunk({ content: message.content ?? "" }, null), chunk({}, "stop"));
  }
  if (chat.stream_options?.include_usage === true) {
    events.push({ ...base, choices: [], usage: usage(chat, message) });
  }
  for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
  res.end("data: [DONE]\n\n");
}

function modelEntry(id: string) {
  return { id, object: "model", created: 1_700_000_000, owned_by: "fake-openai" };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null,
  type = status >= 500 ? "server_error" : "invalid_request_error",
): void {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Resolves true after `ms`, or false as soon as the client gives up (abort, timeout, server close). */
function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, ms);
    res.once("close", onClose);
  });
}
