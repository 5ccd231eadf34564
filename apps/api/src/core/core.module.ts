import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { openDatabase, type Database } from '@inkwell/prisma';
import { type Config } from '../config/config.js';
import { prepareDatabase } from '../database/prepare-database.js';
import { DomainEvents } from '../events/domain-events.js';
import { CONFIG, DATABASE, PRISMA } from './tokens.js';

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject('DATABASE_OWNED') private readonly owned: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}

/**
 * What every feature module needs: the configuration, the domain event bus and the database.
 * Opens the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrates and seeds it.
 * Tests may hand in an already opened database; it is then theirs to close.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: Config, existing?: Database): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: CoreModule,
      providers: [
        {
          provide: DATABASE,
          useFactory: async (): Promise<Database> => {
            if (existing) return existing;
            const db = await openDatabase({
              databaseUrl: config.databaseUrl,
              dataDir: config.dataDir,
              statementTimeoutMs: config.statementTimeoutMs,
              // The API serves the embedded database to the command-line tasks: it must own it.
              requireOwnership: true,
              log: (message) => logger.log(message),
            });
            logger.log(
              db.kind === 'pglite'
                ? `Using the embedded PGlite database in ${config.dataDir}`
                : 'Using PostgreSQL at DATABASE_URL',
            );
            await prepareDatabase(db, {
              migrate: config.migrateOnStart,
              seedDemoContent: config.seedDemoContent,
              log: (message) => logger.log(message),
            });
            return db;
          },
        },
        { provide: PRISMA, useFactory: (db: Database) => db.prisma, inject: [DATABASE] },
        { provide: CONFIG, useValue: config },
        { provide: 'DATABASE_OWNED', useValue: existing === undefined },
        { provide: DomainEvents, useValue: new DomainEvents() },
        DatabaseCloser,
      ],
      exports: [DATABASE, PRISMA, CONFIG, DomainEvents],
    };
  }
}
