// The worker's entry when Inkwell runs from its TypeScript sources (tests, `tsx`): loader hooks
// are not inherited by worker threads, so this thread registers tsx before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
