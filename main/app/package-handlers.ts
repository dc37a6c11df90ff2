/**
 * Review packages in the app (docs/review-package.md): sealing a session for a supervisor — with clips
 * around chosen markers, de-identified if asked — and taking a package back in, its notes merged into
 * the session's (lib/notes/merge-notes.ts) after a backup.
 */
import { basename, extname } from 'node:path';
import type { Analysis } from '../../lib/analysis/types.ts';
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';
import { chooseClipMarkers } from '../../lib/clips/clip-windows.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import { recordingClips, type RecordingClips } from '../clips/clip-source.ts';
import { withoutNames } from '../package/leave-out-names.ts';
import type { VisionEngine } from '../pipeline/types.ts';
import type { SourceCheck } from './recording-file.ts';
import { packagePassphraseProblem, type PackageImportReport } from '../../lib/ipc/supervision-channels.ts';
import { mergeNotes } from '../../lib/notes/merge-notes.ts';
import { PackageError } from '../package/format.ts';
import { packageContents, packageEntries, type PackageContents } from '../package/review-package.ts';
import { openSealedFile, sealEntries } from '../package/sealed-file.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import type { SessionRow } from '../store/session-records.ts';
import { AppError } from './app-error.ts';
import { chosenPath } from './chosen-path.ts';
import { saveExport, type PickSavePath } from './save-export.ts';

type PackageChannel = Extract<ChannelName, `package:${string}`>;
type PackageHandlers = { [C in PackageChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface PackageDeps {
  store: ProfileStore;
  sessionOrThrow: (id: string) => SessionRow;
  pickSavePath: PickSavePath | undefined;
  /** The main process's open dialog for a package; absent where there is none. */
  pickPackage: (() => Promise<string | null>) | undefined;
  /** Whether the session's recording is still where it was imported from, unchanged. */
  checkedSource: (row: SessionRow) => Promise<SourceCheck>;
  /** A vision engine whose faces carry their landmarks, for de-identified clips. */
  startLandmarkEngine: () => Promise<VisionEngine>;
}

export function packageHandlers({ store, sessionOrThrow, pickSavePath, pickPackage, checkedSource, startLandmarkEngine }: PackageDeps): PackageHandlers {
  /** The clips asked for, from the session's recording (which must still be there, unchanged). */
  async function clipsOf(row: SessionRow, analysis: Analysis, markerIds: string[], deidentified: boolean): Promise<RecordingClips> {
    const chosen = chooseClipMarkers(analysis.markers, markerIds);
    if (typeof chosen === 'string') throw new AppError('invalid-request', chosen);
    if (!row.filePath) {
      throw new AppError('conflict', 'This session came in a review package without its recording, so no clips can be cut from it here. Its notes can be sent back without clips.');
    }
    const source = await checkedSource(row);
    if (source.status !== 'present') {
      throw new AppError('conflict', source.status === 'moved'
        ? `The recording "${row.fileName}" is no longer where it was imported from, so no clips can be cut. Locate it, then seal again.`
        : `The recording "${row.fileName}" has changed since it was imported, so no clips can be cut from it.`);
    }
    return recordingClips({ recording: row.filePath, analysis, markers: chosen, deidentified, startLandmarkEngine });
  }

  /**
   * A package of a session not in this library (a supervisor's first look): the session is added without
   * its recording — consent, analysis as sent, notes, clips — in one transaction, or not at all.
   */
  function receive(contents: PackageContents): PackageImportReport {
    const { analysis, consent, manifest } = contents;
    if (!consent) {
      throw new AppError('conflict', 'This package carries no record of the client’s consent, so it cannot be kept in your library. Ask for it to be sealed again from the app.');
    }
    if (!consent.purposes.includes('supervision')) {
      throw new AppError('conflict', 'The client’s consent in this package does not cover supervision, so it cannot be kept in a supervisor’s library.');
    }
    let added = 0;
    const sessionId = store.atomically(() => {
      const session = store.sessions.create({ filePath: '', fileName: analysis.source.file, sha256: analysis.source.sha256, sizeBytes: 0, mtimeMs: 0, durationSec: analysis.source.durationSec });
      const { recordedAt: _recordedHere, ...given } = consent;
      store.sessions.recordConsent(session.id, given);
      store.analyses.save(session.id, analysis, [], analysis.analysis.notes ?? []);
      // As in a merge, a note whose id another session already holds is not taken.
      for (const note of contents.notes?.notes ?? []) if (store.notes.put(session.id, note)) added++;
      store.received.record(session.id, { packageCreatedAt: manifest.createdAt, createdBy: manifest.createdBy }, contents.clips.map(({ clip, data }) => ({ ...clip, data })));
      return session.id;
    });
    return { sessionId, fileName: analysis.source.file, createdAt: manifest.createdAt, added, updated: 0, keptHere: 0, unchanged: 0, received: true };
  }

  return {
    'package:create': async ({ sessionId, passphrase, filePath, clipMarkerIds, deidentify = false }) => {
      const row = sessionOrThrow(sessionId);
      const consent = store.sessions.latestConsent(sessionId);
      if (!consent?.purposes.includes('supervision')) {
        throw new AppError('conflict', 'The client’s consent for this session does not cover supervision, so it cannot be packaged for a supervisor. Record a new consent that covers supervision first.');
      }
      const weak = packagePassphraseProblem(passphrase);
      if (weak) throw new AppError('invalid-request', weak);
      const analysis = store.analyses.load(sessionId);
      if (!analysis) throw new AppError('conflict', 'This session has not been analysed yet, so there is nothing to package.');
      const notes = notesFile(row.sha256, store.notes.list(sessionId), store.notice.latest(sessionId));
      const clips = clipMarkerIds ? await clipsOf(row, analysis, clipMarkerIds, deidentify) : null;
      const sealed = deidentify ? withoutNames(analysis, notes, consent) : { analysis, notes, consent };
      // A de-identified package is not named after the recording either.
      const suggestedName = deidentify ? 'for-supervision.attune' : `${basename(row.fileName, extname(row.fileName))}.attune`;
      try {
        await clips?.prepare();
        const path = await saveExport({ filePath, pickSavePath, suggestedName }, () => sealEntries(packageEntries(sealed.analysis, sealed.notes, sealed.consent, clips), passphrase), 'The review package');
        return path === null ? null : { path, clips: clips?.windows.length ?? 0, deidentified: deidentify };
      } finally {
        await clips?.close();
      }
    },

    'package:import': async ({ passphrase, filePath }) => {
      const path = await chosenPath(filePath, pickPackage);
      if (path === null) return null;
      let contents;
      try {
        contents = packageContents(await openSealedFile(path, passphrase), basename(path));
      } catch (error) {
        if (error instanceof PackageError) throw new AppError('failed', error.message);
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new AppError('failed', `${basename(path)} could not be read (${code}).`);
        throw error;
      }
      const row = store.sessions.findBySha256(contents.analysis.source.sha256);
      if (!row) return receive(contents);
      const merge = mergeNotes(store.notes.list(row.id), contents.notes?.notes ?? []);
      // Whatever the merge replaces can be had back from this backup.
      if (merge.write.length > 0) store.backUp();
      const written = merge.write.filter((note) => store.notes.put(row.id, note));
      const skipped = merge.write.length - written.length;
      return {
        sessionId: row.id,
        fileName: row.fileName,
        createdAt: contents.manifest.createdAt,
        added: merge.added - skipped,
        updated: merge.updated,
        keptHere: merge.keptHere,
        unchanged: merge.unchanged,
        received: false,
      };
    },
  };
}
