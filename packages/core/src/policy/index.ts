export * from "./risk-rules";
export * from "./confidence";
export * from "./route-policy";
export * from "./injection-scan";
export * from "./risk-settings";
export * from "./answer-safety";
export * from "./knowledge-screen";
export * from "./instruction-attack";
export * from "./secret-request";
export * from "./fit";
export * from "./fitted-confidence";
export * from "./assess-message";
export * from "./model-kind-flags";
export {
  detectLanguage,
  inOtherLanguage,
  languageName,
  preloadLanguageDetector,
} from "./language/detect-language";
