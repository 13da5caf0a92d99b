import type { WebhookSender } from "@handoff/core";

/** How long a receiver has to answer one delivery before it counts as failed (and is retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Posts a delivery with fetch; redirects are not followed (a receiver answers where it was registered). */
export const httpSender =
  (timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookSender =>
  async ({ url, body, headers }) => {
    try {
      const res = await fetch(url, {
        method: "POST",
        body,
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is not kept: the status is what the console shows.
      await res.body?.cancel();
      return { status: res.status };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return { error: `${error instanceof Error ? error.message : "request failed"}${cause}` };
    }
  };
