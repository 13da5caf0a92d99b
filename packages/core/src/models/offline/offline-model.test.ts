import { describe, expect, it } from "vitest";
import type { DraftRequest } from "../../ports/model";
import { KnowledgeIndex } from "../../retrieval/knowledge-index";
import { approvedCorrection, sampleArticles } from "../../retrieval/sample-help-center";
import { OfflineModel } from "./offline-model";

const index = new KnowledgeIndex();
index.setArticles(sampleArticles());
index.setCorrections([
  approvedCorrection(
    "c-linux",
    "Do you have a Linux desktop app?",
    "Not yet: use the web app in any browser.",
  ),
]);
const model = new OfflineModel();

function request(question: string, guidance: string[] = []): DraftRequest {
  return { question, turns: [], summary: "", retrieval: index.search(question), guidance };
}

describe("OfflineModel", () => {
  it("answers with the sentence of the best article that states what was asked, and cites it", async () => {
    const result = await model.draft(request("Is a credit card required for the free trial?"));
    expect(result.drafts[0]).toEqual({
      text: "No credit card is required to start a trial.",
      sourceIds: ["free-trial"],
    });
    expect(result.outOfScope).toBe(false);
    expect(result.category).toBe("billing");
    expect(result.selfConfidence).toBeGreaterThan(0.8);
    expect(result.reasoning).toContain('"Free trial"');
  });

  it("prefers the sentence stating an amount when the question asks how much", async () => {
    const result = await model.draft(request("How much is the Team plan?"));
    expect(result.drafts[0]?.text).toContain("$12");
  });

  it("uses an approved correction's answer as written when it matches the question", async () => {
    const result = await model.draft(request("Is there a desktop app for Linux?"));
    expect(result.drafts[0]).toEqual({
      text: "Not yet: use the web app in any browser.",
      sourceIds: ["c-linux"],
    });
    expect(result.category).toBe("corrections");
    expect(result.reasoning).toMatch(/approved correction/);
  });

  it("marks a question nothing in the knowledge base is about as out of scope, with low confidence", async () => {
    const result = await model.draft(request("Can I buy a fishing license?"));
    expect(result.outOfScope).toBe(true);
    expect(result.selfConfidence).toBeLessThan(0.3);
    expect(result.reasoning).toMatch(/out of scope|outside/);
  });

  it("returns no drafts and a null category when retrieval found nothing", async () => {
    const result = await model.draft(request("hello?"));
    expect(result).toMatchObject({ drafts: [], outOfScope: true, category: null, selfConfidence: 0 });
  });

  it("offers at most three drafts, alternatives included, each citing its source", async () => {
    const result = await model.draft(request("How do refunds work when I cancel my subscription?"));
    expect(result.drafts.length).toBeGreaterThan(1);
    expect(result.drafts.length).toBeLessThanOrEqual(3);
    for (const draft of result.drafts) expect(draft.sourceIds.length).toBeGreaterThan(0);
    expect(new Set(result.drafts.map((d) => d.text)).size).toBe(result.drafts.length);
  });

  it("follows reviewer guidance by adding the content it asks for, and says so", async () => {
    const plain = await model.draft(request("Can I get a refund on an annual plan?"));
    const guided = await model.draft(
      request("Can I get a refund on an annual plan?", [
        "mention how long the refund takes to reach the card",
      ]),
    );
    expect(guided.drafts[0]?.text).toContain("5 to 10 business days");
    expect(guided.reasoning).toMatch(/Followed reviewer guidance/);
    expect(plain.reasoning).not.toMatch(/guidance/);
  });

  it("says so when the guidance asks for something the knowledge base does not state", async () => {
    const guided = await model.draft(
      request("Do you accept PayPal?", ["mention our Bitcoin lightning wallet"]),
    );
    expect(guided.reasoning).toMatch(/could not follow/);
  });

  it("says how far its passage leads the best one saying something else, and how much it states itself", async () => {
    const AT = "2025-01-01T00:00:00.000Z";
    const twoPlans = new KnowledgeIndex();
    twoPlans.setArticles([
      {
        id: "a",
        title: "Storage",
        tags: [],
        updatedAt: AT,
        body: "The Team plan includes 100 GB of storage.",
      },
      {
        id: "b",
        title: "Limits",
        tags: [],
        updatedAt: AT,
        body: "The Team plan includes 20 seats of storage.",
      },
      {
        id: "c",
        title: "Backups",
        tags: [],
        updatedAt: AT,
        body: "Backups run every night and are kept for 30 days.",
      },
    ]);
    const draft = (question: string) =>
      model.draft({ question, turns: [], summary: "", retrieval: twoPlans.search(question), guidance: [] });
    // Two passages say different things equally well: a coin toss.
    expect((await draft("How much storage does the Team plan include?")).signals?.lead).toBeLessThan(0.1);
    const clear = (await draft("How long are backups kept?")).signals;
    expect(clear?.lead).toBeGreaterThan(0.5);
    expect(clear?.own).toBeGreaterThan(0.9);
  });

  it("counts a correction that answered a like question from the same article as support, when the answer states what differs", async () => {
    const AT = "2025-01-01T00:00:00.000Z";
    const plugs = new KnowledgeIndex();
    plugs.setArticles([
      {
        id: "sockets",
        title: "Power sockets abroad",
        tags: [],
        updatedAt: AT,
        body:
          "Norway uses type F sockets.\n\nPeru uses type A and C sockets.\n\n" +
          "Some countries in Asia use several socket types, so bring a universal adapter.",
      },
      { id: "fees", title: "Fees", tags: [], updatedAt: AT, body: "Adapters cost $5 at the desk." },
    ]);
    plugs.setCorrections([
      approvedCorrection("c-norway", "what sockets does norway use", "Norway uses type F sockets."),
    ]);
    const signals = async (question: string) =>
      (
        await model.draft({
          question,
          turns: [],
          summary: "",
          retrieval: plugs.search(question),
          guidance: [],
        })
      ).signals;
    // Asked of Peru, the answer names Peru itself: the Norway correction vouches for the kind of question.
    expect((await signals("what sockets does peru use"))?.support).toBeGreaterThan(0.3);
    // Asked of Vietnam, the answer only speaks of "some countries in Asia": no one answered that.
    expect((await signals("what sockets does vietnam use"))?.support ?? 0).toBe(0);
  });

  it("gives the same answer for the same input", async () => {
    const a = await model.draft(request("When does the trial end?"));
    const b = await model.draft(request("When does the trial end?"));
    expect(a).toEqual(b);
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(model.draft(request("Do you accept PayPal?"), controller.signal)).rejects.toThrow();
  });
});
