import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './build/precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The citizens' pages (`citizen.html`: /c…, /v/…), built with Preact through `preact/compat`
 * instead of React: a first load of about 16 KB gzipped instead of 76, for cheap phones on slow
 * networks. The code still imports from 'react' (and type-checks against @types/react); the
 * aliases below swap the runtime. The officials' application keeps real React (web/vite.config.ts).
 *
 * Run after the main build, from the repository root (`npm run build:web` runs both):
 *   npx vite build --config web/vite.citizen.config.ts   → adds citizen.html + dist/assets/c/ to web/dist
 *   npx vite --config web/vite.citizen.config.ts         → dev server for /citizen.html on Preact
 */
export default defineConfig({
  root: webRoot,
  plugins: [precompress(), citizenPwa()],
  // Its own dependency cache: the dev server's pre-bundled 'react' here is preact/compat.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite-citizen', import.meta.url)),
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact/compat' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // The main build (run first) empties web/dist; this one only adds to it.
    emptyOutDir: false,
    // Its own folder, so the two builds never overwrite (or reference) each other's files.
    assetsDir: 'assets/c',
    sourcemap: false,
    rollupOptions: {
      input: { citizen: fileURLToPath(new URL('./citizen.html', import.meta.url)) },
      output: {
        // The API client and the date formatting every page uses, in one file: left to itself the
        // bundler splits them three ways once the home page's QR card and the kept check-ins load
        // apart, and each file costs a cheap phone a request and its headers on a slow network.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              // Only these modules: by default a group also takes what they import (Preact itself).
              includeDependenciesRecursively: false,
              test: /web\/src\/citizen\/(api|endpoints|format)\.ts|core\/(display-dates|contracts\/contract)\.ts/,
            },
          ],
        },
      },
    },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

/**
 * The installable citizens' app: the web app manifest (/citizen.webmanifest, linked from
 * citizen.html) and the service worker (/citizen-sw.js, from src/citizen/sw/citizen-sw.ts).
 *
 * Why vite-plugin-pwa with injectManifest (Workbox) rather than generateSW or a hand-written
 * worker: the precache list must name this build's hashed files, which only the build knows, and
 * Workbox's precaching (revisions, clean-up of old caches, a navigation fallback, network-first
 * routes) is well kept and tested in every browser; injectManifest keeps the worker our own typed
 * file, bundled with only the Workbox modules it imports (no runtime workbox-*.js chunk beside it
 * as generateSW writes), and lets it register for /c/ and /v/ only (src/citizen/sw-register.ts).
 * The web root is shared with the officials' build: the precache takes the citizens' files alone.
 */
function citizenPwa() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/citizen/sw',
    filename: 'citizen-sw.ts',
    manifestFilename: 'citizen.webmanifest',
    injectRegister: false,
    // The icons are in the globs below (once each: a file listed twice would be fetched twice).
    includeManifestIcons: false,
    injectManifest: {
      globPatterns: ['citizen.html', 'assets/c/**/*.{js,css}', 'c-icons/*.{png,svg}'],
      // The compressed copies are the same files: the browser asks for them itself.
      globIgnores: ['**/*.{br,gz}'],
      // The map page's boundaries and the English catalogue are fetched when opened, cached then.
      maximumFileSizeToCacheInBytes: 512 * 1024,
    },
    manifest: {
      id: '/c/',
      name: 'Phòng, chống dịch — Khai báo y tế',
      short_name: 'Khai báo y tế',
      description: 'Khai báo y tế, mã QR cá nhân, quét mã tại địa điểm và bản đồ cấp độ dịch của tỉnh.',
      lang: 'vi',
      dir: 'ltr',
      // /c/ rather than /c: the worker's scope is /c/ (a scope '/c' would also take /cases…).
      start_url: '/c/',
      // One prefix only can be named: '/' is the smallest that holds both /c… and /v/…
      scope: '/',
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#b91c1c',
      background_color: '#ffffff',
      categories: ['health', 'medical'],
      icons: [
        { src: '/c-icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/c-icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        // Full-bleed background and a mark inside the central 60 %: safe for round masks too.
        { src: '/c-icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/c-icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
  });
}
