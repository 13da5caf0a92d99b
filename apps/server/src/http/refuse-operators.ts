import type { NextFunction, Request, Response } from "express";
import { DomainError } from "@handoff/core";

/** How deep a JSON body is searched; deeper bodies are refused outright. */
const MAX_DEPTH = 32;

/**
 * Refuses a request whose query string or JSON body carries query-operator syntax: a query key in
 * brackets or dots (`status[$ne]=`, `q.$gt=`) or an object key starting with `$` anywhere in the
 * body. Every route validates its input with a zod schema already; this answers such probes with
 * one clear 400 before any handler or store sees them, whichever database is behind.
 */
export function refuseOperators(req: Request, _res: Response, next: NextFunction): void {
  const queryKey = Object.keys(req.query).find((key) => /[[\].$]/.test(key));
  if (queryKey !== undefined)
    throw new DomainError("bad_request", `query parameter "${queryKey}" is not allowed`);
  const bodyKey = operatorKey(req.body, 0);
  if (bodyKey !== null) throw new DomainError("bad_request", `"${bodyKey}" is not allowed in a request body`);
  next();
}

function operatorKey(value: unknown, depth: number): string | null {
  if (typeof value !== "object" || value === null) return null;
  if (depth > MAX_DEPTH) return "a body nested this deep";
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith("$")) return key;
    const found = operatorKey(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
