export * from "./build-graph";
export * from "./deps";
export * from "./resume";
export * from "./state";
export * from "./graph-job";
export * from "./in-process-runner";
export * from "./thread-position";
export * from "./pause-id";
