/**
 * The therapist's recording stays where they keep it. Attune records its real path, size, mtime and
 * sha256 at import, and on every open checks whether it is still there and still the same file.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { probeMedia } from '../media/probe.ts';
import { sha256OfFile } from '../../models/manifest.ts';
import type { SourceStatus } from '../../lib/ipc/contract.ts';
import type { NewSession, SessionRow } from '../store/session-records.ts';
import { AppError } from './app-error.ts';

export type MediaProbe = (file: string, signal?: AbortSignal) => Promise<{ durationSec: number }>;

/** Resolves links once, at import: the store keeps the file's real path, never a link to it. */
export async function inspectRecording(chosenPath: string, probe: MediaProbe = probeMedia, signal?: AbortSignal): Promise<NewSession> {
  const filePath = await realpath(chosenPath).catch(() => {
    throw new AppError('not-found', `The recording "${basename(chosenPath)}" was not found.`);
  });
  const info = await stat(filePath);
  if (!info.isFile()) throw new AppError('invalid-request', `"${basename(chosenPath)}" is not a recording file.`);
  const media = await probe(filePath, signal);
  const sha256 = await sha256OfFile(filePath, signal);
  return {
    filePath,
    fileName: basename(filePath),
    sha256,
    sizeBytes: info.size,
    mtimeMs: info.mtimeMs,
    durationSec: media.durationSec,
  };
}

export interface SourceCheck {
  status: SourceStatus;
  /** Set when the file is present and unchanged but its mtime moved (copied back, touched): store it. */
  refreshedMtimeMs: number | null;
}

/**
 * Cheap when nothing changed (one lstat); the file is re-hashed only when its size or mtime differs.
 * A path that is now a symbolic link counts as moved: the link could point anywhere.
 */
export async function checkSource(session: SessionRow): Promise<SourceCheck> {
  const info = await lstat(session.filePath).catch(() => null);
  if (!info?.isFile()) return { status: 'moved', refreshedMtimeMs: null };
  if (info.size !== session.sizeBytes) return { status: 'changed', refreshedMtimeMs: null };
  if (info.mtimeMs === session.mtimeMs) return { status: 'present', refreshedMtimeMs: null };
  const sha256 = await sha256OfFile(session.filePath).catch(() => null);
  return sha256 === session.sha256
    ? { status: 'present', refreshedMtimeMs: info.mtimeMs }
    : { status: 'changed', refreshedMtimeMs: null };
}
