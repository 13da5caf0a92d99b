export * from "./risk-rules";
export * from "./confidence";
export * from "./route-policy";
