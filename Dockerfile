# syntax=docker/dockerfile:1
# Inkwell's two servers as container images, built from one workspace:
#   docker build --target api -t inkwell-api .
#   docker build --target web -t inkwell-web .
# compose.yaml runs them in the scale-out layout; docs/operations.md explains it.

ARG NODE_IMAGE=node:22.20.0-bookworm-slim

# Install exactly the lockfile, build every package, then drop the development dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /inkwell
COPY . .
RUN npm ci --no-audit --no-fund \
  && NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p api web --output-style=static \
  && npm prune --omit=dev --no-audit --no-fund

# What both servers run with: production dependencies, the built packages, the migrations.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  DATA_DIR=/data
WORKDIR /inkwell
COPY --from=build /inkwell/package.json ./
COPY --from=build /inkwell/node_modules ./node_modules
COPY --from=build /inkwell/prisma ./prisma
COPY --from=build /inkwell/libs ./libs
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node

# The API: public JSON API, admin API, realtime, images. `node dist/cli/migrate.js` is the
# one-shot migration step of compose.yaml.
FROM runtime AS api
COPY --from=build /inkwell/apps/api/package.json ./apps/api/
COPY --from=build /inkwell/apps/api/dist ./apps/api/dist
WORKDIR /inkwell/apps/api
ENV API_HOST=0.0.0.0 \
  API_PORT=3001
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.API_PORT}/__lbheartbeat__`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]

# The readers' site and the admin panel, talking to the API at API_URL.
FROM runtime AS web
COPY --from=build /inkwell/apps/web/package.json ./apps/web/
COPY --from=build /inkwell/apps/web/build ./apps/web/build
WORKDIR /inkwell/apps/web
ENV WEB_HOST=0.0.0.0 \
  WEB_PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.WEB_PORT}/__lbheartbeat__`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "build/node/server/main.js"]
