import { describe, expect, it } from "vitest";
import { stringsFor } from "../i18n";
import { statusLine } from "./status-line";

const t = stringsFor("en");

describe("the status line", () => {
  it("tells the customer who is answering in every state", () => {
    expect(statusLine(null, null, t).text).toBe("Our assistant is answering");
    expect(statusLine({ status: "awaiting_approval", assigneeName: null }, null, t).text).toBe(
      "Checking with a teammate…",
    );
    expect(statusLine({ status: "human", assigneeName: "Alex" }, null, t).text).toBe("Alex is answering");
    expect(statusLine({ status: "resolved", assigneeName: null }, null, t).tone).toBe("done");
  });

  it("shows the queue position while connecting to a person", () => {
    const line = statusLine(
      { status: "waiting_human", assigneeName: null },
      { conversationId: "c1", position: 3, estimatedWaitSeconds: null },
      t,
    );
    expect(line.text).toBe("Connecting you to a person…");
    expect(line.detail).toBe("You are number 3 in the queue");
  });

  it("falls back to English for a language it does not speak, and to the base of a regional tag", () => {
    expect(stringsFor("xx").send).toBe("Send");
    expect(stringsFor("fr-CA").send).toBe("Envoyer");
  });
});
