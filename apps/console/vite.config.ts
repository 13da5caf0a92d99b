import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves this build at /console (see apps/server/src/http/static-apps.ts).
export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    // `vite` during development talks to a server started with `npm start` on its default port.
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/socket.io": { target: "http://127.0.0.1:3000", ws: true },
    },
  },
});
