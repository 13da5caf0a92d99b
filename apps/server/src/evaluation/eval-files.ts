import { readFile } from "node:fs/promises";
import { z } from "zod";

/** One line of a cases file (the expectation is the scorer's business, not ours). */
export const EvalCase = z.object({ id: z.string(), question: z.string().min(1) });
export type EvalCase = z.infer<typeof EvalCase>;

/** One line of a corrections file, loaded as an approved correction. */
export const EvalCorrection = z.object({
  id: z.string(),
  question: z.string().min(1),
  answer: z.string().min(1),
});
export type EvalCorrection = z.infer<typeof EvalCorrection>;

/** Reads a JSON Lines file, validating every line; the error names the line that is wrong. */
export async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>[]> {
  const lines = (await readFile(file, "utf8")).split("\n");
  return lines.flatMap((line, i) => {
    if (!line.trim()) return [];
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join("; ")}`);
    return [parsed.data];
  });
}

/** A fact a right answer states: one string, or alternatives of which one must appear. */
export const EvalFact = z.union([z.string(), z.array(z.string())]);
export type EvalFact = z.infer<typeof EvalFact>;

/** The expectation part of a case: acceptable routes, right sources, facts, and whether it is risky. */
export const EvalExpect = z.object({
  route: z.union([z.string(), z.array(z.string())]),
  sources: z.array(z.string()).optional(),
  facts: z.array(EvalFact).optional(),
  risk: z.boolean().optional(),
});
export type EvalExpect = z.infer<typeof EvalExpect>;

/** A case with its expectation (and, in the real-message sets, the intent it came from). */
export const ScoredCase = EvalCase.extend({ expect: EvalExpect, origin: z.string().optional() });
export type ScoredCase = z.infer<typeof ScoredCase>;
