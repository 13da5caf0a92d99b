export * from "./build-graph";
export * from "./deps";
export * from "./resume";
export * from "./state";
