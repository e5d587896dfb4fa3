import { defineConfig } from 'vite';

// `base: './'` makes every asset URL relative, so dist/ works from any static server path or a
// file share; the viewer fetches nothing from the network unless the user sets a basemap.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is about 1 MB minified; it is one chunk on purpose (no network splitting).
    chunkSizeWarningLimit: 1600,
  },
  worker: { format: 'es' },
});
