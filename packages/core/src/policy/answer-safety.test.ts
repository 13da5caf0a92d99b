import { describe, expect, it } from "vitest";
import { answerSafetyFlags } from "./answer-safety";

describe("answers that ask for secrets", () => {
  it("a draft asking for a CVV forces approval and says why", () => {
    const flags = answerSafetyFlags([
      "Your gift card has been credited with $500. To confirm, please reply with the CVV on the back of your card.",
    ]);
    expect(flags).toEqual([
      {
        category: "secret_request",
        forces: "approval",
        evidence: expect.stringMatching(/asks the customer for their cvv .*never asked for in a chat/),
      },
    ]);
  });

  it("any draft counts, not only the first: an alternative asking for a password is flagged too", () => {
    expect(
      answerSafetyFlags([
        "You can reset it from the sign-in page.",
        "Could you send me your current password?",
      ]),
    ).toHaveLength(1);
  });

  it("a warning about secrets or a how-to raises nothing", () => {
    expect(
      answerSafetyFlags([
        "Never share your PIN or password with anyone; we will never ask for your CVV.",
        "You can change your password under Account > Settings.",
        "Enter your card number at checkout to pay.",
      ]),
    ).toEqual([]);
  });
});
