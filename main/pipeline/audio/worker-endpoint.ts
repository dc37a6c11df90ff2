/** lib/workers/rpc.ts's endpoint over a Node `worker_threads` Worker. */
import type { TransferListItem, Worker } from 'node:worker_threads';
import type { RpcEndpoint } from '../../../lib/workers/rpc.ts';

export function workerThreadEndpoint(worker: Worker, name: string): RpcEndpoint {
  let terminating = false;
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as unknown as TransferListItem[]),
    onMessage: (listener) => {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
    onFailure: (listener) => {
      const onError = (error: Error): void => listener(new Error(`${name} crashed: ${error.message}`));
      const onMessageError = (error: Error): void => listener(new Error(`${name} sent an unreadable message: ${error.message}`));
      const onExit = (code: number): void => {
        if (!terminating) listener(new Error(`${name} stopped unexpectedly (exit code ${code})`));
      };
      worker.on('error', onError);
      worker.on('messageerror', onMessageError);
      worker.on('exit', onExit);
      return () => {
        worker.off('error', onError);
        worker.off('messageerror', onMessageError);
        worker.off('exit', onExit);
      };
    },
    terminate: () => {
      terminating = true;
      void worker.terminate();
    },
  };
}
