// The entry of an import's reader thread (read-in-thread.ts). Kenno runs its TypeScript through
// tsx, and a worker thread starts without the loader of the thread that made it: register it
// here, then load the reader itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
