import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * One vitest setup for every project: workspace packages resolve to their TypeScript sources
 * through the `@inkwell/source` export condition, so tests never need a prior build.
 */
export function defineProjectConfig(root: string, overrides: ViteUserConfig = {}): ViteUserConfig {
  return defineConfig({
    root,
    resolve: { conditions: ['@inkwell/source', 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['@inkwell/source'] } },
    ...overrides,
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      ...overrides.test,
    },
  });
}
