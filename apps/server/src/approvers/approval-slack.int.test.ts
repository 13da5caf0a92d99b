import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LoginResponse, type Message } from "@handoff/contracts";
import { SLACK_ACTIONS, signSlackRequest } from "@handoff/core";
import {
  api,
  customerTranscript,
  pendingApproval,
  startTestServer,
  storeVariants,
  SUPERVISOR,
  type TestServer,
} from "../testing";
import { startReceiver } from "../webhooks/webhook-receiver";
import { approversFor } from "./approver-runtime";

const SIGNING_SECRET = "slack-signing-secret-for-tests";
const SUPERVISOR_SLACK_ID = "U0SUPER01";
let server: TestServer;
let incoming: Awaited<ReturnType<typeof startReceiver>>;
let responses: Awaited<ReturnType<typeof startReceiver>>;

const replies = (messages: Message[]) => messages.filter((m) => m.author === "bot" || m.author === "agent");
const SlackPosted = z.object({
  text: z.string(),
  blocks: z.array(z.unknown()),
  replace_original: z.boolean().optional(),
  response_type: z.string().optional(),
});
const Button = z.object({
  type: z.literal("button"),
  action_id: z.string(),
  value: z.string(),
  url: z.string().optional(),
});

/** A block_actions click as Slack sends it: form-encoded `payload`, signed with the app's secret. */
async function click(
  input: { action: string; reviewId: string; slackUserId?: string; reason?: string },
  sign: { secret?: string; timestamp?: number } = {},
) {
  const payload = {
    type: "block_actions",
    user: { id: input.slackUserId ?? SUPERVISOR_SLACK_ID, username: "someone", team_id: "T0TEAM" },
    team: { id: "T0TEAM", domain: "acme" },
    actions: [
      { action_id: input.action, block_id: "b1", value: input.reviewId, type: "button", action_ts: "1" },
    ],
    response_url: responses.url,
    state: {
      values: {
        [SLACK_ACTIONS.reasonBlock]: {
          [SLACK_ACTIONS.reasonInput]: { type: "plain_text_input", value: input.reason ?? null },
        },
      },
    },
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${server.url}/api/slack/interactivity`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(sign.secret ?? SIGNING_SECRET, timestamp, body),
    },
    body,
  });
  await approversFor(server.platform).idle();
  return res.status;
}

/** What the server last posted to the response_url. */
const lastResponse = () => SlackPosted.parse(JSON.parse(responses.received.at(-1)?.body ?? "null"));

/** The supervisor links their Slack account; a customer's risky request is posted to Slack. */
async function slackApproval() {
  const supervisor = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body);
  const linked = await api(
    server,
    "PATCH",
    "/api/me/approvals",
    { slackUserId: SUPERVISOR_SLACK_ID },
    supervisor.token,
  );
  expect(linked.status).toBe(200);
  const pending = await pendingApproval(server);
  await approversFor(server.platform).idle();
  return { ...pending, supervisor };
}

describe.each(storeVariants("approvers_slack"))("approvals in Slack on $name", (variant) => {
  beforeEach(async () => {
    incoming = await startReceiver();
    responses = await startReceiver();
    server = await startTestServer({
      overrides: await variant.overrides(),
      env: {
        SLACK_WEBHOOK_URL: incoming.url,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PUBLIC_URL: "https://desk.example.com",
      },
    });
  });
  afterEach(async () => {
    await server.dispose();
    await incoming.close();
    await responses.close();
  });

  it("posts the approval to the incoming webhook with Approve, Reject and Open buttons", async () => {
    const { review } = await slackApproval();
    expect(incoming.received).toHaveLength(1);
    const message = SlackPosted.parse(JSON.parse(incoming.received[0]?.body ?? "null"));
    expect(JSON.stringify(message.blocks)).toContain(JSON.stringify(review.packet.question).slice(1, 30));
    // No team handles its category, so it is addressed to everyone linked: the supervisor.
    expect(JSON.stringify(message.blocks[0])).toContain(
      `waiting for approval* for <@${SUPERVISOR_SLACK_ID}>`,
    );
    const buttons = message.blocks.flatMap(
      (block) =>
        z.object({ type: z.literal("actions"), elements: z.array(Button) }).safeParse(block).data?.elements ??
        [],
    );
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [SLACK_ACTIONS.approve, review.id],
      [SLACK_ACTIONS.reject, review.id],
      [SLACK_ACTIONS.open, review.id],
    ]);
    expect(buttons[2]?.url).toBe(`https://desk.example.com/console/#/conversations/${review.conversationId}`);
  });

  it("an Approve click sends the reply once and updates the message; a second click is refused", async () => {
    const { review, customer } = await slackApproval();
    expect(await click({ action: SLACK_ACTIONS.approve, reviewId: review.id })).toBe(200);
    expect(lastResponse()).toMatchObject({
      replace_original: true,
      text: "Approved by Sam Supervisor: the reply was sent",
    });

    expect(await click({ action: SLACK_ACTIONS.approve, reviewId: review.id })).toBe(200);
    expect(lastResponse().text).toBe("Already approved by Sam Supervisor; your click changed nothing");
    expect(responses.received).toHaveLength(2);

    await server.platform.conversations.idle();
    expect(replies(await customerTranscript(customer)).map((m) => m.text)).toEqual([
      review.packet.draft.text,
    ]);
    const decided = await server.platform.store.reviews.get(review.id);
    const [audit] = await server.platform.store.audit.list({
      action: "review.decided",
      conversationId: customer.conversationId,
      limit: 5,
    });
    expect(audit?.actor).toMatchObject({ id: decided?.decidedBy, name: "Sam Supervisor (Slack)" });
  });

  it("Reject needs the reason typed in the message, then hands the conversation to a person", async () => {
    const { review, customer } = await slackApproval();
    await click({ action: SLACK_ACTIONS.reject, reviewId: review.id });
    expect(lastResponse()).toMatchObject({ replace_original: false, response_type: "ephemeral" });
    expect(lastResponse().text).toContain("Type a reason");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");

    await click({
      action: SLACK_ACTIONS.reject,
      reviewId: review.id,
      reason: "Cancellations go through billing.",
    });
    expect(lastResponse().text).toContain("Rejected by Sam Supervisor: Cancellations go through billing.");
    await server.platform.conversations.idle();
    expect((await server.platform.store.reviews.get(review.id))?.decision).toEqual({
      type: "reject",
      reason: "Cancellations go through billing.",
    });
    expect((await server.platform.store.conversations.get(customer.conversationId))?.status).toBe(
      "waiting_human",
    );
  });

  it("refuses a wrong signature and a stale timestamp, and changes nothing", async () => {
    const { review } = await slackApproval();
    expect(
      await click({ action: SLACK_ACTIONS.approve, reviewId: review.id }, { secret: "not-the-secret" }),
    ).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect(await click({ action: SLACK_ACTIONS.approve, reviewId: review.id }, { timestamp: stale })).toBe(
      401,
    );
    const unsigned = await fetch(`${server.url}/api/slack/interactivity`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "payload=%7B%7D",
    });
    expect(unsigned.status).toBe(401);
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
    expect(responses.received).toHaveLength(0);
  });

  it("refuses a click from a Slack user linked to nobody, and tells them", async () => {
    const { review } = await slackApproval();
    expect(
      await click({ action: SLACK_ACTIONS.approve, reviewId: review.id, slackUserId: "U0STRANGER" }),
    ).toBe(200);
    expect(lastResponse()).toMatchObject({ replace_original: false, response_type: "ephemeral" });
    expect(lastResponse().text).toContain("not linked");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
  });

  it("a signed request that is not a block_actions click is a 400", async () => {
    const body = "payload=%7B%22type%22%3A%22view_submission%22%7D";
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${server.url}/api/slack/interactivity`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signSlackRequest(SIGNING_SECRET, timestamp, body),
      },
      body,
    });
    expect(res.status).toBe(400);
  });

  it("a Slack member id links to one person only, and must look like one", async () => {
    const { supervisor } = await slackApproval();
    const agent = (await server.platform.store.users.list()).find((p) => p.role === "agent");
    const taken = await api(
      server,
      "PATCH",
      `/api/approvers/${agent?.id}`,
      { slackUserId: SUPERVISOR_SLACK_ID },
      supervisor.token,
    );
    expect(taken.status).toBe(409);
    const bad = await api(
      server,
      "PATCH",
      "/api/me/approvals",
      { slackUserId: "not an id" },
      supervisor.token,
    );
    expect(bad.status).toBe(400);
    const empty = await api(server, "PATCH", "/api/me/approvals", {}, supervisor.token);
    expect(empty.status).toBe(400);
    const list = await api<{ approvers: Array<{ userId: string; slackUserId: string | null }> }>(
      server,
      "GET",
      "/api/approvers",
      undefined,
      supervisor.token,
    );
    expect(list.body.approvers.filter((a) => a.slackUserId === SUPERVISOR_SLACK_ID)).toEqual([
      expect.objectContaining({ userId: supervisor.user.id }),
    ]);
  });
});
