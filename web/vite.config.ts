import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.ELEVLOS_API_URL ?? 'http://localhost:3000';
// Same proxy for `vite` and `vite preview`, so the built bundle can be checked against a local server.
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  // No @vitejs/plugin-react: esbuild's automatic runtime is enough (we do without fast refresh).
  esbuild: { jsx: 'automatic' },
  // tsconfig's @server/* for the few isomorphic server modules the web runs (server/core/**/*.shared.ts)
  resolve: { alias: { '@server': fileURLToPath(new URL('../server', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline fonts or images as data: URIs; the server's CSP only allows 'self' for fonts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: a separate file stays cached across our releases.
        // zxcvbn's word lists (~0.5 MB) stay in their own chunk, loaded only where a new password is typed.
        manualChunks: (id) => (id.includes('/node_modules/') && !id.includes('/@zxcvbn-ts/') ? 'vendor' : undefined),
      },
      onwarn(warning, warn) {
        // Designsystemet's icon set marks every module "use client" (a React Server Components hint); harmless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
