import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { storeVariants } from "../testing";
import { ModelSequence, modelAction, type ModelAction } from "../testing/lifecycle-model/actions";
import { InProcessModel } from "../testing/lifecycle-model/in-process-model";
import { ProcessModel } from "../testing/lifecycle-model/process-model";

// Random sequences of customer messages, decisions of every kind, handoffs claimed, answered, handed
// back and resolved, deadlines, restarts and crashes, with the lifecycle's invariants checked after
// every step (see testing/lifecycle-model). CI runs fixed seeds in process (a crash closes the SQLite
// store under the work in flight); SOAK=1 runs twenty times as many with a random seed unless MODEL_SEED
// is given, plus sequences against real server processes killed with SIGKILL (about a minute and a half
// each, so not in CI; MODEL_PROCESS=1 runs one); MODEL_RUNS sets the in-process count; MODEL_REPLAY='[...]'
// replays the sequence a failure printed (in process).
const soak = process.env.SOAK === "1";
const processRuns = soak ? 20 : process.env.MODEL_PROCESS === "1" ? 1 : 0;
const seed = Number(process.env.MODEL_SEED ?? (soak ? Date.now() % 2 ** 31 : 20_251_204));
const replay = process.env.MODEL_REPLAY ? ModelSequence.parse(JSON.parse(process.env.MODEL_REPLAY)) : null;
const runs = (ci: number) => Number(process.env.MODEL_RUNS ?? (soak ? ci * 20 : ci));

/** Something that runs model actions and checks the invariants after each. */
interface Model {
  step(action: ModelAction): Promise<boolean>;
  check(settled: boolean): Promise<string[]>;
}

async function runSequence(model: Model, actions: ModelAction[]): Promise<void> {
  for (const [i, action] of actions.entries()) {
    const settled = await model.step(action);
    const problems = await model.check(settled);
    if (problems.length > 0)
      throw new Error(
        [
          `after step ${i + 1} of ${actions.length} (${JSON.stringify(action)}):`,
          ...problems.map((p) => `  ${p}`),
          `replay: MODEL_REPLAY='${JSON.stringify(actions)}' npx vitest run src/app/lifecycle-model.int.test.ts`,
        ].join("\n"),
      );
  }
}

describe.each(storeVariants("model"))("the lifecycle model on $name", ({ name, reopenable }) => {
  const sqlite = name === "SQLite";
  const model = new InProcessModel(reopenable, sqlite);
  afterAll(() => model.dispose());
  const sequences = fc.array(modelAction(), { minLength: 3, maxLength: sqlite ? 12 : 8 });

  it(
    "keeps every invariant after every step of random sequences, in process",
    { timeout: soak ? 24 * 3_600_000 : 300_000 },
    async () => {
      const run = async (actions: ModelAction[]) => {
        await model.begin();
        await runSequence(model, actions);
      };
      if (replay) return run(replay);
      await fc.assert(fc.asyncProperty(sequences, run), { seed, numRuns: runs(sqlite ? 150 : 20) });
    },
  );

  it.skipIf(processRuns === 0)(
    "keeps every invariant when a real server process is killed with SIGKILL mid-sequence",
    { timeout: soak ? 24 * 3_600_000 : 300_000 },
    async () => {
      const processSequences = fc
        .array(modelAction(), { minLength: 8, maxLength: 12 })
        .map((actions) =>
          actions.some((a) => a.do === "crash")
            ? actions
            : [...actions.slice(0, 4), { do: "crash" as const, turns: 10 }, ...actions.slice(4)],
        );
      await fc.assert(
        fc.asyncProperty(processSequences, async (actions) => {
          const model = new ProcessModel();
          try {
            await model.begin(sqlite ? undefined : process.env.MONGODB_URI);
            await runSequence(model, actions);
          } finally {
            await model.dispose();
          }
        }),
        { seed, numRuns: processRuns, endOnFailure: true },
      );
    },
  );
});
