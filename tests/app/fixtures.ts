/** Test material for the app's main-process tests: store keys, a known analysis, copies of real recordings. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Analysis } from '../../lib/analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { video } from '../helpers/paths.ts';

export const testKey = (): Buffer => randomBytes(32);

/** A backend call's value, or its error message thrown. */
export async function ok<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value as T;
}

/** A phrase that must never appear in plaintext in the store's files. */
export const SECRET_SUMMARY = 'Client-Zeta smile dropped when the brother was mentioned';

/** A copy of a real recording in `dir`, so a test may move, change or delete it. */
export function copyRecording(dir: string, name = '01-01-01-01-02-01-05.mp4'): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, basename(name));
  copyFileSync(video(name), target);
  return target;
}

/** A complete, valid analysis.json document with three markers; the first one's summary is SECRET_SUMMARY. */
export function knownAnalysis(sha256: string, fileName = 'session.mp4'): Analysis {
  const t = [0, 0.2, 0.4, 0.6, 0.8, 1.0];
  const series = (base: number): number[] => t.map((_, i) => base + i * 0.01);
  return {
    format: 'attune-analysis',
    version: 1,
    source: { file: fileName, sha256, durationSec: 3.16, video: { width: 1280, height: 720, fps: 29.97 }, audio: { sampleRate: 48000, channels: 2 } },
    analysis: { createdAt: '2026-11-26T10:00:00.000Z', app: 'attune 0.1.0', models: [{ name: 'face_landmarker', sha256: 'ab'.repeat(32) }], settings: { visionFps: 5 } },
    people: [
      { id: 'p1', role: 'unknown' },
      { id: 'p2', role: 'unknown' },
    ],
    tracks: {
      face: [{
        personId: 'p1',
        t,
        headYawDeg: series(2),
        headPitchDeg: series(-4),
        headRollDeg: [0.5, 0.4, null, 0.3, 0.2, 0.1],
        blendshapes: Object.fromEntries(BLENDSHAPE_NAMES.map((name, i) => [name, series(i / 100)])),
        presence: [1, 1, 0, 1, 1, 1],
      }],
      voice: [{ personId: 'p1', t, f0Hz: [null, 182.5, 184, 150, 151, null], loudnessDb: series(-40), speech: [0, 1, 1, 1, 1, 0] }],
      speech: [{ startSec: 0.2, endSec: 0.8 }],
    },
    markers: [
      { id: 'm1', startSec: 0.2, endSec: 0.6, personId: 'p1', modality: ['face'], kind: 'shift', score: 0.82, summary: SECRET_SUMMARY,
        cues: [{ feature: 'mouthSmileLeft', before: 0.41, after: 0.05, z: -3.2 }], missedBecause: ['therapist-speaking'],
        missedEvidence: [{ reason: 'therapist-speaking', startSec: 0, endSec: 0.7, text: 'The therapist was speaking when it began (80 % of 0 s–0.7 s).' }] },
      { id: 'm2', startSec: 0.4, endSec: 0.8, personId: 'p1', modality: ['voice'], kind: 'brief', score: 0.5, summary: 'Voice lower',
        cues: [{ feature: 'f0Hz', before: 184, after: 150, z: -2.4 }] },
      { id: 'm3', startSec: 0.8, endSec: 1.0, personId: null, modality: ['face', 'voice'], kind: 'shift', score: 0.3, summary: 'Quieter',
        cues: [{ feature: 'loudnessDb', before: -40, after: -45, z: null }] },
    ],
  };
}

export const KNOWN_SNAPSHOTS = [
  { personId: 'p1', t: 1.0, box: { x: 0.4, y: 0.2, w: 0.2, h: 0.4 } },
  { personId: 'p2', t: 2.0, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.3 } },
];

/** Every file of the store (the database, its -wal and -shm) and whether `text` occurs in its bytes. */
export function plaintextIn(dir: string, text: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith('sessions.db') || name.endsWith('.db') || name.includes('.db-'))
    .filter((name) => readFileSync(join(dir, name)).includes(Buffer.from(text)));
}

export function fileBytes(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

/**
 * Every byte of a store file once decrypted (a copy rekeyed to no key, in `scratchDir`, removed after),
 * free pages included: what someone holding the key could read from it.
 */
export function decryptedBytes(file: string, key: Buffer, scratchDir: string): Buffer {
  const copy = join(scratchDir, `decrypted-${randomBytes(6).toString('hex')}.sqlite`);
  copyFileSync(file, copy);
  const db = new Database(copy);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  const bytes = readFileSync(copy);
  rmSync(copy);
  return bytes;
}
