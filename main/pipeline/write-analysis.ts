/** Writes analysis.json atomically and in pieces: the whole file is never one string in memory. */
import { join } from 'node:path';
import { jsonChunks } from '../../lib/analysis/json-chunks.ts';
import type { Analysis } from '../../lib/analysis/types.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { crashPoint } from './resume/crash-point.ts';

/** Four decimals is finer than any cue Attune measures, and keeps files small and byte-stable. */
function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value;
}

/** analysis.json's bytes, in pieces (joined, exactly JSON.stringify's output plus a newline). */
export function* analysisFileChunks(analysis: Analysis): Generator<string> {
  yield* jsonChunks(analysis, rounded);
  yield '\n';
}

export async function writeAnalysisAtomically(analysis: Analysis, dir: string): Promise<string> {
  const target = join(dir, 'analysis.json');
  await writeAtomically(target, analysisFileChunks(analysis), 'The results', () => crashPoint('write'));
  return target;
}
