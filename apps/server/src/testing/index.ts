export * from "./test-server";
export * from "./wait-for";
export * from "./scenarios";
export * from "./server-process";
export * from "./browser";
export * from "./redis-server";
export * from "./store-variants";
export * from "./refit-seed";
