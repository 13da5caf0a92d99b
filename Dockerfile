# Multi-stage build: compile native modules, the UIs and the server bundle once, ship only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json turbo.json tsconfig.base.json eslint.config.js ./
COPY packages packages
COPY apps apps
# `turbo run build` bundles the server into apps/server/dist/bin (esbuild) and builds both UIs.
# Source maps are for debugging a build, not for the public: they stay out of the image.
RUN npm ci --no-audit --no-fund \
  && npx turbo run build \
  && npm prune --omit=dev \
  && find apps/console/dist apps/widget/dist -name '*.map' -delete

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Asks /healthz on the PORT and HOST the server was given (a small entry, not the whole server).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "apps/server/dist/bin/healthcheck.js"]
# node itself as PID 1, not npm: `docker stop` sends SIGTERM to the server, which stops taking
# connections, finishes requests and graph runs in flight (SHUTDOWN_TIMEOUT_SECONDS, 25 s) and exits 0.
# Give it the time: `docker stop -t 30`, or stop_grace_period in compose.
CMD ["node", "apps/server/dist/bin/main.js", "start"]
