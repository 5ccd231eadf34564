export {
  DatabaseOwnedError,
  openDatabase,
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
} from './database.js';
export {
  applyMigrations,
  readMigrations,
  defaultMigrationsDir,
  MigrationChecksumError,
  type Migration,
  type MigrationResult,
} from './migrate.js';
export { seedDemoContent, type SeedContent, type SeedResult } from './seed.js';
export { type DemoCategory, type DemoComment, type DemoPost } from './demo-content/types.js';
export { type SqlClient, type ScriptRunner } from './sql-client.js';
export * from '../generated/client/client.js';
