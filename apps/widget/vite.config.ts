import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { demoHelpCenter } from "./src/demo/demo-help-center-plugin.ts";

const page = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** The chat page (framed at /widget/) and the demo host page (served at /). The loader has its own build. */
export default defineConfig({
  base: "/widget/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [demoHelpCenter()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: page("index.html"), demo: page("demo.html") },
      // The contracts package is plain schema declarations: let unused ones (console, reviews...) go.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]contracts[\\/]/.test(id) },
    },
  },
});
