export * from "./customer-data-service";
export * from "./erased-citations";
export * from "./redact-audit";
