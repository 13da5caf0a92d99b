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

/** The expectation part of a case (used by tests that check routing quality). */
export const EvalExpect = z.object({
  route: z.union([z.string(), z.array(z.string())]),
  sources: z.array(z.string()).optional(),
  risk: z.boolean().optional(),
});
