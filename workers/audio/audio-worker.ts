/** The audio worker thread: RPC messages in, calls on one AudioFrameAnalyser, results out. */
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import { analysisTransferables, type AudioWorkerApi } from '../../lib/audio/worker-api.ts';
import { serveRpc } from '../../lib/workers/rpc.ts';

if (!parentPort) throw new Error('audio-worker must be started as a worker thread');
const port = parentPort;
const analyser = new AudioFrameAnalyser();

port.on(
  'message',
  serveRpc<AudioWorkerApi>(
    (reply, transfer) => port.postMessage(reply, transfer as unknown as TransferListItem[]),
    {
      push: ({ t0, samples }) => {
        analyser.push({ t0, samples });
        return { processedSec: analyser.processedSec };
      },
      finish: () => analyser.finish(),
    },
    analysisTransferables,
  ),
);
