export * from "./api-adapter";
export * from "./api-intake";
export * from "./api-channel-admin";
