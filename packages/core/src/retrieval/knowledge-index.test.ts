import { describe, expect, it } from "vitest";
import type { Article } from "@handoff/contracts";
import { KnowledgeIndex } from "./knowledge-index";
import { approvedCorrection, sampleArticles } from "./sample-help-center";

function indexWithSamples(): KnowledgeIndex {
  const index = new KnowledgeIndex();
  index.setArticles(sampleArticles());
  index.setCorrections([
    approvedCorrection("c-ebike", "Do you sell electric bikes?", "We don't sell bikes or e-bikes."),
    approvedCorrection("c-military", "Do you have a military discount?", "Yes, veterans get 10% off."),
    approvedCorrection("c-student", "Do you offer a student discount?", "We don't have a student discount."),
  ]);
  return index;
}

describe("KnowledgeIndex", () => {
  it("ranks the article that answers the question first, with a 0..1 score and the signals behind it", () => {
    const result = indexWithSamples().search("Do you accept PayPal?");
    expect(result.hits[0]?.id).toBe("payment-methods");
    expect(result.hits[0]?.score).toBeGreaterThan(0.8);
    expect(result.hits[0]?.tags).toEqual(["billing", "payment"]);
    expect(result.coverage).toBe(1);
    expect(result.margin).toBeGreaterThan(0.3);
    for (const hit of result.hits) expect(hit.score).toBeLessThanOrEqual(1);
  });

  it("scores a question about something the help center never mentions low", () => {
    for (const question of [
      "Can I buy a fishing license at your store?",
      "Do you have a desktop app for Linux?",
    ]) {
      expect(indexWithSamples().search(question).hits[0]?.score ?? 0).toBeLessThan(0.35);
    }
  });

  it("matches a correction on its question or its answer, including paraphrases, above a near miss", () => {
    const index = indexWithSamples();
    const nearMiss = index.search("Do you offer a senior discount?").hits[0]?.score ?? 0;
    for (const [question, id] of [
      ["Do you sell e-bikes?", "c-ebike"],
      ["Are electric bicycles something you sell?", "c-ebike"],
      ["Is there a military discount?", "c-military"],
      ["Do veterans get a discount?", "c-military"],
    ]) {
      const top = index.search(question ?? "").hits[0];
      expect(top?.id, question).toBe(id);
      expect(top?.kind).toBe("correction");
      expect(top?.question).toBeDefined();
      expect(top?.score, question).toBeGreaterThan(nearMiss + 0.1);
    }
  });

  it("does not confidently match a correction about a different kind of the same thing", () => {
    const result = indexWithSamples().search("Do you offer a senior discount?");
    expect(result.hits[0]?.score ?? 0).toBeLessThan(0.6);
    expect(result.unknown).toBeGreaterThan(0);
  });

  it("indexes only approved corrections and lets one be replaced or removed", () => {
    const index = new KnowledgeIndex();
    index.setArticles(sampleArticles());
    const pending = {
      ...approvedCorrection("c-1", "Do you have a Linux app?", "Not yet."),
      status: "pending" as const,
    };
    index.setCorrections([pending]);
    expect(index.search("Linux app").hits).toHaveLength(0);

    index.upsertCorrection({ ...pending, status: "approved" });
    expect(index.search("Linux app").hits[0]?.id).toBe("c-1");
    index.upsertCorrection({ ...pending, status: "approved", answer: "Yes, since March." });
    expect(index.search("Linux app").hits[0]?.text).toBe("Yes, since March.");

    index.removeCorrection("c-1");
    expect(index.search("Linux app").hits).toHaveLength(0);
    expect(index.size).toBe(sampleArticles().length);
  });

  it("reads a short follow-up together with the previous question", () => {
    const index = indexWithSamples();
    const followUp = index.search("and to Canada?", { previousQuestion: "How long does shipping take?" });
    expect(followUp.query).toContain("How long does shipping take?");
    expect(followUp.hits[0]?.id).toBe("shipping-regions");
    const standalone = index.search("What is your refund policy?", {
      previousQuestion: "Do you ship to Canada?",
    });
    expect(standalone.query).toBe("What is your refund policy?");
  });

  it("still finds the article when a key word is misspelt", () => {
    expect(indexWithSamples().search("Do you take Paypall?").hits[0]?.id).toBe("payment-methods");
  });

  it("keeps a match's score on the same scale when the help center grows", () => {
    const small = indexWithSamples().search("Do you accept PayPal?").hits[0]?.score ?? 0;
    const large = new KnowledgeIndex();
    const filler: Article[] = Array.from({ length: 60 }, (_, i) => ({
      id: `filler-${i}`,
      title: `Feature note ${i}`,
      tags: ["product"],
      body: `Release ${i} improves dashboards, exports and notifications for every workspace.`,
      updatedAt: "2025-01-01T00:00:00.000Z",
    }));
    large.setArticles([...sampleArticles(), ...filler]);
    expect(large.search("Do you accept PayPal?").hits[0]?.score ?? 0).toBeCloseTo(small, 1);
  });

  it("ranks a correction about another place below the article naming the customer's", () => {
    const plugs: Article = {
      id: "plugs",
      title: "Plug types at our destinations",
      tags: ["travel"],
      body: "Most chargers accept 100 to 240 V, so you usually need only a plug adapter.\n\n- Canada and Mexico use Type A and B plugs at 120 V.\n- Spain and Germany use Type F plugs at 230 V.",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const index = new KnowledgeIndex();
    index.setArticles([plugs]);
    index.setCorrections([
      approvedCorrection(
        "c-madrid",
        "will i need to have a plug converter when i visit madrid",
        "Spain and Germany use Type F plugs at 230 V.",
      ),
    ]);
    const result = index.search("do i require a plug converter when i visit toronto");
    expect(result.precedents?.[0]?.unsaid.map((u) => u.word)).toEqual(["toronto"]);
    expect(result.hits[0]?.id).toBe("plugs");
  });

  it("reads a word WordNet derives from a help-center word as that word ('shipment' for 'shipping')", () => {
    const index = new KnowledgeIndex();
    index.setArticles(sampleArticles());
    const top = index.search("How long does a shipment take?").hits[0];
    expect(top?.id).toBe("shipping-regions");
    expect(top?.matchedTerms).toContain("shipment");
  });

  it("reports the approved correction whose question a paraphrase restates as its precedent, above a near miss", () => {
    const index = indexWithSamples();
    const paraphrase = index.search("Are electric bicycles something you sell?").precedents?.[0];
    expect(paraphrase?.id).toBe("c-ebike");
    expect(paraphrase?.answer).toBe("We don't sell bikes or e-bikes.");
    const nearMiss = index.search("Do you rent out kayaks?").precedents?.[0];
    expect(paraphrase?.similarity ?? 0).toBeGreaterThan((nearMiss?.similarity ?? 0) + 0.3);
  });

  it("names the thing a customer asks about that a like correction never mentions, for the answer to say", () => {
    const senior = indexWithSamples()
      .search("Do you offer a senior discount?")
      .precedents?.find((p) => p.id === "c-student");
    expect(senior?.unsaid.map((u) => u.word)).toEqual(["senior"]);
    const student = indexWithSamples()
      .search("Is there a discount for students?")
      .precedents?.find((p) => p.id === "c-student");
    expect(student?.unsaid).toEqual([]);
  });

  it("reads corrections that give one answer as one question asked several ways", () => {
    const support = "Call us at 1-888-555-0134, 8 am to 8 pm.";
    const alone = new KnowledgeIndex();
    alone.setArticles(sampleArticles());
    alone.setCorrections([approvedCorrection("c-talk", "How do I talk to your support team?", support)]);
    const together = new KnowledgeIndex();
    together.setArticles(sampleArticles());
    together.setCorrections([
      approvedCorrection("c-talk", "How do I talk to your support team?", support),
      approvedCorrection("c-phone", "Is there a phone number for support?", support),
    ]);
    const question = "What number do I use to talk to support?";
    const single = alone.search(question).precedents?.[0];
    const pooled = together.search(question).precedents?.find((p) => p.id === "c-talk");
    expect(single?.id).toBe("c-talk");
    expect(pooled?.similarity ?? 0).toBeGreaterThan(single?.similarity ?? 1);
  });

  it("reads corrections answered from one article block (a list of plugs by country) as one kind of question, and no other block's", () => {
    const plugs: Article = {
      id: "plugs",
      title: "Power plugs abroad",
      tags: [],
      body: [
        "- France uses Type E plugs at 230 V.",
        "- Japan uses Type A plugs at 100 V.",
        "- England uses Type G plugs at 230 V.",
        "",
        "Hotel rooms in Japan have two sockets per room.",
      ].join("\n"),
      updatedAt: "2025-01-01T00:00:00.000Z",
    };
    const england = approvedCorrection(
      "c-england",
      "Which plugs does England use?",
      "England uses Type G plugs at 230 V.",
    );
    const build = (...others: ReturnType<typeof approvedCorrection>[]) => {
      const index = new KnowledgeIndex();
      index.setArticles([plugs]);
      index.setCorrections([england, ...others]);
      return index;
    };
    const question = "What plug converter do I need for Japan?";
    const similarity = (index: KnowledgeIndex) =>
      index.search(question).precedents?.find((p) => p.id === "c-england")?.similarity ?? 0;
    // The same question twice, answered from the plug list or from another paragraph: only the first
    // is asked like the England one.
    const asked = "Do I need a socket converter in France?";
    const sameBlock = approvedCorrection("c-france", asked, "France uses Type E plugs at 230 V.");
    const otherBlock = approvedCorrection(
      "c-hotel",
      asked,
      "Hotel rooms in Japan have two sockets per room.",
    );
    expect(similarity(build(sameBlock))).toBeGreaterThan(similarity(build(otherBlock)));
  });

  it("returns no hits and zero signals for an empty or stop-word-only question", () => {
    const result = indexWithSamples().search("is it?");
    expect(result).toMatchObject({ hits: [], coverage: 0, margin: 0, keyTerms: [] });
  });

  it("tells which retrieved passages restate a correction's answer in other words, and only those", () => {
    const index = new KnowledgeIndex();
    index.setArticles([
      {
        id: "fees",
        title: "Cancellation fees",
        tags: [],
        body: "There is no cancellation fee, early termination fee or penalty for cancelling an order.\n\nA restocking fee of $10 applies to opened electronics.",
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
    ]);
    index.setCorrections([
      approvedCorrection(
        "c-penalty",
        "how do I see the termination penalty?",
        "There is no fee to cancel an order.",
      ),
    ]);
    const precedent = index.search("I want to check the early termination charge").precedents?.[0];
    expect(precedent?.id).toBe("c-penalty");
    expect(precedent?.restatedIn).toEqual([
      "There is no cancellation fee, early termination fee or penalty for cancelling an order.",
    ]);
  });

  it("reads chat shorthand as the words it stands for, so a customer's 'ur' is no city of Ur", () => {
    const index = new KnowledgeIndex();
    index.setArticles(sampleArticles());
    index.setCorrections([
      approvedCorrection(
        "c-guarantee",
        "I want to check your money back guarantee",
        "Damaged items are refunded in full.",
      ),
    ]);
    const typed = index.search("i need to see ur money back guarantee pls");
    const written = index.search("i need to see your money back guarantee please");
    expect(typed.keyTerms).toEqual(written.keyTerms);
    expect(typed.precedents?.[0]?.unsaid).toEqual([]);
    expect(typed.precedents?.[0]?.similarity).toBe(written.precedents?.[0]?.similarity);
  });

  it("answers as an index built at once when it builds its articles on first read, after each change", async () => {
    const questions = [
      "Do you accept PayPal?",
      "Do you sell electric bikes?",
      "How long does shipping take?",
    ];
    const corrections = [
      approvedCorrection("c-ebike", "Do you sell electric bikes?", "We don't sell bikes or e-bikes."),
    ];
    const atOnce = new KnowledgeIndex();
    const onRead = new KnowledgeIndex("en", { buildOnFirstRead: true });
    for (const index of [atOnce, onRead]) {
      index.setArticles(sampleArticles());
      index.setCorrections(corrections);
    }
    for (const question of questions) expect(onRead.search(question)).toEqual(atOnce.search(question));
    // Articles replaced after the first build: the next read builds the new ones, not the old.
    const fewer = sampleArticles().filter((a) => a.id !== "payment-methods");
    await Promise.all([atOnce.replaceArticles(fewer), onRead.replaceArticles(fewer)]);
    expect(onRead.search("Do you accept PayPal?").hits[0]?.id).not.toBe("payment-methods");
    for (const question of questions) expect(onRead.search(question)).toEqual(atOnce.search(question));
    expect(onRead.size).toBe(atOnce.size);
  });
});
