import { describe, expect, it } from "vitest";
import { connectAgent, connectCustomer, customerTranscript, nextMessage, nextReview } from "../testing";
import { useServerProcesses } from "../testing/server-processes";

const processes = useServerProcesses("restart");

describe("pauses survive the process", () => {
  it(
    "a review pending when the server is killed is decided on a new process and the reply is sent once",
    { timeout: 60_000 },
    async () => {
      const dataDir = await processes.dataDir();
      const { server: first, target: target1 } = await processes.start(dataDir);
      const agent1 = await connectAgent(target1);
      const customer1 = await connectCustomer(target1);
      const created = nextReview(agent1.socket, "review:created");
      await customer1.socket.emitWithAck("message:send", {
        clientId: "q1",
        text: "Please cancel my subscription today.",
      });
      const review = await created;
      agent1.socket.disconnect();
      customer1.socket.disconnect();
      await first.kill("SIGKILL");

      const { target: target2 } = await processes.start(dataDir);
      const agent2 = await connectAgent(target2);
      const inbox = await agent2.socket.emitWithAck("inbox:list", {});
      expect(inbox.ok && inbox.data.reviews.map((r) => r.id)).toContain(review.id);
      const customer2 = await connectCustomer(target2, customer1);
      const delivered = nextMessage(customer2.socket, (m) => m.author === "bot");
      const ack = await agent2.socket.emitWithAck("review:decide", {
        reviewId: review.id,
        decision: { type: "approve" },
      });
      expect(ack.ok).toBe(true);
      expect((await delivered).text).toBe(review.kind === "approval" ? review.packet.draft.text : "");
      const again = await agent2.socket.emitWithAck("review:decide", {
        reviewId: review.id,
        decision: { type: "approve" },
      });
      expect(again.ok).toBe(false);
      const transcript = await customerTranscript(customer2);
      expect(transcript.filter((m) => m.author === "bot")).toHaveLength(1);
      expect(transcript.filter((m) => m.author === "customer")).toHaveLength(1);
    },
  );
});
