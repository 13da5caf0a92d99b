import { describe, expect, it } from "vitest";
import { CustomerFeedback } from "./customer-feedback";
import { SERVICE_TEST_TIMEOUT, useServiceHarness } from "./testing/service-harness";

const harness = useServiceHarness();

describe("a customer who leaves an email", SERVICE_TEST_TIMEOUT, () => {
  it("publishes contact.left for the email channel and leaves the agents a note as a notice kind", async () => {
    const h = harness();
    const conversation = await h.service.startConversation({});
    await new CustomerFeedback(h.deps).leaveContact(conversation.id, "ada@example.com", "after 5pm");
    expect(h.notifier.pushed.events.filter((e) => e.type === "contact.left")).toEqual([
      { type: "contact.left", data: { conversationId: conversation.id, email: "ada@example.com" } },
    ]);
    const [note] = await h.messages(conversation.id);
    expect(note).toMatchObject({
      author: "system",
      internal: true,
      text: "",
      notice: { kind: "contact.left", email: "ada@example.com", note: "after 5pm" },
    });
  });
});
