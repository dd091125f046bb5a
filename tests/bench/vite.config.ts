import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Builds the bench pages (tests/bench/page) into dist-bench/, minified like the app.
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: '/bench/',
  build: {
    outDir: resolve(import.meta.dirname, '../../dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
