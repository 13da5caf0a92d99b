export * from "./knowledge-service";
export { isLive, screenCorrection } from "./quarantine";
