export * from "./webhook-service";
export * from "./webhook-signature";
