// tunewise service worker: makes the app work offline after the first visit.
// Pages: network first, falling back to the cached copy when offline.
// Hashed build assets (name-<16 hex>.js/.wasm/.css): cache first, since a
// hash never changes its content; older builds' copies are pruned.
const CACHE = 'tunewise-v6';
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
const stem = (path) => path.replace(/-[0-9a-f]{8,16}/, '');

// On install, cache the page and every hashed asset it names, so the app
// works offline right after the first visit, without a second load.
self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(precache().catch(() => {}));
});

const PAGES = ['./', 'costs.html', 'dataset.html', 'training.html', 'report.html', 'practice.html', 'exercises.html'];

async function precache() {
  const cache = await caches.open(CACHE);
  const assets = new Set();
  for (const path of PAGES) {
    const page = new URL(path, self.location.href);
    const response = await fetch(page, { cache: 'reload' });
    if (!response.ok) continue;
    await cache.put(page, response.clone());
    const html = await response.text();
    for (const m of html.matchAll(/["'=]\s*([^"'\s>]*-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css))/g)) {
      assets.add(new URL(m[1], page).href);
    }
  }
  // The practice page's question bank, fetched by the page only when a mode needs it.
  assets.add(new URL('questions.json', self.location.href).href);
  // The providers' notes, fetched by the Dataset page when they are opened.
  assets.add(new URL('providers.json', self.location.href).href);
  await cache.addAll([...assets]);
}
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const hashed = HASHED.test(url.pathname);
  if (hashed) {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      if (hashed) {
        for (const key of await cache.keys()) {
          const path = new URL(key.url).pathname;
          if (path !== url.pathname && stem(path) === stem(url.pathname)) await cache.delete(key);
        }
      }
    }
    return response;
  } catch (offline) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw offline;
  }
}
