import { messageText } from "@handoff/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { movableClock, startTestServer, type TestServer } from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

/** How the deadline sweep tells a waiting customer nobody is free (see deadline-sweep.ts). */
const reminded = (texts: string[]) => texts.filter((t) => /busier than usual/.test(t)).length;

describe("the deadline sweep with many pauses due", () => {
  // 230 handoffs are set up first: slow on a loaded CI machine, and speed is not what this checks.
  it(
    "reminds every waiting customer once, however many are due, and then lists nothing",
    { timeout: 120_000 },
    async () => {
      const clock = movableClock();
      const server = await startTestServer({ overrides: { clock } });
      servers.push(server);
      const { conversations, store } = server.platform;
      // More than one batch, and more than a sweep once read at most: none may starve behind the rest.
      const ids: string[] = [];
      for (let i = 0; i < 230; i++) {
        const { id } = await conversations.startConversation({});
        await conversations.requestHuman(id, undefined);
        ids.push(id);
      }
      clock.advanceMinutes(31);
      const now = clock.now().toISOString();

      expect(await conversations.applyDueDeadlines()).toBe(230);
      // Handled pauses left the due set: the next sweep reads nothing, and reminds nobody twice.
      expect(await store.reviews.listDue(now, 10)).toEqual([]);
      expect(await conversations.applyDueDeadlines()).toBe(0);
      for (const id of ids) {
        const texts = (await store.messages.listSince(id, 0, 100)).map((m) => messageText(m, "en"));
        expect(reminded(texts), id).toBe(1);
      }
    },
  );
});
