import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { openMongoStore } from "@handoff/store";
import {
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextMessage,
  pendingApproval,
  startTestServer,
  type TestServer,
} from "../testing";

const uri = process.env.MONGODB_URI;
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

describe.skipIf(!uri)("on MongoDB", () => {
  it(
    "a pending review survives a restart and is decided on the new process, sending once",
    { timeout: 60_000 },
    async () => {
      if (!uri) return;
      const dbName = `handoff_test_${randomUUID().slice(0, 8)}`;
      const first = await startTestServer({ overrides: { storage: await openMongoStore({ uri, dbName }) } });
      const { customer, review } = await pendingApproval(first);
      await first.stopKeepingData();

      const second = await startTestServer({
        dataDir: first.dataDir,
        overrides: { storage: await openMongoStore({ uri, dbName }) },
      });
      servers.push(second);
      const agent = await connectAgent(second);
      const again = await connectCustomer(second, customer);
      const delivered = nextMessage(again.socket, (m) => m.author === "bot");
      expect(
        (
          await agent.socket.emitWithAck("review:decide", {
            reviewId: review.id,
            decision: { type: "approve" },
          })
        ).ok,
      ).toBe(true);
      expect((await delivered).text).toBe(review.packet.draft.text);
      expect(
        (
          await agent.socket.emitWithAck("review:decide", {
            reviewId: review.id,
            decision: { type: "approve" },
          })
        ).ok,
      ).toBe(false);
      expect((await customerTranscript(again)).filter((m) => m.author === "bot")).toHaveLength(1);
    },
  );
});
