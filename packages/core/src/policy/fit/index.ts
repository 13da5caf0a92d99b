export * from "./fit-sample";
export * from "./logistic-regression";
export * from "./choose-thresholds";
export * from "./fit-confidence";
export * from "./decision-samples";
