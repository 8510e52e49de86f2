import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadSignedIn } from './login/preload';
import { session } from './session';

// A page still running the previous version's index.html asks for chunks a new build has replaced (the server answers
// 404 for an unknown asset): reload once to the new index.html (never cached) instead of failing. Once a minute at most,
// so a chunk that is really missing shows its error rather than reloading for ever.
window.addEventListener('vite:preloadError', (event) => {
  const key = 'naccs.reloadedForChunk';
  const last = Number(sessionStorage.getItem(key)) || 0;
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(key, String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

if (session.token()) preloadSignedIn('now');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
