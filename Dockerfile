# syntax=docker/dockerfile:1
# Inkwell's two servers as container images, built from one workspace:
#   docker build --target api -t inkwell-api .
#   docker build --target web -t inkwell-web .
# compose.yaml runs them in the scale-out layout; docs/operations.md explains it.

ARG NODE_IMAGE=node:22.20.0-bookworm-slim

# Install exactly the lockfile, build every package, drop the development dependencies, then
# gather each server's tree: the workspace's production node_modules (nested ones included),
# the built libraries, the Prisma client and migrations, and that server's own folder.
FROM ${NODE_IMAGE} AS build
WORKDIR /inkwell
COPY . .
RUN npm ci --no-audit --no-fund \
  && NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p api web --output-style=static \
  && npm prune --omit=dev --no-audit --no-fund \
  && for app in api web; do \
    mkdir -p "/out/$app/apps" \
    && cp -a package.json node_modules prisma libs "/out/$app/" \
    && cp -a "apps/$app" "/out/$app/apps/$app"; \
  done

# What both servers run as: an unprivileged user, data in a volume.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node

# The API: public JSON API, admin API, realtime, images. `node dist/cli/migrate.js` is the
# one-shot migration step of compose.yaml.
FROM runtime AS api
COPY --from=build /out/api /inkwell
WORKDIR /inkwell/apps/api
ENV API_HOST=0.0.0.0 \
  API_PORT=3001
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.API_PORT}/__lbheartbeat__`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]

# The readers' site and the admin panel, talking to the API at API_URL.
FROM runtime AS web
COPY --from=build /out/web /inkwell
WORKDIR /inkwell/apps/web
ENV WEB_HOST=0.0.0.0 \
  WEB_PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.WEB_PORT}/__lbheartbeat__`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "build/node/server/main.js"]
