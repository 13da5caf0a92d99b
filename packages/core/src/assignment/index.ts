export * from "./handoff-holders";
