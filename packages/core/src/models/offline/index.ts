export * from "./offline-model";
