export * from "./knowledge-index";
export * from "./analyze";
export * from "./sentences";
