import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LoginResponse, type Message } from "@handoff/contracts";
import { signApprovalLink } from "@handoff/core";
import {
  AGENT,
  api,
  customerTranscript,
  pendingApproval,
  startTestServer,
  storeVariants,
  SUPERVISOR,
  type TestServer,
} from "../testing";
import { startSmtpServer, type ReceivedMail } from "../testing/smtp-server";
import { approversFor } from "./approver-runtime";

const PUBLIC_URL = "https://desk.example.com";
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const replies = (messages: Message[]) => messages.filter((m) => m.author === "bot" || m.author === "agent");
const signIn = async (who: typeof SUPERVISOR) =>
  LoginResponse.parse((await api(server, "POST", "/api/auth/login", who)).body);

/** The approve, reject and open links of a mail, as paths on the test server. */
function links(mail: ReceivedMail | undefined) {
  // Quoted-printable may wrap a line; undo soft line breaks and the escaped "=".
  const body = mail?.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=") ?? "";
  const find = (label: string) => {
    const url = new RegExp(`${label}: (${PUBLIC_URL}/api/approval-links/\\S+)`).exec(body)?.[1];
    if (!url) throw new Error(`no ${label} link in the mail:\n${body}`);
    return url.slice(PUBLIC_URL.length);
  };
  return {
    approve: find("Approve and send"),
    reject: find("Reject \\(you will be asked why\\)"),
    open: find("Open"),
  };
}

