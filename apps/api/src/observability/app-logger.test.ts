import { createLogger } from '@inkwell/telemetry';
import { PinoLogger } from 'nestjs-pino';
import { expect, test } from 'vitest';
import { AppLogger } from './app-logger.js';

test("Nest's route and module lines are debug lines; the API's own keep their level", () => {
  const lines: Array<{ level: number; msg: string; context: string }> = [];
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    destination: { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[0]) },
  });
  const appLogger = new AppLogger(new PinoLogger({ pinoHttp: { logger } }), {});
  appLogger.log('Mapped {/api/posts, GET} route', 'RouterExplorer');
  appLogger.log('PostsModule dependencies initialized', 'InstanceLoader');
  appLogger.log('Using the embedded PGlite database', 'Database');
  appLogger.warn('Slow query', 'Database');
  expect(lines.map(({ level, msg, context }) => [level, context, msg])).toEqual([
    [20, 'RouterExplorer', 'Mapped {/api/posts, GET} route'],
    [20, 'InstanceLoader', 'PostsModule dependencies initialized'],
    [30, 'Database', 'Using the embedded PGlite database'],
    [40, 'Database', 'Slow query'],
  ]);
});
