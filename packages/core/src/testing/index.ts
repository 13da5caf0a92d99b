// Test utilities for this package and the apps that build on it; never imported by production code.
export * from "./fake-openai-server";
export * from "./injection-corpus";