const get = (path: string) => fetch(`${server.url}${path}`);
const post = (path: string, form: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

/** The supervisor asks for approvals by email; a customer's risky request then waits for approval. */
async function emailedApproval() {
  const supervisor = await signIn(SUPERVISOR);
  const opted = await api(server, "PATCH", "/api/me/approvals", { emailApprovals: true }, supervisor.token);
  expect(opted.status).toBe(200);
  const pending = await pendingApproval(server);
  await approversFor(server.platform).idle();
  const mails = smtp.received.filter((m) => m.to.includes(SUPERVISOR.email));
  expect(mails).toHaveLength(1);
  return { ...pending, supervisor, mail: mails[0], links: links(mails[0]) };
}

describe.each(storeVariants("approvers_email"))("approvals by email on $name", (variant) => {
  beforeEach(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({
      overrides: await variant.overrides(),
      env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: "Desk <desk@example.com>" },
    });
  });
  afterEach(async () => {
    await server.dispose();
    await smtp.close();
  });

  it("emails the question, the draft, the confidence and why it waits only to those who asked", async () => {
    const { review, mail } = await emailedApproval();
    expect(smtp.received.flatMap((m) => m.to)).toEqual([SUPERVISOR.email]);
    const body = mail?.raw.replace(/=\r?\n/g, "") ?? "";
    expect(body).toMatch(/^Subject: Approval needed: /m);
    expect(body).toContain(review.packet.question);
    expect(body).toContain(`Confidence: ${Math.round(review.packet.confidence.score * 100)}%`);
    expect(body).toContain("Why it waits: ");
    // An HTML part too, the links as buttons.
    expect(body).toMatch(/^Content-Type: text\/html/m);
    expect(body.replace(/=3D/g, "=")).toContain(`<a href="${PUBLIC_URL}/api/approval-links/`);
  });

  it("emails an approval to the team that handles its category, not to everyone who asked", async () => {
    const supervisor = await signIn(SUPERVISOR);
    const agent = await signIn(AGENT);
    for (const who of [supervisor, agent])
      expect(
        (await api(server, "PATCH", "/api/me/approvals", { emailApprovals: true }, who.token)).status,
      ).toBe(200);
    // One catch-all team (no categories: every category), with the agent alone in it.
    const team = { name: "Front desk", categories: [], members: [{ userId: agent.user.id }], hours: null };
    expect((await api(server, "POST", "/api/teams", team, supervisor.token)).status).toBe(201);
    await pendingApproval(server);
    await approversFor(server.platform).idle();
    expect(smtp.received.flatMap((m) => m.to)).toEqual([AGENT.email]);
  });

  it("an emailed approve link asks first, then sends the reply once; a second click is refused", async () => {
    const { review, customer, links: l } = await emailedApproval();
    // A mail scanner fetching the link decides nothing.
    const shown = await get(l.approve);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("Approve and send to the customer");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");

    const confirmed = await post(l.approve);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("The reply was sent to the customer.");
    const again = await post(l.approve);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already approved by Sam Supervisor");
    expect((await get(l.reject)).status).toBe(409);

    await server.platform.conversations.idle();
    const sent = replies(await customerTranscript(customer));
    expect(sent.map((m) => m.text)).toEqual([review.packet.draft.text]);
    const decided = await server.platform.store.reviews.get(review.id);
    expect(decided?.status).toBe("decided");
    const [audit] = await server.platform.store.audit.list({
      action: "review.decided",
      conversationId: customer.conversationId,
      limit: 5,
    });
    expect(audit?.actor).toMatchObject({
      type: "user",
      id: decided?.decidedBy,
      name: "Sam Supervisor (email link)",
    });
  });

  it("two confirmations of one link at once send one reply; the other is refused", async () => {
    const { review, customer, links: l } = await emailedApproval();
    const statuses = (await Promise.all([post(l.approve), post(l.approve)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
    await server.platform.conversations.idle();
    expect(replies(await customerTranscript(customer)).map((m) => m.text)).toEqual([
      review.packet.draft.text,
    ]);
  });

  it("emails an approval once even when its opening is announced again (a pause reopened by recovery)", async () => {
    const { review } = await emailedApproval();
    server.platform.notifier.publish({ type: "review.opened", data: { review } });
    server.platform.notifier.publish({ type: "review.opened", data: { review } });
    await approversFor(server.platform).idle();
    expect(smtp.received).toHaveLength(1);
  });

  it("refuses the link of a person deactivated since it was sent", async () => {
    const { review, supervisor, links: l } = await emailedApproval();
    await server.platform.store.users.update(supervisor.user.id, { status: "deactivated" });
    const refused = await post(l.approve);
    expect(refused.status).toBe(403);
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
  });

  it("a reject link needs a reason, then hands the conversation to a person without sending the draft", async () => {
    const { review, customer, links: l } = await emailedApproval();
    expect(await (await get(l.reject)).text()).toContain("Why is the draft rejected?");
    const noReason = await post(l.reject, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Say why the draft is rejected.");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");

    const rejected = await post(l.reject, { reason: "We do not cancel by chat; a person will call." });
    expect(rejected.status).toBe(200);
    await server.platform.conversations.idle();
    const decided = await server.platform.store.reviews.get(review.id);
    expect(decided?.decision).toEqual({
      type: "reject",
      reason: "We do not cancel by chat; a person will call.",
    });
    expect((await server.platform.store.conversations.get(customer.conversationId))?.status).toBe(
      "waiting_human",
    );
    expect(replies(await customerTranscript(customer)).map((m) => m.text)).not.toContain(
      review.packet.draft.text,
    );
  });

  it("refuses a link decided in the console meanwhile, naming who decided", async () => {
    const { review, agent, links: l } = await emailedApproval();
    const ack = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(ack.ok).toBe(true);
    const refused = await post(l.approve);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`already approved by ${agent.user.name}`);
  });

  it("refuses a link once the customer asked for a person, saying no one in the team decided", async () => {
    const { review, customer, links: l } = await emailedApproval();
    const asked = await customer.socket.emitWithAck("handoff:request", {});
    expect(asked.ok).toBe(true);
    const refused = await post(l.approve);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("already rejected without a person");
    await server.platform.conversations.idle();
    expect(replies(await customerTranscript(customer)).map((m) => m.text)).not.toContain(
      review.packet.draft.text,
    );
  });

  it("refuses a tampered, a forged and an expired link and changes nothing", async () => {
    const { review, supervisor, links: l } = await emailedApproval();
    const token = l.approve.split("/").pop() ?? "";
    const [payload = "", signature = ""] = token.split(".");
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    // Another action under the approve link's signature.
    const tampered = `${Buffer.from(JSON.stringify({ ...Object(claims), action: "reject" })).toString("base64url")}.${signature}`;
    expect((await post(`/api/approval-links/${tampered}`, { reason: "x" })).status).toBe(400);
    const forged = signApprovalLink("not-the-server-secret", {
      reviewId: review.id,
      userId: supervisor.user.id,
      action: "approve",
      expiresAt: Math.floor(Date.now() / 1000) + 600,
      nonce: "forged-nonce",
    });
    expect((await post(`/api/approval-links/${forged}`)).status).toBe(400);
    const secret = await approversFor(server.platform).secret();
    const expired = signApprovalLink(secret, {
      reviewId: review.id,
      userId: supervisor.user.id,
      action: "approve",
      expiresAt: Math.floor(Date.now() / 1000) - 1,
      nonce: "expired-nonce",
    });
    const gone = await post(`/api/approval-links/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("This link has expired.");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
  });

  it("an open link shows the approval and the way to the console, and decides nothing", async () => {
    const { review, links: l } = await emailedApproval();
    const shown = await get(l.open);
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(html).toContain(`${PUBLIC_URL}/console/#/conversations/${review.conversationId}`);
    expect((await post(l.open)).status).toBe(405);
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
  });
});
