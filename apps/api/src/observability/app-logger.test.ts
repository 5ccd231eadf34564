import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAppLogger } from './app-logger.js';

/** What the logger printed, one entry per line written to stdout or stderr. */
function capturePrinted(): string[] {
  const printed: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  return printed;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createAppLogger', () => {
  test("keeps Nest's route and module lines out of the default log", () => {
    const printed = capturePrinted();
    const logger = createAppLogger('log');
    logger.log('Mapped {/api/posts, GET} route', 'RouterExplorer');
    logger.log('PostsModule dependencies initialized', 'InstanceLoader');
    logger.log('Using the embedded PGlite database', 'Database');
    logger.warn('Slow query', 'Database');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('Using the embedded PGlite database');
    expect(printed[1]).toContain('Slow query');
  });

  test('shows them at debug level', () => {
    const printed = capturePrinted();
    createAppLogger('debug').log('Mapped {/api/posts, GET} route', 'RouterExplorer');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/DEBUG.*Mapped \{\/api\/posts, GET\} route/);
  });

  test('warn leaves only warnings and errors', () => {
    const printed = capturePrinted();
    const logger = createAppLogger('warn');
    logger.log('Using the embedded PGlite database', 'Database');
    logger.error('Lost the database', undefined, 'Database');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('Lost the database');
  });
});
