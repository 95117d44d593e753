import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
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
  plugins: [precompress()],
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
    },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
