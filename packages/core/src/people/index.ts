export * from "./access-tokens";
export * from "./people-service";
export * from "./ports";
