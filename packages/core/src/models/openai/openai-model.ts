import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatOpenAI, ChatOpenAIFields } from "@langchain/openai";
import { z } from "zod";
import { ModelError } from "../../ports/model";
import type { DraftModel, DraftRequest, ModelDraft } from "../../ports/model";
import { buildDraftPrompt } from "./build-prompt";
import type { PromptMessage } from "./build-prompt";
import { DRAFT_TOOL_NAME, DraftOutput } from "./draft-output-schema";
import { findLeak } from "./leak-check";

/** Options of {@link OpenAIModel}. */
export interface OpenAIModelOptions {
  apiKey: string;
  /** An OpenAI-compatible base URL including `/v1`; the OpenAI API when omitted. */
  baseURL?: string;
  /** Chat model name; defaults to "gpt-4o-mini". */
  model?: string;
  /** Budget for the whole draft, retries included; defaults to 20 000 ms. */
  timeoutMs?: number;
  /** Approved corrections shown as examples; defaults to 3. */
  maxFewShot?: number;
  /** Retries after a transient failure (0 or 1); defaults to 1. */
  maxRetries?: number;
  /** Sampling temperature; left to the server when omitted, since some models accept only their default. */
  temperature?: number;
}

/** The structured-output runnable's result: the raw reply and its parse (null when parsing failed). */
const StructuredResult = z.object({ raw: z.unknown(), parsed: z.unknown() });

/** A drafting model backed by OpenAI or any OpenAI-compatible chat-completions server. */
export class OpenAIModel implements DraftModel {
  readonly name: string;
  private readonly timeoutMs: number;
  private readonly maxFewShot: number;
  private readonly fields: ChatOpenAIFields;
  private chat: Promise<ChatOpenAI> | null = null;
  private readonly apiKey: string;

  constructor(options: OpenAIModelOptions) {
    const model = options.model ?? "gpt-4o-mini";
    this.name = `openai:${model}`;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxFewShot = options.maxFewShot ?? 3;
    this.apiKey = options.apiKey;
    this.fields = {
      model,
      apiKey: options.apiKey,
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      // A customer is waiting and a human is the fallback: fail fast instead of LangChain's 6 retries.
      maxRetries: Math.min(1, Math.max(0, options.maxRetries ?? 1)),
      timeout: this.timeoutMs,
      configuration: options.baseURL === undefined ? {} : { baseURL: options.baseURL },
    };
  }

  /** The client, loaded on first use: the OpenAI SDK costs tens of MB per thread that never calls it. */
  private client(): Promise<ChatOpenAI> {
    this.chat ??= import("@langchain/openai").then(({ ChatOpenAI }) => new ChatOpenAI(this.fields));
    return this.chat;
  }

