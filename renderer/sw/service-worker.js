// Teamslot's service worker (web mode): keeps the app shell so the desk app opens after a
// reload without a network or with the sync server down. Data lives in IndexedDB (RxDB) and
// syncs later; this only caches the built files. Built by `serviceWorkerPlugin`
// (electron.vite.config.ts), which fills in the file list and its version.
const VERSION = '__TEAMSLOT_SW_VERSION__'
const FILES = __TEAMSLOT_SW_FILES__
const CACHE = `teamslot-shell-${VERSION}`
const scope = () => new URL(self.registration.scope)

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new URL(file, scope()).href)))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('teamslot-shell-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  // Only the app's own files: never the sync server's API, replication or booking pages.
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope().pathname)) return
  if (request.mode === 'navigate') {
    // Network first (a new version shows at once), the kept shell when the server is unreachable.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(new URL('index.html', scope()).href).then((hit) => hit ?? Response.error()),
      ),
    )
    return
  }
  // Built files have content hashes in their names: the kept copy is always right.
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)))
})
