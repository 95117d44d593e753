import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './build/precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Web client build. Run from the repository root:
 *   npx vite build --config web/vite.config.ts   → web/dist (served by the server at `/`; empties it
 *                                                  first, so run web/vite.citizen.config.ts after)
 *   npx vite --config web/vite.config.ts         → dev server, `/api` proxied to the server on :3000
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress(), fieldWorker()],
  resolve: {
    // Leaflet's `main` is a UMD bundle; its ESM build bundles more cleanly.
    alias: [
      {
        find: /^leaflet$/,
        replacement: fileURLToPath(new URL('../node_modules/leaflet/dist/leaflet-src.esm.js', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      // The officials' application only: the citizens' pages (citizen.html: /c…, /v/…) are built on
      // Preact by web/vite.citizen.config.ts, run after this build (see `npm run build:web`).
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)) },
    },
  },
  server: {
    // The web code imports the shared contracts from ../core.
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

/**
 * The officials' service worker (/staff-sw.js, from src/offline/sw/staff-sw.ts) that lets field pages
 * (inspections, border posts) open again without a signal. No manifest: the officials' application is
 * not offered for installation, only kept. The precache lists this build's files alone (the QR reader's
 * WebAssembly too: a border post scans CCCD cards without a signal); the citizens' build (assets/c/)
 * runs after and is not in it.
 */
function fieldWorker() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline/sw',
    filename: 'staff-sw.ts',
    manifest: false,
    injectRegister: false,
    injectManifest: {
      globPatterns: ['index.html', 'assets/*.{js,css,woff2,wasm}'],
      globIgnores: ['**/*.{br,gz}'],
      maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    },
  });
}
