import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelMessageAccepted, ConversationSnapshot, CustomerExport } from "@handoff/contracts";
import {
  api,
  AGENT,
  connectAgent,
  connectCustomer,
  nextReview,
  pendingHandoff,
  storeVariants,
  type StoreVariant,
  type TestServer,
} from "../../testing";
import type { ReceivedMail } from "../../testing/smtp-server";
import { agentReply, apiKey, signIn, until } from "../channels-test-kit";
import { emailTestServer, REPLY_DOMAIN } from "./email-test-server";

const DOMAIN = REPLY_DOMAIN;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emailServer(variant: StoreVariant) {
  const { s, smtp } = await emailTestServer(variant, cleanups);
  return { s, smtp, key: await apiKey(s, ["messages:send"]) };
}

/** A header of a raw email, unfolded. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const mailsTo = (smtp: { received: ReceivedMail[] }, address: string) =>
  smtp.received.filter((m) => m.to.includes(address));

async function snapshot(s: TestServer, conversationId: string) {
  const res = await api(s, "GET", `/api/conversations/${conversationId}`, undefined, await signIn(s, AGENT));
  return ConversationSnapshot.pick({ conversation: true, messages: true }).parse(res.body);
}

async function transcript(s: TestServer, conversationId: string) {
  return (await snapshot(s, conversationId)).messages;
}

/** The subject and text of a mail as a mail client shows them (MIME words and quoted-printable decoded). */
async function readMail(mail: ReceivedMail) {
  const parsed = await simpleParser(mail.raw);
  return { subject: parsed.subject ?? "", text: parsed.text ?? "" };
}

function inbound(overrides: Record<string, unknown> = {}) {
  return {
    messageId: "<r1@mail.example.com>",
    from: { address: "ada@example.com", name: "Ada" },
    to: ["support@example.test"],
    subject: "Re: Your conversation",
    text: "Thanks, it is order 1234.\n\nOn Mon, 1 Dec 2026, Support wrote:\n> Which order?\n",
    references: [],
    ...overrides,
  };
}

