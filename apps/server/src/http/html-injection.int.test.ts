import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationSnapshot, type Correction } from "@handoff/contracts";
import { newCorrection } from "@handoff/core";
import {
  api,
  connectCustomer,
  customerTranscript,
  nextMessage,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

// Markup that would run or restyle something if any layer turned text into HTML. The server's job is
// to keep it as the exact text it was given and serve it only as JSON; the console and widget browser
// tests show that they render such text literally.
const CORPUS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=2>",
  '"><svg onload=window.__xss=3>',
  "javascript:window.__xss=4",
  '<a href="javascript:window.__xss=5">click</a>',
  '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  "</textarea><script>window.__xss=7</script>",
  "{{constructor.constructor('window.__xss=8')()}}",
  "&lt;b&gt;already escaped&lt;/b&gt; &amp; stays so",
  "<style>*{display:none}</style>",
  "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=9>",
  "\u202Egnp.exe <b>rtl</b>",
];

let server: TestServer;
let supervisor = "";
beforeAll(async () => {
  server = await startTestServer();
  supervisor = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
});
afterAll(async () => {
  await server.dispose();
});

/** Reads a conversation over REST as the console does, checking it is served as JSON, never as a page. */
async function conversationOverRest(conversationId: string) {
  const res = await fetch(`${server.url}/api/conversations/${conversationId}`, {
    headers: { authorization: `Bearer ${supervisor}` },
  });
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  return ConversationSnapshot.parse(await res.json());
}

describe("HTML and script injection in every rendered field", () => {
  it("customer messages and the customer's name are stored and served as the exact text", async () => {
    for (const [i, payload] of CORPUS.entries()) {
      const visitor = await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {
        customer: { name: payload },
      });
      const customer = await connectCustomer(server, visitor.body);
      const ack = await customer.socket.emitWithAck("message:send", { clientId: `x${i}`, text: payload });
      expect(ack.ok && ack.data.message.text).toBe(payload);
      expect((await customerTranscript(customer))[0]?.text).toBe(payload);
      const rest = await conversationOverRest(customer.conversationId);
      expect(rest.conversation.customer.name).toBe(payload);
      expect(rest.messages[0]?.text).toBe(payload);
    }
    await server.platform.conversations.idle();
  });

  it("agent replies, internal notes, contact notes and handoff reasons keep their exact text", async () => {
    const { agent, customer, review } = await pendingHandoff(server);
    await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
    for (const [i, payload] of CORPUS.entries()) {
      const delivered = nextMessage(customer.socket, (m) => m.clientId?.endsWith(`r${i}`) === true);
      await agent.socket.emitWithAck("message:send", {
        conversationId: customer.conversationId,
        clientId: `r${i}`,
        text: payload,
      });
      expect((await delivered).text).toBe(payload);
      await agent.socket.emitWithAck("message:send", {
        conversationId: customer.conversationId,
        clientId: `n${i}`,
        text: payload,
        internal: true,
      });
    }
    const note = CORPUS[1] ?? "";
    await customer.socket.emitWithAck("contact:leave", { email: "ada@example.com", note });
    await customer.socket.emitWithAck("handoff:request", { reason: note });
    const messages = (await conversationOverRest(customer.conversationId)).messages;
    const agentTexts = messages.filter((m) => m.author === "agent").map((m) => m.text);
    // Each payload twice: the reply, then the internal note.
    expect(agentTexts).toEqual(CORPUS.flatMap((payload) => [payload, payload]));
    expect(messages.some((m) => m.internal && m.text.includes(note))).toBe(true);
    const requested = await server.platform.store.audit.list({
      conversationId: customer.conversationId,
      action: "handoff.requested",
      limit: 1,
    });
    expect(requested[0]?.details.reason).toBe(note);
  });

  it("help-center articles and supervisor rewrites of corrections keep their exact text", async () => {
    const body = CORPUS.join("\n\n");
    const imported = await api(
      server,
      "POST",
      "/api/kb/import",
      { files: [{ name: "markup.md", content: `---\ntitle: Markup test\n---\n${body}` }] },
      supervisor,
    );
    expect(imported.status).toBe(200);
    const articles = await api<{ articles: Array<{ id: string; body: string }> }>(
      server,
      "GET",
      "/api/kb/articles",
      undefined,
      supervisor,
    );
    const article = articles.body.articles.find((a) => a.id === "markup");
    for (const payload of CORPUS) expect(article?.body).toContain(payload);

    const correction = await server.platform.store.corrections.create(
      newCorrection({ id: "markup-correction", question: "q", answer: "a" }),
    );
    const [question, answer, tag] = CORPUS;
    const approved = await api<{ correction: Correction }>(
      server,
      "POST",
      `/api/corrections/${correction.correction.id}/approve`,
      { question, answer, tags: [tag] },
      supervisor,
    );
    expect(approved.body.correction).toMatchObject({ question, answer, tags: [tag] });
  });
});
