// Builds the renderer for Electron (loaded from a file/custom protocol) and for browser mode
// (served by `npm run serve`): relative asset paths, the @common alias, React's JSX transform.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@common': fileURLToPath(new URL('../main/common', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