  async draft(request: DraftRequest, signal?: AbortSignal): Promise<ModelDraft> {
    const prompt = buildDraftPrompt(request, { maxFewShot: this.maxFewShot });
    const messages = prompt.map(toLangChainMessage);
    // Function calling rather than json_schema: the reply is validated after the HTTP call, so a bad
    // answer is reported as bad output instead of being retried inside the client as a failed request.
    const structured = (await this.client()).withStructuredOutput(DraftOutput, {
      method: "functionCalling",
      name: DRAFT_TOOL_NAME,
      includeRaw: true,
    });

    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new Error(`model did not answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    let result: unknown;
    try {
      result = await structured.invoke(messages, { signal: combined });
    } catch (error) {
      throw this.classifyFailure(error, deadline.signal, signal);
    } finally {
      clearTimeout(timer);
    }
    const draft = toModelDraft(parseStructured(result, this.name), request, this.name);
    this.refuseLeaks(draft, prompt.find((m) => m.role === "system")?.content ?? "");
    return draft;
  }

  /** An answer that recites the instructions or the key is never a draft (see findLeak). */
  private refuseLeaks(draft: ModelDraft, instructions: string): void {
    for (const { text } of draft.drafts) {
      const leak = findLeak(text, instructions, [this.apiKey]);
      if (leak)
        throw new ModelError(`${this.name}: invalid output: the answer repeats ${leak}`, "invalid_output");
    }
  }

  private classifyFailure(
    error: unknown,
    deadline: AbortSignal,
    caller: AbortSignal | undefined,
  ): ModelError {
    if (deadline.aborted) {
      return new ModelError(`${this.name}: no answer within ${this.timeoutMs} ms`, "timeout", {
        cause: error,
      });
    }
    if (caller?.aborted) {
      // The caller gave up (its own deadline or a shutdown); either way there is no draft to send.
      return new ModelError(`${this.name}: draft aborted by the caller`, "timeout", { cause: caller.reason });
    }
    if (
      error instanceof Error &&
      (error.name === "TimeoutError" || error.name === "APIConnectionTimeoutError")
    ) {
      return new ModelError(`${this.name}: request timed out`, "timeout", { cause: error });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new ModelError(`${this.name}: API request failed: ${detail}`, "api", { cause: error });
  }
}

function toLangChainMessage(message: PromptMessage): BaseMessage {
  return message.role === "system" ? new SystemMessage(message.content) : new HumanMessage(message.content);
}

/** Validates the structured reply; any mismatch means the model's output cannot be trusted. */
function parseStructured(result: unknown, modelName: string): DraftOutput {
  const envelope = StructuredResult.safeParse(result);
  if (!envelope.success) {
    throw new ModelError(
      `${modelName}: invalid output: unexpected structured-output result`,
      "invalid_output",
    );
  }
  const { raw, parsed } = envelope.data;
  const output = DraftOutput.safeParse(parsed);
  if (output.success) return output.data;
  // LangChain drops the parse error when it returns the raw message; re-check the arguments to say why.
  const rawArguments = toolArguments(raw);
  const reason =
    rawArguments === undefined
      ? `the model did not call ${DRAFT_TOOL_NAME}`
      : describeInvalidArguments(rawArguments);
  throw new ModelError(`${modelName}: invalid output: ${reason}`, "invalid_output", { cause: output.error });
}

const RawToolMessage = z.object({
  tool_calls: z.array(z.object({ name: z.string(), args: z.unknown() })).optional(),
  invalid_tool_calls: z
    .array(z.object({ name: z.string().optional(), args: z.string().optional() }))
    .optional(),
});

function toolArguments(raw: unknown): { args: unknown } | { text: string } | undefined {
  const message = RawToolMessage.safeParse(raw);
  if (!message.success) return undefined;
  const call = message.data.tool_calls?.find((item) => item.name === DRAFT_TOOL_NAME);
  if (call) return { args: call.args };
  const invalid = message.data.invalid_tool_calls?.find((item) => item.name === DRAFT_TOOL_NAME);
  if (invalid) return { text: invalid.args ?? "" };
  return undefined;
}

function describeInvalidArguments(value: { args: unknown } | { text: string }): string {
  if ("text" in value) return "the arguments are not valid JSON";
  const check = DraftOutput.safeParse(value.args);
  if (check.success) return "the answer could not be parsed";
  return check.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/** Turns the model's answer into drafts that cite only sources retrieval actually returned. */
function toModelDraft(output: DraftOutput, request: DraftRequest, modelName: string): ModelDraft {
  const known = new Set(request.retrieval.hits.map((hit) => hit.id));
  const sourceIds = [...new Set(output.sourceIds)].filter((id) => known.has(id));
  const texts: string[] = [];
  for (const text of [output.answer, ...output.alternatives].map((item) => item.trim())) {
    if (text.length > 0 && !texts.includes(text)) texts.push(text);
  }
  if (texts.length === 0) {
    throw new ModelError(`${modelName}: invalid output: the answer is blank`, "invalid_output");
  }
  return {
    drafts: texts.map((text) => ({ text, sourceIds: [...sourceIds] })),
    selfConfidence: output.confidence,
    reasoning: output.reasoning.trim(),
    outOfScope: output.outOfScope,
    category: normalizeCategory(output.category),
    ...(output.kind === undefined ? {} : { messageKind: output.kind }),
    ...(languageCode(output.language) === null ? {} : { language: languageCode(output.language) }),
  };
}

/** "FR", "fr-CA", " fr " -> "fr"; anything that is no language code -> null. */
function languageCode(language: string | undefined): string | null {
  const code = /^\s*([a-z]{2})(?:[-_][a-z]{2,4})?\s*$/i.exec(language ?? "")?.[1];
  return code ? code.toLowerCase() : null;
}

function normalizeCategory(category: string | null): string | null {
  const trimmed = category?.trim().toLowerCase() ?? "";
  return trimmed.length > 0 ? trimmed : null;
}
