/** How many leading characters of an id the UIs show; a search by that prefix finds the record. */
export const SHORT_ID_LENGTH = 8;

/** The short form of an id shown everywhere in the console: "#" and its first eight characters. */
export const shortId = (id: string): string => `#${id.slice(0, SHORT_ID_LENGTH)}`;

/** Reads what a person typed for an id ("#3f2a9c1d", " 3F2A9C1D ") as the prefix to look for. */
export const idPrefix = (typed: string): string => typed.trim().replace(/^#/, "").toLowerCase();
