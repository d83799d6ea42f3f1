/* Zorgwijzer service worker {{ version }}: public pages readable without a connection.
   Network first (fresh content when online), the cache when offline. Only GET requests for
   public paths are handled; everything else goes to the network untouched. */
const CACHE = "zorgwijzer-{{ version }}";
const PRECACHE = {{ precache|safe }};
const PREFIXES = {{ prefixes|safe }};
const EXCLUDED = {{ excluded|safe }};
const OFFLINE_URL = {{ offline_url|safe }};

// Precache without cookies: the stored copies are the public versions of these pages, and a
// response can never set a cookie (a late CSRF cookie would break a form the user has open).
self.addEventListener("install", (event) => {
  const requests = PRECACHE.map((url) => new Request(url, { credentials: "omit" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("zorgwijzer-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

function cacheable(url) {
  if (url.origin !== self.location.origin) return false;
  if (EXCLUDED.some((prefix) => url.pathname.startsWith(prefix))) return false;
  return PREFIXES.some((prefix) => url.pathname.startsWith(prefix));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET") return;
  if (!cacheable(url)) {
    // Pages with personal data are never stored; offline, a navigation gets the offline page.
    if (request.mode === "navigate" && url.origin === self.location.origin) {
      event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL)));
    }
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: url.pathname.startsWith("/static/") }).then(
          (cached) => cached || (request.mode === "navigate" ? caches.match(OFFLINE_URL) : Response.error())
        )
      )
  );
});
