import { describe, expect, it } from "vitest";
import { openingCondition, trailingConditions } from "./condition";

describe("openingCondition", () => {
  it("finds the clause a passage opens with, in every retrieval language", () => {
    expect(openingCondition("If an address is flagged as not valid, check the ZIP code.")).toBe(
      "an address is flagged as not valid",
    );
    expect(openingCondition("When a flight is full, customers may be asked to check their bag.")).toBe(
      "a flight is full",
    );
    expect(openingCondition("Si votre colis est endommagé, contactez-nous.", "fr")).toBe(
      "votre colis est endommagé",
    );
    expect(openingCondition("S'il manque un article, écrivez-nous.", "fr")).toBe("il manque un article");
    expect(openingCondition("Wenn Ihr Paket beschädigt ist, kontaktieren Sie uns.", "de")).toBe(
      "Ihr Paket beschädigt ist",
    );
    expect(openingCondition("Cuando tu pedido se envía, te mandamos un enlace.", "es")).toBe(
      "tu pedido se envía",
    );
  });

  it("finds none in a passage that states a fact outright or puts its condition last", () => {
    expect(openingCondition("Add a new shipping address under Account > Addresses.")).toBeNull();
    expect(openingCondition("Overnight orders arrive the next day if placed by 2 pm.")).toBeNull();
    expect(openingCondition("Iffy weather delays some flights, so check the status.")).toBeNull();
    expect(openingCondition("Lighters: you may carry one.")).toBeNull();
  });
});

describe("trailingConditions", () => {
  it("finds the clauses a passage adds after a comma to say when it holds", () => {
    expect(
      trailingConditions(
        "You can cancel an order within 1 hour of placing it, while its status is still Processing.",
      ),
    ).toEqual(["its status is still Processing"]);
    expect(trailingConditions("Sie können stornieren, solange die Bestellung offen ist.", "de")).toEqual([
      "die Bestellung offen ist",
    ]);
  });

  it("finds none in a passage whose every clause is its own statement", () => {
    expect(trailingConditions("You can see the status of every order under Account > Orders.")).toEqual([]);
    expect(
      trailingConditions("Overnight orders arrive the next day, and Standard orders in 3 days."),
    ).toEqual([]);
  });
});
