export { backup, type BackupOptions } from './backup.js';
export { restore, type RestoreOptions } from './restore.js';
export { BackupError } from './backup-error.js';
export { readManifest, MANIFEST_FILE, FORMAT_VERSION, type Manifest } from './manifest.js';
export { APPLICATION_TABLES } from './dump-database.js';
