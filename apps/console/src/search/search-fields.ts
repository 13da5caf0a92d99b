import { ConversationStatus } from "@handoff/contracts";
import type { SearchInput } from "../api/search-api";

/** The search form as typed, kept in the URL (#/search?q=...) so Back returns to the same results. */
export interface SearchFields {
  q: string;
  status: string;
  /** The id of the agent the conversations are assigned to. */
  agent: string;
  /** Days (yyyy-mm-dd) in the browser's time zone. */
  from: string;
  to: string;
}

const KEYS = ["q", "status", "agent", "from", "to"] as const;

/** The most characters the server takes in `q`. */
export const MAX_QUERY = 200;

/** The fields of a search URL's parameters; unknown parameters are ignored. */
export function fieldsFromQuery(query: string | null): SearchFields {
  const params = new URLSearchParams(query ?? "");
  const fields: SearchFields = { q: "", status: "", agent: "", from: "", to: "" };
  for (const key of KEYS) fields[key] = params.get(key) ?? "";
  return fields;
}

/** The URL parameters of the fields given (empty ones left out). */
export function queryOfFields(fields: SearchFields): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = fields[key].trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// A day's first or last moment where the browser is, so "from 3 May" means the agent's 3 May.
const dayStart = (day: string) => new Date(`${day}T00:00:00`);
const dayEnd = (day: string) => new Date(`${day}T23:59:59.999`);
const isDay = (day: string) => DAY.test(day) && !Number.isNaN(dayStart(day).getTime());

/** Why a `q` starting with # cannot be a conversation's short id, or null when it can (or is words). */
function shortIdProblem(q: string): string | null {
  if (!/^#\S*$/.test(q) || /^#[0-9a-f-]{4,}$/i.test(q)) return null;
  return (
    `"${q}" is not a conversation id: type # and at least 4 of the id's first characters ` +
    "(digits 0-9 and letters a-f), as the console shows it, for example #3f2a9c1d."
  );
}

/** The request for the fields, or what is wrong with them in words a person can act on. */
export function searchInput(
  fields: SearchFields,
): { ok: true; input: SearchInput } | { ok: false; error: string } {
  const q = fields.q.trim();
  if (q.length > MAX_QUERY)
    return { ok: false, error: `Type at most ${MAX_QUERY} characters to search for.` };
  const idProblem = shortIdProblem(q);
  if (idProblem) return { ok: false, error: idProblem };
  const status = fields.status ? ConversationStatus.safeParse(fields.status) : null;
  if (status && !status.success) return { ok: false, error: `"${fields.status}" is not a status.` };
  for (const [label, day] of [
    ["start", fields.from],
    ["end", fields.to],
  ] as const) {
    if (day && !isDay(day)) return { ok: false, error: `The ${label} date "${day}" is not a date.` };
  }
  if (fields.from && fields.to && fields.from > fields.to)
    return { ok: false, error: "The start date is after the end date: pick a start on or before the end." };
  return {
    ok: true,
    input: {
      ...(q ? { q } : {}),
      ...(status?.success ? { status: status.data } : {}),
      ...(fields.agent ? { assigneeId: fields.agent } : {}),
      ...(fields.from ? { from: dayStart(fields.from).toISOString() } : {}),
      ...(fields.to ? { to: dayEnd(fields.to).toISOString() } : {}),
    },
  };
}
