import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

// Build from this folder whatever the working directory is.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

// The console is served by the GraphQL server from admin-ui/dist at `/` (server/src/console.ts: hashed assets cached
// for a year, index.html revalidated, the .br/.gz precompress writes sent by Accept-Encoding); in development Vite
// proxies /graphql to the server. Each page is a chunk of its own (React.lazy): the sign-in page loads only its own.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  // Apollo Client 3 keeps its development checks (and a DevTools console message) unless told otherwise.
  define: { 'globalThis.__DEV__': 'false' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The sign-in chunk is ~0.9 MB (react-dom, MUI, react-admin's core); a warning above that means a page stopped splitting.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: {
      // GRAPHQL_PROXY_TARGET: the server's address when it is not local (docker compose).
      // ws: the live updates' subscriptions travel on the same path over WebSocket.
      '/graphql': { target: process.env.GRAPHQL_PROXY_TARGET ?? 'http://127.0.0.1:4000', changeOrigin: true, ws: true },
    },
  },
});
