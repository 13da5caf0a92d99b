import { describe, expect, it } from "vitest";
import { ConsolePushes, ConsoleRequests } from "./console-socket-table";
import { ackSchema } from "./socket-table";
import { WidgetPushes, WidgetRequests } from "./widget-socket-table";

const message = {
  id: "m1",
  conversationId: "c1",
  seq: 1,
  clientId: null,
  author: "customer",
  authorName: null,
  text: "Where is my parcel?",
  sources: [],
  internal: false,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("the socket tables", () => {
  it("read a message:send ack with the stored message and whether it was a repeat", () => {
    expect(ackSchema(WidgetRequests, "message:send").safeParse({ message, duplicate: false }).success).toBe(
      true,
    );
    expect(ackSchema(ConsoleRequests, "message:send").safeParse({ message }).success).toBe(false);
  });

  it("apply the input defaults the server works with", () => {
    expect(ConsoleRequests["conversation:open"].input.parse({ conversationId: "c1" })).toEqual({
      conversationId: "c1",
      since: 0,
    });
    expect(
      ConsoleRequests["message:send"].input.parse({ conversationId: "c1", clientId: "k1", text: "Hi" }),
    ).toMatchObject({ internal: false });
  });

  it("refuse a payload that does not match the event's input", () => {
    expect(WidgetRequests["feedback:rate"].input.safeParse({ messageId: "m1", rating: "meh" }).success).toBe(
      false,
    );
    expect(ConsoleRequests["review:decide"].input.safeParse({ reviewId: "r1" }).success).toBe(false);
  });

  it("answer requests without data with null, and nothing else", () => {
    for (const event of ["feedback:rate", "conversation:rate", "contact:leave", "typing:set"] as const) {
      expect(ackSchema(WidgetRequests, event).safeParse(null).success).toBe(true);
      expect(ackSchema(WidgetRequests, event).safeParse({}).success).toBe(false);
    }
    expect(ackSchema(ConsoleRequests, "handoff:decline").safeParse(null).success).toBe(true);
  });

  it("check the console's conversation snapshot for its reviews", () => {
    const { createdAt, seq: lastSeq } = message;
    const unset = {
      assigneeId: null,
      assigneeName: null,
      category: null,
      lastMessagePreview: null,
      language: null,
    };
    const conversation = {
      id: "c1",
      status: "bot",
      customer: {},
      lastSeq,
      createdAt,
      updatedAt: createdAt,
      ...unset,
    };
    const snapshot = { conversation, messages: [message] };
    const open = ackSchema(ConsoleRequests, "conversation:open");
    expect(ackSchema(WidgetRequests, "messages:sync").safeParse(snapshot).success).toBe(true);
    expect(open.safeParse(snapshot).success).toBe(false);
    expect(open.safeParse({ ...snapshot, reviews: [] }).success).toBe(true);
  });

  it("check pushes by event name", () => {
    expect(WidgetPushes["message:new"].safeParse(message).success).toBe(true);
    expect(
      ConsolePushes.typing.safeParse({ conversationId: "c1", author: "customer", name: null }).success,
    ).toBe(false);
    expect(ConsolePushes["handoff:offer_withdrawn"].parse({ reviewId: "r1" })).toEqual({ reviewId: "r1" });
  });
});
