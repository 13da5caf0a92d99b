import { z } from "zod";
import { Team, TeamPatch } from "@handoff/contracts";
import type { TeamRepo } from "@handoff/core";
import { filterString, isDuplicateKey, parseNullable, plainJson } from "./docs";
import type { TeamModel } from "./team-model";

/** A teams document mapped to the contract Team. */
const teamFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, nameKey: _key, ...rest }) => ({ ...rest, id: _id }))
  .pipe(Team);

const nameKey = (name: string) => name.trim().toLowerCase();

/** The stored form of a team (JSON as the SQLite adapter keeps it). */
const toDoc = (team: Team) => {
  const { id, ...fields } = Team.parse(team);
  return {
    ...fields,
    _id: id,
    nameKey: nameKey(team.name),
    members: plainJson(fields.members),
    hours: plainJson(fields.hours),
  };
};

/** TeamRepo on MongoDB. */
export function mongoTeamRepo(model: TeamModel): TeamRepo {
  const unique = async <T>(write: () => Promise<T>, name: string): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (isDuplicateKey(error)) throw new Error(`a team named ${name} already exists`, { cause: error });
      throw error;
    }
  };
  return {
    async list() {
      const docs = await model.find({}).sort({ nameKey: 1 }).lean();
      return docs.map((doc) => teamFromDoc.parse(doc));
    },

    async get(id) {
      return parseNullable(teamFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async create(input) {
      const team = Team.parse(input);
      await unique(() => model.create(toDoc(team)), team.name);
      return team;
    },

    async update(id, patch, updatedAt) {
      const current = await this.get(id);
      if (!current) return null;
      const change = TeamPatch.parse(patch);
      // The whole team is checked, but only the fields given are written: a change to another field
      // made meanwhile stays.
      const { _id, ...all } = toDoc({ ...current, ...change, updatedAt });
      const fields = Object.fromEntries(
        Object.entries(all).filter(
          ([key]) => key in change || key === "updatedAt" || (key === "nameKey" && "name" in change),
        ),
      );
      const doc = await unique(
        () => model.findOneAndUpdate({ _id }, { $set: fields }, { returnDocument: "after" }).lean(),
        change.name ?? current.name,
      );
      return parseNullable(teamFromDoc, doc);
    },

    async delete(id) {
      const result = await model.deleteOne({ _id: filterString(id, "id") });
      return result.deletedCount === 1;
    },
  };
}
