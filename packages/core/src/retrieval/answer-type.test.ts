import { describe, expect, it } from "vitest";
import { asksHowTo, expectedAnswerType, satisfiesAnswerType, withoutAskingWords } from "./answer-type";

describe("expectedAnswerType", () => {
  it("reads a request for help with an action as asking for the steps", () => {
    expect(expectedAnswerType("I want assistance to receive a refund")).toBe("procedure");
    expect(expectedAnswerType("can you help me creating a user?")).toBe("procedure");
    expect(expectedAnswerType("Where is the help center?")).toBe("location");
  });

  it("reads a fee or charge named with the words that say which one as asking for an amount", () => {
    expect(expectedAnswerType("how do I see the termination penalty?")).toBe("amount");
    expect(expectedAnswerType("I want to check the early termination charge")).toBe("amount");
    expect(expectedAnswerType("what is the exchange rate between us dollars and yen")).toBe("amount");
    expect(expectedAnswerType("how do I pay with my card?")).toBe("procedure");
  });

  it("reads a message that is only an action done to a thing as asking how to do it", () => {
    expect(expectedAnswerType("creating free account")).toBe("procedure");
    expect(expectedAnswerType("resetting my password")).toBe("procedure");
    expect(expectedAnswerType("booking a table")).toBe("procedure");
    // A gerund used as a noun names a topic, not an action.
    expect(expectedAnswerType("shipping to Canada")).toBeNull();
    expect(expectedAnswerType("refunding 350 dollars")).toBeNull();
  });

  it("tells a how-to about the customer's own case from a question about the case itself", () => {
    expect(asksHowTo("how do I check order 00123842 current status?")).toBe(true);
    expect(asksHowTo("where to download invoice 7781")).toBe(true);
    expect(asksHowTo("where is flight dl123")).toBe(false);
    expect(asksHowTo("ETA of order 113542617735902")).toBe(false);
  });

  it("reads help or a how-to about finding something out as asking for that thing", () => {
    expect(expectedAnswerType("How do I check what payment methods are allowed?")).toBe("list");
    expect(expectedAnswerType("need assistance checking what payment options you accept")).toBe("list");
    expect(expectedAnswerType("help checking at what time i can reach customer service")).toBe("time");
  });
});

describe("satisfiesAnswerType", () => {
  it("counts things, not measurements, as the answer to how many", () => {
    expect(satisfiesAnswerType("count", "Every fare includes one carry-on bag and one personal item.")).toBe(
      true,
    );
    expect(satisfiesAnswerType("count", "Members earn 1 point per dollar.")).toBe(true);
    for (const measured of [
      "Carry-on bag: up to 22 x 14 x 9 inches",
      "It may weigh up to 10 kg.",
      "It costs $35.",
      "3.4 oz",
    ])
      expect(satisfiesAnswerType("count", measured), measured).toBe(false);
  });
});

describe("satisfiesAnswerType for steps", () => {
  it("takes a clause opening with a plain verb for an instruction, after a comma or semicolon too", () => {
    const brewing =
      "For pour-over, brew for about 3 minutes; for French press, steep for 4 minutes and then press slowly.";
    expect(satisfiesAnswerType("procedure", brewing)).toBe(true);
    expect(satisfiesAnswerType("procedure", "Add a new shipping address under Account > Addresses.")).toBe(
      true,
    );
  }, 60_000);

  it("does not take a statement for an instruction, nor a list of names that are also verbs", () => {
    const statements = [
      "Standard shipping arrives in 3 to 5 business days.",
      "Spain, Germany, Sweden and Finland use Type F plugs at 230 V.",
      "Refunds to credit and debit cards take 5 to 10 business days, depending on your bank.",
      "We sell tents, stoves, water, coffee and maps.",
    ];
    expect(statements.filter((text) => satisfiesAnswerType("procedure", text))).toEqual([]);
  });
});

describe("satisfiesAnswerType for lists and places", () => {
  it("finds a list after its lead-in sentence, not only at the start of the answer", () => {
    const answer = "We offer these delivery options:\n- Standard: $5.95.\n- Express: $14.95.";
    expect(satisfiesAnswerType("list", answer)).toBe(true);
    expect(satisfiesAnswerType("list", "1. Open the app.\n2. Choose Settings.")).toBe(true);
    expect(satisfiesAnswerType("list", "We offer Standard shipping.")).toBe(false);
  });

  it("takes an email or web address for where to send or report something", () => {
    expect(satisfiesAnswerType("location", "Report the error to payments@example.com.")).toBe(true);
    expect(satisfiesAnswerType("location", "Fill in the form at https://example.com/claims.")).toBe(true);
    expect(satisfiesAnswerType("location", "We reply within 1 business day.")).toBe(false);
  });
});

describe("withoutAskingWords", () => {
  it("drops the words that only say what kind of fact is asked, so they match no topic", () => {
    expect(withoutAskingWords("How long does shipping take?").trim()).toBe("does shipping take?");
    expect(withoutAskingWords("how much is it")).not.toMatch(/much/);
    expect(withoutAskingWords("what hours can I call support?")).not.toMatch(/hours/);
    expect(expectedAnswerType("what hours can I call support?")).toBe("time");
  });
});
