export * from "./conversation-service";
export * from "./lifecycle";
export * from "./keyed-queue";
export * from "./customer-feedback";
export * from "./conversation-lease";
export * from "./run-input";
export * from "./lifecycle-table";
