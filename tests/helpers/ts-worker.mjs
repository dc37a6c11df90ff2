// Starts a TypeScript worker_threads entry under tsx: Node 20 does not apply --import hooks to a worker's own entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.tsEntry);
