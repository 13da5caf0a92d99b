import { openSqliteStore } from "@handoff/store";
import { describe, expect, it } from "vitest";
import type { Person, Team, User } from "@handoff/contracts";
import { systemClock } from "../ports";
import { ApproverDirectory } from "./approver-directory";

// The real directory on a throwaway SQLite store: people, their preferences and teams as stored.
async function desk() {
  const { store } = await openSqliteStore({ file: ":memory:", clock: systemClock });
  const directory = new ApproverDirectory(store);
  const person = (name: string): Promise<Person> =>
    store.users.create({ email: `${name}@example.com`, name, role: "supervisor", passwordHash: "x" });
  const [ada, ben, cy, di] = await Promise.all(["ada", "ben", "cy", "di"].map(person));
  if (!ada || !ben || !cy || !di) throw new Error("people not created");
  const by: User = ada;
  await directory.update(ada.id, { emailApprovals: true, slackUserId: "U0ADA" }, by);
  await directory.update(ben.id, { emailApprovals: true }, by);
  await directory.update(cy.id, { slackUserId: "U0CY" }, by);
  const team = async (name: string, categories: string[], members: Person[]) => {
    const now = new Date().toISOString();
    const created: Team = {
      id: `team-${name}`,
      name,
      categories,
      members: members.map((m) => ({ userId: m.id })),
      hours: null,
      offerSeconds: 30,
      createdAt: now,
      updatedAt: now,
    };
    await store.teams.create(created);
  };
  return { directory, team, ada, ben, cy, di };
}

const names = (approvers: Array<{ name: string }>) => approvers.map((a) => a.name).sort();

describe("approvers chosen by team", () => {
  it("email an approval only to the opted-in members of the team that handles its category", async () => {
    const { directory, team, ada, ben, cy, di } = await desk();
    await team("Billing", ["billing"], [ben, cy]);
    await team("Everything else", [], [ada, di]);
    expect(names(await directory.emailRecipients("billing"))).toEqual(["ben"]);
    expect(names(await directory.emailRecipients("shipping"))).toEqual(["ada"]);
    expect(names(await directory.emailRecipients(null))).toEqual(["ada"]);
    expect(await directory.slackMembers("billing")).toEqual(["U0CY"]);
    expect(await directory.slackMembers("shipping")).toEqual(["U0ADA"]);
  });

  it("ask everyone who takes approvals when no team handles the category or none of its members does", async () => {
    const { directory, team, di } = await desk();
    expect(names(await directory.emailRecipients("billing"))).toEqual(["ada", "ben"]);
    await team("Billing", ["billing"], [di]);
    expect(names(await directory.emailRecipients("billing"))).toEqual(["ada", "ben"]);
    expect((await directory.slackMembers("billing")).sort()).toEqual(["U0ADA", "U0CY"]);
  });
});
