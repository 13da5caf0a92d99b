export * from "./risk-rules";
export * from "./confidence";
export * from "./route-policy";
export * from "./injection-scan";
export * from "./risk-settings";
