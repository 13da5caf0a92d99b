import { z } from "zod";

/**
 * A detail as it is read back: rows written before a field existed, and rows whose conversation was
 * erased (only neutral fields are kept, `redacted: true`), lack fields; a value that no longer fits its
 * schema reads as missing rather than making the whole log unreadable.
 */
export const kept = <S extends z.ZodType>(schema: S) => schema.optional().catch(undefined);

/** Fields every typed detail may carry; other keys of old rows are kept as they were (loose). */
export const details = <S extends z.ZodRawShape>(shape: S) =>
  z.looseObject({ ...shape, redacted: kept(z.literal(true)) });

/** A person named in a detail (who held, got or lost something); the name as it was then. */
export const Named = z.object({ id: z.string(), name: z.string().nullable() });
