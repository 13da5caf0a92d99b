import { z } from "zod";
import { MESSAGE_KINDS } from "../../ports/model";

/** Name of the function the model is forced to call with its structured answer. */
export const DRAFT_TOOL_NAME = "submit_draft";

/**
 * What the chat model must return. The descriptions travel to the model inside the JSON schema,
 * so they are written as instructions to it.
 */
export const DraftOutput = z
  .object({
    answer: z
      .string()
      .min(1)
      .describe(
        "The reply to send to the customer, written only from the provided articles and examples. " +
          "When they do not cover the question, a short polite reply saying a team member will help.",
      ),
    alternatives: z
      .array(z.string().min(1))
      .max(2)
      .describe(
        "Up to two alternative replies (a different wording or approach) for a reviewer to choose from.",
      ),
    sourceIds: z
      .array(z.string())
      .describe("Ids of the articles and examples the answer is based on. Empty when none applies."),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe("How sure you are that the answer is correct and fully supported by the sources, 0 to 1."),
    reasoning: z
      .string()
      .describe("One or two sentences for the support team on why this answer and which sources support it."),
    outOfScope: z
      .boolean()
      .describe("True when the provided articles and examples do not cover the question."),
    category: z
      .string()
      .nullable()
      .describe('A short lowercase topic label such as "shipping" or "billing", or null when unclear.'),
    // Optional so that a model which leaves them out still gives a usable draft; the rules read the
    // message anyway, and these only add flags.
    kind: z
      .enum(MESSAGE_KINDS)
      .optional()
      .describe(
        "What the customer is doing: question (asks how something works or what the policy is, even about " +
          "their own account), action_request (asks us to do something to their own order, booking, account " +
          "or payment: cancel, refund, change, book), incident (reports something that happened to them: a lost " +
          "or stolen card, a charge they do not recognise or were charged twice, a parcel that never arrived, " +
          "someone else in their account), complaint (unhappy, asks nothing), other.",
      ),
    language: z
      .string()
      .optional()
      .describe('The language the customer wrote in, as an ISO 639-1 code such as "en", "fr" or "de".'),
  })
  .describe("A drafted answer to the customer's question, with its sources and a self-assessment.");

/** The validated structured answer of the chat model. */
export type DraftOutput = z.infer<typeof DraftOutput>;
