export * from "./damage-checkpoint";
