import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Build from this folder whatever the working directory is.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

// The console is served by the GraphQL server from admin-ui/dist at `/`; in development Vite proxies
// /graphql to the server.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Apollo Client 3 keeps its development checks (and a DevTools console message) unless told otherwise.
  define: { 'globalThis.__DEV__': 'false' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      // GRAPHQL_PROXY_TARGET: the server's address when it is not local (docker compose).
      '/graphql': { target: process.env.GRAPHQL_PROXY_TARGET ?? 'http://127.0.0.1:4000', changeOrigin: true },
    },
  },
});
