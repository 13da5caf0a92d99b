export * from "./app/config";
export * from "./app/create-platform";
export * from "./app/start-server";
export * from "./seed/seed-demo";
