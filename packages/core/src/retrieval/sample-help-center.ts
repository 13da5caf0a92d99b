import type { Article, Correction } from "@handoff/contracts";

const AT = "2025-01-01T00:00:00.000Z";

function article(id: string, title: string, tags: string[], body: string): Article {
  return { id, title, tags, body, updatedAt: AT };
}

/**
 * A small SaaS billing help center for tests and examples. Deliberately not the trailhead evaluation
 * store, so unit tests check behaviour that must hold on any help center.
 */
export function sampleArticles(): Article[] {
  return [
    article(
      "plans-pricing",
      "Plans and pricing",
      ["billing", "plans"],
      "Acme Cloud has three plans: Free, Team at $12 per user per month, and Business at $25 per user per month. Annual billing saves 20%. All paid plans include unlimited projects.",
    ),
    article(
      "free-trial",
      "Free trial",
      ["billing", "trial"],
      "Every new workspace gets a 14-day free trial of the Business plan. No credit card is required to start a trial.\n\nWhen the trial ends, the workspace moves to the Free plan unless you add a payment method.",
    ),
    article(
      "cancel-subscription",
      "Cancelling your subscription",
      ["billing", "cancellation"],
      "Owners can cancel a subscription under Settings > Billing > Cancel subscription. You keep access until the end of the paid period. We do not refund partial months.",
    ),
    article(
      "refunds",
      "Refund policy",
      ["billing", "refunds"],
      "Annual plans can be refunded in full within 30 days of purchase. Monthly plans are not refundable. Approved refunds reach the original card within 5 to 10 business days.",
    ),
    article(
      "invoices",
      "Invoices and receipts",
      ["billing", "invoices"],
      "Invoices are emailed to the billing contact after each payment and can be downloaded as PDF under **Settings > Billing > Invoices**. You can add a VAT number to future invoices.",
    ),
    article(
      "payment-methods",
      "Payment methods",
      ["billing", "payment"],
      "We accept Visa, Mastercard, American Express and PayPal. Annual Business plans can pay by bank transfer against an invoice. We do not accept checks or cryptocurrency.",
    ),
    article(
      "shipping-regions",
      "Where we ship hardware keys",
      ["shipping"],
      "Security keys ship to the United States, Canada and the European Union. Shipping takes 3 to 5 business days and costs $9.",
    ),
  ];
}

/** An approved correction as a supervisor would leave it. */
export function approvedCorrection(id: string, question: string, answer: string): Correction {
  return {
    id,
    question,
    answer,
    draft: null,
    status: "approved",
    reason: null,
    tags: [],
    conversationId: null,
    sourceKey: null,
    createdBy: null,
    createdAt: AT,
    reviewedBy: null,
    reviewedAt: AT,
  };
}
