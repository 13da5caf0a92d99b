import type { SlackMessage } from "@handoff/core";

/** Slack answers an incoming webhook or a response_url within seconds; a stuck one must not pile up. */
const SLACK_TIMEOUT_MS = 10_000;

/** Posts a message to a Slack URL (an incoming webhook or an interaction's response_url); the error or null. */
export async function postToSlack(url: string, message: SlackMessage): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      redirect: "manual",
      signal: AbortSignal.timeout(SLACK_TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok ? null : `Slack answered HTTP ${res.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : "request failed";
  }
}
