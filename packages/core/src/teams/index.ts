export * from "./team-for-category";
export * from "./teams-service";
