export * from "./knowledge-service";
export { isLive, screenCorrection } from "./quarantine";
export * from "./help-center-language";
