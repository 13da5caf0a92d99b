import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** embed.js: one small classic script (IIFE, no framework) that site owners add with a script tag. */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2018",
    lib: {
      entry: fileURLToPath(new URL("./src/loader/embed.ts", import.meta.url)),
      name: "HandoffDeskLoader",
      formats: ["iife"],
      fileName: () => "embed.js",
    },
  },
});
