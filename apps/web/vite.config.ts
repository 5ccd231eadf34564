import { vitePlugin as remix } from '@remix-run/dev';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// Workspace libraries (@inkwell/realtime, @inkwell/assets) are bundled from their TypeScript
// sources, as tests and tsc read them, so the site never needs their dist/ built first.
const SOURCE_CONDITION = '@inkwell/source';

export default defineConfig({
  // Tools that load this file from the workspace root (Nx, vitest) must still find the app.
  root: import.meta.dirname,
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
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
