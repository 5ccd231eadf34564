import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

export default defineConfig({
  // Tools that load this file from the workspace root (Nx, vitest) must still find the app.
  root: import.meta.dirname,
  plugins: [
    remix({
      appDirectory: 'app',
      // The browser tests build into their own folder so a server running `build/` is left alone.
      buildDirectory: process.env.WEB_BUILD_DIR ?? 'build',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
});
