export * from "./store";
export * from "./model";
export * from "./clock";
export * from "./notifier";
