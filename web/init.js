// Starts the app (Trunk's script injection is off so that the CSP allows
// no inline script) and registers the service worker for offline use.
import init from './linklens-web.js';

await init({ module_or_path: new URL('linklens-web_bg.wasm', import.meta.url) });

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Offline support is a bonus; the page works without it.
  });
}
