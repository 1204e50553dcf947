# syntax=docker/dockerfile:1
# Production image of MoA Playground: `next start` as a non-root user.
# Several containers of it may share one PostgreSQL (DATABASE_URL); see docs/deploy.md.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# node-llama-cpp (local GGUF models) would otherwise download or compile llama.cpp here.
ENV NODE_LLAMA_CPP_SKIP_DOWNLOAD=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# `npm run build`: the Next build, then the engine thread's bundle (.next/engine-thread/).
RUN npm run build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
ENV NODE_LLAMA_CPP_SKIP_DOWNLOAD=true
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: the app's SIGTERM hook drains runs itself (instrumentation.ts);
# Next's own handler would close the server and exit before the runs are done.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_MANUAL_SIG_HANDLE=1 \
    MOA_SHUTDOWN_GRACE_MS=10000 \
    MOA_DATA_DIR=/app/.data
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/package.json /app/next.config.ts ./
# Applied at startup by the app itself (one instance at a time, under an advisory lock).
COPY --from=build --chown=node:node /app/lib/db/migrations ./lib/db/migrations
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=4s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node receives SIGTERM directly (run with --init / `init: true` so Ctrl-C works too).
CMD ["sh", "-c", "exec node node_modules/next/dist/bin/next start -p \"$PORT\" -H \"$HOSTNAME\""]
