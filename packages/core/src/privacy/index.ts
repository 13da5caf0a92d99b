export * from "./customer-data-service";
export * from "./redact-audit";
