# One image for the server; it also serves the built console at /.
FROM node:20-bookworm-slim
RUN npm i -g pnpm
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @naccs/admin-ui build
ENV PORT=4000
EXPOSE 4000
CMD ["pnpm", "--filter", "@naccs/server", "start"]
