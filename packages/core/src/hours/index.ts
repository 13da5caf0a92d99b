export * from "./opening-state";
export * from "./after-hours";