describe.each(storeVariants("email"))("email channel on $name", (variant) => {
  it("a customer who left an email gets the agent's reply by SMTP, and their emailed answer lands in the same conversation once", async () => {
    const { s, smtp, key } = await emailServer(variant);
    const { agent, customer, review } = await pendingHandoff(s);
    const conversationId = customer.conversationId;
    expect((await customer.socket.emitWithAck("contact:leave", { email: "ada@example.com" })).ok).toBe(true);
    const agentToken = await signIn(s, AGENT);
    await until("the conversation on email", async () => {
      const res = await api<{ link: { kind: string } | null }>(
        s,
        "GET",
        `/api/conversations/${conversationId}/channel`,
        undefined,
        agentToken,
      );
      return res.body.link?.kind === "email" ? true : undefined;
    });
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    const first = await agentReply(s, conversationId, "Which order is it about?", "a1");
    expect(first.status).toBe(201);

    const [mail] = await until("the agent's reply by email", () => {
      const got = mailsTo(smtp, "ada@example.com");
      return got.length > 0 ? got : undefined;
    });
    if (!mail) throw new Error("no mail");
    expect(mail.raw).toContain("Which order is it about?");
    const messageId = header(mail, "Message-ID");
    expect(messageId).toMatch(new RegExp(`^<msg\\.[^@]+@${DOMAIN.replaceAll(".", "\\.")}>$`));
    expect(header(mail, "From")).toContain("support@example.test");
    const replyTo = /reply\+[0-9a-f]{52}@reply\.example\.test/.exec(header(mail, "Reply-To") ?? "")?.[0];
    expect(replyTo).toBeDefined();

    const answer = inbound({ to: [replyTo], inReplyTo: messageId, references: [messageId] });
    const posted = await api(s, "POST", "/api/channels/email/inbound", answer, key);
    expect(posted.status).toBe(202);
    expect(ChannelMessageAccepted.parse(posted.body)).toMatchObject({ conversationId, duplicate: false });
    const again = await api(s, "POST", "/api/channels/email/inbound", answer, key);
    expect(again.status).toBe(200);
    expect(ChannelMessageAccepted.parse(again.body).duplicate).toBe(true);
    const customerTexts = (await transcript(s, conversationId))
      .filter((m) => m.author === "customer")
      .map((m) => m.text);
    expect(customerTexts.filter((t) => t === "Thanks, it is order 1234.")).toHaveLength(1);

    // The next reply continues the thread: In-Reply-To the customer's email, References the whole thread.
    await agentReply(s, conversationId, "Found it, it ships today.", "a2");
    const second = await until("the second reply", () => mailsTo(smtp, "ada@example.com")[1]);
    expect(header(second, "In-Reply-To")).toBe("<r1@mail.example.com>");
    expect(header(second, "References")?.split(/\s+/)).toEqual([messageId, "<r1@mail.example.com>"]);
    expect(header(second, "Subject")).toBe("Re: Your conversation with our support team");
    // Each reply went out once.
    await new Promise((r) => setTimeout(r, 400));
    expect(mailsTo(smtp, "ada@example.com")).toHaveLength(2);

    // The customer's privacy export holds their address, the thread and the emails sent to them.
    const exported = await api(
      s,
      "GET",
      "/api/privacy/export?email=ada%40example.com",
      undefined,
      await signIn(s),
    );
    const data = CustomerExport.parse(exported.body);
    expect(data.channels).toEqual([
      expect.objectContaining({ conversationId, kind: "email", address: "ada@example.com" }),
    ]);
    expect(data.channelDeliveries.map((d) => [d.message.text, d.status])).toEqual(
      expect.arrayContaining([
        ["Which order is it about?", "delivered"],
        ["Found it, it ships today.", "delivered"],
      ]),
    );
  });

  it("an agent continues a widget conversation by email; without an address it is refused", async () => {
    const { s, smtp } = await emailServer(variant);
    const { agent, customer, review } = await pendingHandoff(s);
    const conversationId = customer.conversationId;
    const agentToken = await signIn(s, AGENT);
    const route = `/api/conversations/${conversationId}/email`;
    const refused = await api<{ error: { code: string } }>(s, "POST", route, {}, agentToken);
    expect(refused.status).toBe(400);
    expect((await api(s, "POST", route, { address: "not an address" }, agentToken)).status).toBe(400);
    expect((await api(s, "POST", route, { address: "cy@example.com" })).status).toBe(401);
    const linked = await api<{ link: { kind: string; address: string } }>(
      s,
      "POST",
      route,
      { address: "cy@example.com" },
      agentToken,
    );
    expect(linked.status).toBe(200);
    expect(linked.body.link).toMatchObject({ kind: "email", address: "cy@example.com" });
    const audited = await s.platform.store.audit.list({
      conversationId,
      action: "channel.email_linked",
      limit: 5,
    });
    expect(audited.map((e) => e.actor.name)).toEqual(["Alex Agent"]);
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    await agentReply(s, conversationId, "I will follow up by email.", "c1");
    const mail = await until("the reply by email", () => mailsTo(smtp, "cy@example.com")[0]);
    expect(mail.raw).toContain("I will follow up by email.");
  });

  it("an email to the support address starts a conversation the bot answers by email, in the thread", async () => {
    const { s, smtp, key } = await emailServer(variant);
    const posted = await api(
      s,
      "POST",
      "/api/channels/email/inbound",
      inbound({
        messageId: "<first@mail.example.com>",
        from: { address: "bo@example.com" },
        subject: "Delivery",
        text: "How long does standard delivery take?",
      }),
      key,
    );
    expect(posted.status).toBe(202);
    const { conversationId } = ChannelMessageAccepted.parse(posted.body);
    const mail = await until("the bot's answer by email", () => mailsTo(smtp, "bo@example.com")[0]);
    expect(header(mail, "In-Reply-To")).toBe("<first@mail.example.com>");
    expect(header(mail, "Subject")).toBe("Re: Delivery");
    const bot = (await transcript(s, conversationId)).find((m) => m.author === "bot");
    expect(bot).toBeDefined();
    expect(mail.raw.replace(/=\r?\n/g, "")).toContain((bot?.text ?? "").slice(0, 30));
  });

  it.each([
    {
      language: "en",
      subject: "Help",
      text: "Can I speak with a human agent please",
      notice: "I'm connecting you with a person from our team.",
      not: "Je vous mets en relation",
    },
    {
      language: "fr",
      subject: "Aide",
      text: "Bonjour, je voudrais parler à un conseiller humain, s'il vous plaît.",
      notice: "Je vous mets en relation avec une personne de notre équipe.",
      not: "I'm connecting you",
    },
  ])(
    "an emailed request for a person ($language) gets the handoff notice by email in the customer's language",
    async (example) => {
      const { s, smtp, key } = await emailServer(variant);
      const address = `${example.language}@example.com`;
      const posted = await api(
        s,
        "POST",
        "/api/channels/email/inbound",
        inbound({
          messageId: `<person.${example.language}@mail.example.com>`,
          from: { address },
          subject: example.subject,
          text: example.text,
        }),
        key,
      );
      const { conversationId } = ChannelMessageAccepted.parse(posted.body);
      const mail = await readMail(
        await until("the handoff notice by email", () => mailsTo(smtp, address)[0]),
      );
      expect(mail.text).toContain(example.notice);
      expect(mail.text).not.toContain(example.not);
      expect(mail.subject).toBe(`Re: ${example.subject}`);
      // Stored as a kind with no sentence; the email channel wrote it in the language the graph read.
      const { conversation, messages } = await snapshot(s, conversationId);
      expect(conversation.language).toBe(example.language);
      const notice = messages.find((m) => m.author === "system");
      expect(notice).toMatchObject({ text: "", notice: { kind: "handoff.connecting" } });
    },
  );

  it("a French widget customer who left an email gets our subject in French", async () => {
    const { s, smtp } = await emailServer(variant);
    const agent = await connectAgent(s);
    const customer = await connectCustomer(s);
    const conversationId = customer.conversationId;
    const opened = nextReview(agent.socket, "review:created", (r) => r.conversationId === conversationId);
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "Je voudrais parler à un conseiller humain, s'il vous plaît.",
    });
    const review = await opened;
    expect(review.packet.language).toBe("fr");
    expect((await customer.socket.emitWithAck("contact:leave", { email: "luc@example.com" })).ok).toBe(true);
    await until("the conversation on email", async () => {
      const res = await api<{ link: { kind: string } | null }>(
        s,
        "GET",
        `/api/conversations/${conversationId}/channel`,
        undefined,
        await signIn(s, AGENT),
      );
      return res.body.link?.kind === "email" ? true : undefined;
    });
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    expect(
      (await agentReply(s, conversationId, "Bonjour Luc, de quelle commande s'agit-il ?", "a1")).status,
    ).toBe(201);
    const mail = await readMail(
      await until("the agent's reply by email", () => mailsTo(smtp, "luc@example.com")[0]),
    );
    expect(mail.subject).toBe("Votre conversation avec notre équipe d’assistance");
    expect(mail.text).toContain("Bonjour Luc, de quelle commande s'agit-il ?");
  });

  it("refuses a forged reply address, bad input and callers without a key or scope, changing nothing", async () => {
    const { s, smtp, key } = await emailServer(variant);
    const forged = inbound({ to: [`reply+${"ab".repeat(16)}${"0".repeat(20)}@${DOMAIN}`] });
    expect((await api(s, "POST", "/api/channels/email/inbound", forged, key)).status).toBe(404);
    const bad = await api<{ error: { code: string } }>(
      s,
      "POST",
      "/api/channels/email/inbound",
      inbound({ messageId: "no brackets" }),
      key,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
    const onlyQuote = inbound({ text: "> quoted only" });
    expect((await api(s, "POST", "/api/channels/email/inbound", onlyQuote, key)).status).toBe(400);
    expect((await api(s, "POST", "/api/channels/email/inbound", inbound())).status).toBe(401);
    const agentSession = await signIn(s, AGENT);
    expect((await api(s, "POST", "/api/channels/email/inbound", inbound(), agentSession)).status).toBe(401);
    const readOnly = await apiKey(s, ["conversations:read"]);
    expect((await api(s, "POST", "/api/channels/email/inbound", inbound(), readOnly)).status).toBe(403);
    const listed = await s.platform.store.conversations.list({ limit: 100 });
    expect(listed.filter((c) => c.customer.email === "ada@example.com")).toEqual([]);
    expect(smtp.received).toEqual([]);
  });
});
