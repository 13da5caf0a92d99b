import { z } from "zod";
import { Id } from "./common";

/** The three ways a customer message can go. */
export const Route = z.enum(["auto", "approval", "handoff"]);
export type Route = z.infer<typeof Route>;

/** A knowledge article or approved correction an answer drew on, with its retrieval score (0..1). */
export const SourceRef = z.object({
  id: Id,
  kind: z.enum(["article", "correction"]),
  title: z.string(),
  score: z.number().min(0).max(1),
  url: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** Confidence (0..1) with the signals it was built from, so a human can see why. */
export const Confidence = z.object({
  score: z.number().min(0).max(1),
  parts: z.object({
    model: z.number().min(0).max(1),
    retrieval: z.number().min(0).max(1),
    margin: z.number().min(0).max(1),
    coverage: z.number().min(0).max(1),
    rules: z.number().min(0).max(1),
    /** How much of the question the answer's passage (with its heading and title) states. */
    answer: z.number().min(0).max(1).optional(),
    /** 1 when the answer states the kind of fact asked for (an amount for "how much"), else 0. */
    fact: z.number().min(0).max(1).optional(),
    /** Share of the question that the help center says anything about (1 = every word). */
    known: z.number().min(0).max(1).optional(),
    /** Share of the question the best source's title or tags state: what the source is about. */
    topic: z.number().min(0).max(1).optional(),
    /** 1 when the best source is an approved correction (a person's answer to a similar question). */
    correction: z.number().min(0).max(1).optional(),
    /** How far the answer's passage leads the best passage saying something else (0 = a tie). */
    lead: z.number().min(0).max(1).optional(),
    /** 0 when the question is about its own order number, amount or code that no article states (not how to do something), else 1. */
    general: z.number().min(0).max(1).optional(),
    /** Share of the question the answer's passage states in its own words (its heading or title not counted). */
    own: z.number().min(0).max(1).optional(),
    /** From a correction: share of its question the customer asked too (1 for an article). */
    asked: z.number().min(0).max(1).optional(),
    /** Score of an approved correction to a like question that the answer's source agrees with. */
    support: z.number().min(0).max(1).optional(),
    /** How like an approved correction's question the customer's is, when the answer agrees with that correction (0 = none). */
    precedent: z.number().min(0).max(1).optional(),
  }),
});
export type Confidence = z.infer<typeof Confidence>;

/** Risk categories a rule can raise. */
export const RiskCategory = z.enum([
  "money_movement",
  "cancellation",
  "deletion",
  "order_change",
  "legal",
  "medical",
  "political",
  "abuse",
  "human_request",
  "prompt_injection",
  "secret_request",
  /** Something happened to the customer (lost or stolen card, unrecognised or double charge, a parcel that never came). */
  "incident",
  /** A request to act on the customer's own order, booking, account or payment that no narrower category names. */
  "action_request",
  /** Written in a language the help center is not written in, or one the risk rules cannot read. */
  "unsupported_language",
]);
export type RiskCategory = z.infer<typeof RiskCategory>;

/** What a risk rule can force at least: a person's approval, or a person taking over. */
export const RiskRoute = z.enum(["approval", "handoff"]);
export type RiskRoute = z.infer<typeof RiskRoute>;

/** The least each risk category forces: actions on money or records need approval, the rest a person. */
export const RISK_ROUTES: Readonly<Record<RiskCategory, RiskRoute>> = {
  money_movement: "approval",
  cancellation: "approval",
  deletion: "approval",
  order_change: "approval",
  legal: "handoff",
  medical: "handoff",
  political: "handoff",
  abuse: "handoff",
  human_request: "handoff",
  prompt_injection: "handoff",
  /** An answer that asks the customer for a card number, CVV, PIN or password: a person approves it first. */
  secret_request: "approval",
  /** Incidents go to a person even when an article covers the topic. */
  incident: "handoff",
  action_request: "approval",
  unsupported_language: "approval",
};

/** A rule that fired on the customer's message and the route it forces at least. */
export const RiskFlag = z.object({
  category: RiskCategory,
  forces: RiskRoute,
  evidence: z.string(),
});
export type RiskFlag = z.infer<typeof RiskFlag>;

/** One candidate reply. */
export const Draft = z.object({
  id: Id,
  text: z.string(),
  sources: z.array(SourceRef),
});
export type Draft = z.infer<typeof Draft>;

/** Why a message went where it went, in words a supervisor can read. */
export const RouteReason = z.enum([
  "high_confidence",
  "medium_confidence",
  "low_confidence",
  "risk_rule",
  "human_request",
  "out_of_scope",
  "model_error",
  "guided_redraft",
  "timeout",
  "customer_request",
  "shadow_mode",
  "recovery_failed",
]);
export type RouteReason = z.infer<typeof RouteReason>;

/** Routing thresholds: auto when score >= auto, approval when >= review, handoff below. */
export const Thresholds = z
  .object({ auto: z.number().min(0).max(1), review: z.number().min(0).max(1) })
  .refine((t) => t.auto > t.review, { message: "auto threshold must be above the review threshold" });
export type Thresholds = z.infer<typeof Thresholds>;
