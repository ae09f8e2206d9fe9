import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is a plain web app: Electron serves the built files from app:// and
// `tapedeck serve` serves the same files over HTTP. `base: './'` keeps asset URLs relative
// so both work.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Vite stamps this placeholder on the tags it writes and in <meta property="csp-nonce">;
  // both hosts replace it with a fresh nonce per load (main/server/csp.ts).
  html: { cspNonce: '__TAPEDECK_CSP_NONCE__' },
  build: {
    outDir: fileURLToPath(new URL('./app/dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
  },
  define: {
    // Test hooks (renderer/src/test-hooks.ts) exist in every build but the production one.
    __TAPEDECK_TEST_HOOKS__: JSON.stringify(process.env.TAPEDECK_BUILD !== 'production'),
    // Exports name the app version that wrote them (HAR `creator`); the renderer cannot read package.json.
    __TAPEDECK_VERSION__: JSON.stringify(pkg.version),
  },
  worker: { format: 'es' },
});
