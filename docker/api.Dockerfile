# Production-like image for the API (and, with another command, the worker).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs api storefront --force && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# MALLOC_ARENA_MAX=2 and the API's V8 flags below: its memory (docs/OPERATIONS.md, "Memory"; the values
# are scripts/lib/node-memory.mjs's, which the bench measures).
ENV NODE_ENV=production PORT=3000 STOREFRONT_DIR=/app/dist/storefront MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=512", "dist/api/main.js"]
