import { describe, expect, it } from "vitest";
import type { Article } from "@handoff/contracts";
import { KnowledgeIndex } from "./knowledge-index";
import { approvedCorrection } from "./sample-help-center";

// A small bike-shop help center written for these tests (not one of the evaluation sets).
const AT = "2025-01-01T00:00:00.000Z";
const article = (id: string, title: string, body: string): Article => ({
  id,
  title,
  tags: [],
  body,
  updatedAt: AT,
});
const ARTICLES = [
  article(
    "delivery-addresses",
    "Adding a delivery address",
    "New addresses go under **Profile > Addresses > New address**. You can keep up to 5 addresses.\n\n" +
      "If a delivery address is rejected, add it again with the full postcode.",
  ),
  article(
    "order-tracking",
    "Tracking an order",
    "Guests enter the order number and the email address on the Track page. Members see every order under Profile > Orders.",
  ),
  article(
    "repair-rules",
    "Tyres and chains in our repair service",
    "Workshop safety rules apply to every repair. Tyres are replaced while you wait.",
  ),
  article(
    "repair-service",
    "Repair service prices",
    "A standard repair service costs $45 and takes one day. Brakes are adjusted for free, and delivery is free.",
  ),
  article(
    "bike-rental",
    "Bike rental",
    "We rent city bikes from $15 a day at every store, with delivery on request.",
  ),
];

function search(question: string, corrections: ReturnType<typeof approvedCorrection>[] = []) {
  const index = new KnowledgeIndex();
  index.setArticles(ARTICLES);
  index.setCorrections(corrections);
  return index.search(question);
}

describe("choosing the passage and the article", () => {
  it("answers the general question with the general passage, not one opening with a case it did not ask about", () => {
    const top = search("How do I add a delivery address?").hits[0];
    expect(top?.id).toBe("delivery-addresses");
    expect(top?.passages?.[0]?.text).toMatch(/^New addresses go under/);
    // Asked about that case, the conditional passage is the answer.
    const asked = search("What if my delivery address is rejected?").hits[0];
    expect(asked?.passages?.[0]?.text).toMatch(/^If a delivery address is rejected/);
  });

  it("weighs the thing asked about above the verb asked with: entering an address is about addresses", () => {
    const result = search("how do i enter my delivery address");
    expect(result.hits[0]?.id).toBe("delivery-addresses");
  });

  it("counts a title word after a preposition as narrowing the topic, not naming it", () => {
    const result = search("repair service");
    const [first, second] = result.hits;
    expect(first?.id).toBe("repair-service");
    expect(second?.id).toBe("repair-rules");
    expect(second!.topical!).toBeLessThan(first!.topical!);
  });

  it("reads a one-letter-prefix compound as a kind of its head word: an e-bike is a bike", () => {
    const result = search("Do you rent e-bikes?");
    expect(result.hits[0]?.id).toBe("bike-rental");
    expect(result.coverage).toBeGreaterThan(0.8);
  });

  it("marks a question naming its own order number or amount as not general, and reads the rest as usual", () => {
    expect(search("Where is order 4471-2291?").general).toBe(0);
    expect(search("Repair status of order 4471-2291").general).toBe(0);
    expect(search("Where is my order?").general).toBe(1);
  });

  it("reads a how-to that names the customer's order as general: the steps do not depend on it", () => {
    expect(search("How can I track order 4471-2291?").general).toBe(1);
    expect(search("where to track order 4471-2291").general).toBe(1);
  });

  it("does not answer a general question from a correction that answered an exception its own question raised", () => {
    const corrections = [
      approvedCorrection(
        "c1",
        "there is an error setting up my second delivery address",
        "If a delivery address is rejected, add it again with the full postcode.",
      ),
    ];
    const general = search("how do I set up a delivery address", corrections).hits[0];
    expect(general?.id).toBe("delivery-addresses");
    expect(general?.passages?.[0]?.text).toMatch(/^New addresses go under/);
    const same = search("error setting up my second delivery address", corrections).hits[0];
    expect(same?.id).toBe("c1");
  });

  it("counts a word said only by a menu the path passes through at less than the path's destination", () => {
    const index = new KnowledgeIndex();
    index.setArticles([
      article(
        "order-address",
        "Changing an order's address",
        "To change the address of an order, open it under Profile > Orders > Edit order.",
      ),
      article("sign-up", "Signing up", "Choose Sign in > Create account and enter your email."),
    ]);
    const passing = index.search("edit my profile").hits.find((h) => h.id === "order-address");
    expect(passing?.passages?.[0]?.own).toBeLessThan(0.9);
    const destination = index.search("create account").hits[0];
    expect(destination?.id).toBe("sign-up");
    expect(destination?.passages?.[0]?.own).toBe(1);
  });

  it("ranks an article about a thing above one that names it only in a clause on when it holds", () => {
    const booking =
      "You can move a repair booking yourself up to a day before, while its status is still Booked.";
    const tracking = "You can see the status of every repair under Profile > Repairs.";
    const index = new KnowledgeIndex();
    index.setArticles([
      article("repair-booking", "Booking a repair", booking),
      article("repair-tracking", "Following a repair", tracking),
    ]);
    const result = index.search("checking status of repair");
    expect(result.hits[0]?.id).toBe("repair-tracking");
    expect(result.margin).toBeGreaterThan(0);
  });

  it("says how much of a correction's question the customer asked", () => {
    const corrections = [approvedCorrection("c1", "Do you rent kids bikes?", "Yes, from $10 a day.")];
    const paraphrase = search("Can I rent a bike for kids?", corrections).hits[0];
    const nearMiss = search("Do you rent tandem bikes?", corrections).hits.find((h) => h.id === "c1");
    expect(paraphrase?.id).toBe("c1");
    expect(paraphrase?.asked).toBe(1);
    expect(nearMiss?.asked ?? 0).toBeLessThan(1);
  });
});
