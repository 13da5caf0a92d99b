export * from "./assignment-service";
export * from "./handoff-holders";
export * from "./pick-agent";
