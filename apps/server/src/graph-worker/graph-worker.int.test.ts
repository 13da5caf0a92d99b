import { describe, expect, it, vi } from "vitest";
import {
  api,
  askAsNewCustomer,
  connectCustomer,
  customerTranscript,
  nextMessage,
  pendingApproval,
  SUPERVISOR,
  type TestServer,
} from "../testing";
import { CONFIDENT_SHIPPING_ANSWER, useFakeOpenAI } from "../testing/fake-model";

const fakeModel = useFakeOpenAI();
const inWorker = { GRAPH_WORKER: "on" };

const supervisorToken = async (server: TestServer) =>
  (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;

const replies = async (customer: Awaited<ReturnType<typeof connectCustomer>>) =>
  (await customerTranscript(customer)).filter((m) => m.author === "bot");

describe("the graph in a worker thread", () => {
  it("answers a question once and delivers an approved draft, with the sockets on the main thread", async () => {
    const server = await fakeModel.start({ offline: true, env: inWorker });
    expect(server.platform.graphWorker).not.toBeNull();

    const customer = await connectCustomer(server);
    const answered = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "q1",
      text: "How long does standard delivery take?",
    });
    expect((await answered).text).toMatch(/2 to 4 business days/);

    const { agent, customer: risky, review } = await pendingApproval(server);
    const delivered = nextMessage(risky.socket, (m) => m.author === "bot");
    const ack = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(ack.ok).toBe(true);
    expect((await delivered).text).toBe(review.packet.draft.text);
    await server.platform.conversations.idle();
    expect(await replies(customer)).toHaveLength(1);
    expect(await replies(risky)).toHaveLength(1);
  });

  it("routes the very next message with settings a supervisor has just changed", async () => {
    const server = await fakeModel.start({ offline: true, env: inWorker });
    const question = "How long does standard delivery take?";
    expect((await askAsNewCustomer(server, question)).route).toBe("auto");

    const token = await supervisorToken(server);
    const changed = await api(server, "PUT", "/api/settings", { shadowCategories: ["shipping"] }, token);
    expect(changed.status).toBe(200);
    expect(await askAsNewCustomer(server, question)).toMatchObject({
      route: "approval",
      reason: "shadow_mode",
    });
  });

  it("searches an article imported a moment ago", async () => {
    const server = await fakeModel.start({ offline: true, env: inWorker });
    const question = "Do you gift wrap orders with a handwritten note?";
    expect((await askAsNewCustomer(server, question)).sources).not.toContain("gift-wrapping");

    const article = [
      "---",
      "title: Do you gift wrap orders?",
      "---",
      "Yes. Tick 'gift wrap' at checkout and we wrap every bag in recycled paper with a handwritten note, for $3.",
    ].join("\n");
    const imported = await api(
      server,
      "POST",
      "/api/kb/import",
      { files: [{ name: "gift-wrapping.md", content: article }] },
      await supervisorToken(server),
    );
    expect(imported.status).toBe(200);
    expect((await askAsNewCustomer(server, question)).sources).toContain("gift-wrapping");
  });

  it("delivers an approval ahead of the answers the worker had queued before it", async () => {
    // One worker: the order inside a worker is what this checks (a second one would take the resume idle).
    const server = await fakeModel.start({ offline: true, env: { ...inWorker, GRAPH_WORKERS: "1" } });
    const { agent, customer: risky, review } = await pendingApproval(server);
    const others = await Promise.all(Array.from({ length: 60 }, () => connectCustomer(server)));

    const arrivals: string[] = [];
    const approved = nextMessage(risky.socket, (m) => m.author === "bot").then(() =>
      arrivals.push("approved"),
    );
    const answers = others.map((other, i) =>
      nextMessage(other.socket, (m) => m.author === "bot").then(() => arrivals.push(`answer ${i}`)),
    );
    // Questions first, then the decision: the worker has the sixty runs in hand when the resume arrives.
    const asked = others.map((other) =>
      other.socket.emitWithAck("message:send", {
        clientId: "q",
        text: "How long does standard delivery take?",
      }),
    );
    await Promise.all(asked);
    await agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } });
    await Promise.all([approved, ...answers]);

    // In queue order it would arrive last (61st): every run was posted to the worker before the resume.
    // Ahead of the queue, it still waits for the main thread to store the decision and read the thread's
    // checkpoint while the worker keeps answering: 5-31 of 60 measured (the 31 in a full suite run; 44
    // once in CI, when that read went through LangGraph's getState, 10-13 ms cold). The exact order
    // inside one thread is in-process-runner.test.ts; here the bar is ahead of the last quarter.
    expect(arrivals.indexOf("approved")).toBeLessThan(45);
  });

  it(
    "starts a second worker when the first is busy, and every question is answered once",
    { timeout: 120_000 },
    async () => {
      const server = await fakeModel.start({ offline: true, env: { ...inWorker, GRAPH_WORKERS: "2" } });
      const pool = server.platform.graphWorker;
      if (!pool) throw new Error("expected the graph to run in workers");
      expect(pool.size()).toBe(1);

      const ask = async (count: number) => {
        const customers = await Promise.all(Array.from({ length: count }, () => connectCustomer(server)));
        const answered = customers.map((c) => nextMessage(c.socket, (m) => m.author === "bot", 60_000));
        await Promise.all(
          customers.map((c) =>
            c.socket.emitWithAck("message:send", {
              clientId: "q",
              text: "How long does standard delivery take?",
            }),
          ),
        );
        for (const answer of await Promise.all(answered)) expect(answer.text).toMatch(/2 to 4 business days/);
        return customers;
      };
      const first = await ask(30);
      await vi.waitFor(() => expect(pool.size()).toBe(2), { timeout: 30_000 });
      // With two workers, jobs go to the less busy one; each question is still answered once.
      const second = await ask(20);
      await server.platform.conversations.idle();
      for (const customer of [...first, ...second]) expect(await replies(customer)).toHaveLength(1);
    },
  );

  it(
    "replaces a worker that dies mid-answer, and the question it was answering is answered once",
    // A replacement worker loads its language models before it answers: slow on a busy CI machine.
    { timeout: 60_000 },
    async () => {
      let calls = 0;
      fakeModel.model().reply(() => {
        calls++;
        // The first answer is slow enough for the worker to die while waiting for it.
        return calls === 1
          ? { delayMs: 10_000, structured: CONFIDENT_SHIPPING_ANSWER }
          : { structured: CONFIDENT_SHIPPING_ANSWER };
      });
      const server = await fakeModel.start({ env: inWorker, timeoutMs: 20_000 });
      const worker = server.platform.graphWorker;
      if (!worker) throw new Error("expected the graph to run in a worker");

      const customer = await connectCustomer(server);
      const answered = nextMessage(customer.socket, (m) => m.author === "bot", 45_000);
      const ack = await customer.socket.emitWithAck("message:send", {
        clientId: "q1",
        text: "How long does standard delivery take?",
      });
      expect(ack.ok).toBe(true);
      await vi.waitFor(() => expect(calls).toBe(1), { timeout: 5000 });
      await worker.kill();

      expect((await answered).text).toBe(CONFIDENT_SHIPPING_ANSWER.answer);
      await server.platform.conversations.idle();
      const transcript = await customerTranscript(customer);
      expect(transcript.filter((m) => m.author === "customer")).toHaveLength(1);
      expect(transcript.filter((m) => m.author === "bot")).toHaveLength(1);
    },
  );

  it(
    "answers a question sent while a dead worker waits to be replaced, once the new one is up",
    { timeout: 60_000 },
    async () => {
      const server = await fakeModel.start({ offline: true, env: inWorker });
      const customer = await connectCustomer(server);
      await server.platform.graphWorker?.kill();
      expect(server.platform.graphWorker?.isRunning()).toBe(false);

      const answered = nextMessage(customer.socket, (m) => m.author === "bot", 45_000);
      const ack = await customer.socket.emitWithAck("message:send", {
        clientId: "q1",
        text: "How long does standard delivery take?",
      });
      expect(ack.ok).toBe(true);
      expect((await answered).text).toMatch(/2 to 4 business days/);
    },
  );

  it("a server told to stop while its dead worker waits to be replaced stops at once", async () => {
    const server = await fakeModel.start({ offline: true, env: inWorker });
    await server.platform.graphWorker?.kill();
    // Within the restart delay: nothing is running, and nothing new may start after the stop.
    await server.platform.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(server.platform.graphWorker?.isRunning()).toBe(false);
  });

  it(
    "stops its workers when idle, starts one as a customer types, and answers every question once",
    { timeout: 60_000 },
    async () => {
      const server = await fakeModel.start({
        offline: true,
        env: { ...inWorker, GRAPH_WORKER_IDLE_SECONDS: "0.5" },
      });
      const pool = server.platform.graphWorker;
      if (!pool) throw new Error("expected the graph to run in workers");
      await vi.waitFor(() => expect(pool.size()).toBe(0), { timeout: 10_000 });

      // Typing starts a worker before the question is sent.
      const customer = await connectCustomer(server);
      await customer.socket.emitWithAck("typing:set", { typing: true });
      await vi.waitFor(() => expect(pool.size()).toBe(1), { timeout: 10_000 });
      const first = nextMessage(customer.socket, (m) => m.author === "bot", 30_000);
      await customer.socket.emitWithAck("message:send", {
        clientId: "q1",
        text: "How long does standard delivery take?",
      });
      expect((await first).text).toMatch(/2 to 4 business days/);

      // A question sent with every worker stopped waits for one to start.
      await vi.waitFor(() => expect(pool.size()).toBe(0), { timeout: 10_000 });
      const second = nextMessage(customer.socket, (m) => m.author === "bot", 30_000);
      await customer.socket.emitWithAck("message:send", { clientId: "q2", text: "Do you ship to Canada?" });
      await second;
      await server.platform.conversations.idle();
      expect(await replies(customer)).toHaveLength(2);
    },
  );

  it("keeps its worker while a draft waits on a person, so the approved reply needs no start, and stops after", async () => {
    const server = await fakeModel.start({
      offline: true,
      env: { ...inWorker, GRAPH_WORKER_IDLE_SECONDS: "0.3" },
    });
    const pool = server.platform.graphWorker;
    if (!pool) throw new Error("expected the graph to run in workers");
    const { agent, customer, review } = await pendingApproval(server);

    // Several idle spells pass with the draft waiting: the worker stays.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(pool.size()).toBe(1);

    const approved = nextMessage(customer.socket, (m) => m.author === "bot");
    await agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } });
    expect((await approved).text).toBe(review.packet.draft.text);
    await vi.waitFor(() => expect(pool.size()).toBe(0), { timeout: 10_000 });
  });
});
