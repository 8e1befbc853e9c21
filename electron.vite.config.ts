// Builds the desktop app into out/: main (main/electron, CommonJS, better-sqlite3 left external
// so its native addon is loaded at run time), preload (CommonJS: sandboxed preloads cannot be ES
// modules) and the renderer. The renderer settings mirror renderer/vite.config.mts (alias, React,
// relative base, target); keep the two in step.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'main/electron/index.ts') },
        // Dependencies are externalized by default; listed so it stays external even if bundled later.
        external: ['better-sqlite3'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads can require only 'electron' (a subset): bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    resolve: { alias: { '@common': resolve(root, 'main/common') } },
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      // electron-vite turns minification off by default; Vite (renderer/vite.config.mts) minifies.
      minify: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
