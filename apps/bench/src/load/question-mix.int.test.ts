import { describe, expect, it } from "vitest";
import { routeOfStatus, withDemoPlatform } from "../baselines/graph-baseline";
import { QUESTION_MIX } from "./question-mix";

// The bench counts every message whose route differs from the mix's as misrouted. When routing or the
// demo help center changes, a question can move (a medium-confidence question scoring just under the
// review threshold went to a person, and 240 messages of a full run read as misrouted): this says
// which question moved and where, before a full run is spent on it.
describe("the bench's question mix", () => {
  it("takes, question by question, the route the bench expects of it on the demo help center", async () => {
    const routes = await withDemoPlatform(async (platform) => {
      const seen: Array<{ text: string; route: string | null }> = [];
      for (const text of new Set(QUESTION_MIX.map((q) => q.text))) {
        const { id } = await platform.conversations.startConversation({});
        const { processed } = await platform.conversations.receiveCustomerMessage(id, {
          clientId: "q",
          text,
        });
        await processed;
        seen.push({ text, route: routeOfStatus((await platform.conversations.getConversation(id)).status) });
      }
      return seen;
    });
    const expected = [...new Map(QUESTION_MIX.map((q) => [q.text, q.expected])).entries()].map(
      ([text, route]) => ({ text, route }),
    );
    expect(routes).toEqual(expected);
  }, 120_000);
});
