# One image for every service of the stack; docker-compose.yml picks the service by its command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 npm_config_update_notifier=false
COPY . .
# Dev dependencies too: npm ci builds the bundles (esbuild) that every service runs from (apps/stack/dist).
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force
USER node
