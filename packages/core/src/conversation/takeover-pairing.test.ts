import { describe, expect, it } from "vitest";
import { isSubstantiveAnswer, isSubstantiveQuestion } from "./takeover-pairing";

describe("what a takeover correction pairs", () => {
  it.each([
    "Hi, I'm Ada from the team. What happened?",
    "Hello! Let me check that for you.",
    "One moment please.",
    "Thanks for waiting!",
    "Could you send me your order number?",
    "ok",
  ])("an agent's %j answers nothing", (text) => {
    expect(isSubstantiveAnswer(text)).toBe(false);
  });

  it.each([
    "Found it: it ships tomorrow with express delivery.",
    "Hi Sam! We don't have a student discount, but subscribers save 15% on every bag.",
    "Your refund of $12 went out today; it shows on your card in 3 to 5 days.",
  ])("an agent's %j is an answer", (text) => {
    expect(isSubstantiveAnswer(text)).toBe(true);
  });

  it.each([
    "I want to talk to a person",
    "Can I speak with a human agent please",
    "hello? are you still there?",
    "Thanks!",
    "ok great",
  ])("a customer's %j asks nothing a correction could answer", (text) => {
    expect(isSubstantiveQuestion(text)).toBe(false);
  });

  it.each([
    "My order 5521 is three days late, where is it?",
    "Do you offer a student discount?",
    "I want to talk to a person. My parcel never arrived.",
  ])("a customer's %j is a question", (text) => {
    expect(isSubstantiveQuestion(text)).toBe(true);
  });
});
