/**
 * `attune package create|open`: a review package for a supervisor (docs/review-package.md). The
 * passphrase is read from a file (never an argument: arguments show in the process list and shell history).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Analysis } from '../../lib/analysis/types.ts';
import { chooseClipMarkers } from '../../lib/clips/clip-windows.ts';
import type { NotesFile } from '../../lib/export/notes-file.ts';
import { consentRecordParser, type ConsentRecord } from '../../lib/ipc/contract.ts';
import { sha256OfFile } from '../../models/manifest.ts';
import { defaultModelsDir } from '../../models/manifest.ts';
import { recordingClips, type RecordingClips } from '../clips/clip-source.ts';
import { withoutNames } from '../package/leave-out-names.ts';
import { startChromiumVision } from '../vision/headless/chromium-vision.ts';
import { verifiedVisionModels } from '../vision/vision-models.ts';
import { packagePassphraseProblem } from '../../lib/ipc/supervision-channels.ts';
import { checkOutputDir, OutputError, writeAtomically } from '../files/atomic-write.ts';
import { readAnalysisFile, readNotesFile } from '../export/read-analysis-file.ts';
import { PackageError } from '../package/format.ts';
import { ANALYSIS_ENTRY, CONSENT_ENTRY, NOTES_ENTRY, packageContents, packageEntries } from '../package/review-package.ts';
import { openSealedFile, sealEntries } from '../package/sealed-file.ts';
import { installNetworkGuard } from '../privacy/network-guard.ts';
import { UsageError } from './usage-error.ts';
import { parseCommandArgs } from './command-args.ts';

/** The passphrase file's first line (one trailing line end is not part of it). */
async function readPassphrase(path: string | undefined, creating: boolean): Promise<string> {
  if (!path) throw new UsageError('--passphrase-file <file> is needed: a file whose first line is the passphrase.');
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `There is no passphrase file at ${path}.` : `The passphrase file ${path} could not be read (${code ?? String(error)}).`, false);
  }
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  const weak = creating ? packagePassphraseProblem(passphrase) : null;
  if (weak) throw new UsageError(weak, false);
  if (passphrase.length === 0) throw new UsageError(`The passphrase file ${path} is empty.`, false);
  return passphrase;
}

/** The consent record file (as the app puts in packages); clips need one that covers supervision. */
async function readConsent(path: string): Promise<ConsentRecord> {
  let record: ConsentRecord;
  try {
    record = consentRecordParser(JSON.parse(await readFile(resolve(path), 'utf8')), 'consent');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      code === 'ENOENT' ? `There is no consent record at ${path}.` : `${path} is not a consent record Attune can read (docs/review-package.md shows one).`,
      false,
    );
  }
  if (!record.purposes.includes('supervision')) {
    throw new UsageError(`The consent in ${path} covers ${record.purposes.join(' and ')}, not supervision, so no clips of the session can be shared.`, false);
  }
  return record;
}

/** Clips need the recording itself (checked to be the one analysed) and consent that covers supervision. */
async function clipSource(analysis: Analysis, values: Record<string, unknown>): Promise<RecordingClips | null> {
  if (!values.clips) {
    if (values.recording || values.markers) throw new UsageError('--recording and --markers are for clips: add --clips.');
    return null;
  }
  if (!values.recording) throw new UsageError('--clips needs the recording the clips are cut from: --recording <file>.', false);
  if (!values.consent) throw new UsageError('--clips needs the client’s consent record, covering supervision: --consent <file>.', false);
  const recording = resolve(values.recording as string);
  const sha256 = await sha256OfFile(recording).catch(() => {
    throw new UsageError(`The recording ${values.recording as string} cannot be read.`, false);
  });
  if (sha256 !== analysis.source.sha256) {
    throw new UsageError(`${basename(recording)} is not the recording this analysis is of (${analysis.source.file}); nothing was sealed.`, false);
  }
  const ids = typeof values.markers === 'string' ? values.markers.split(',').map((id) => id.trim()).filter(Boolean) : null;
  const chosen = chooseClipMarkers(analysis.markers, ids);
  if (typeof chosen === 'string') throw new UsageError(chosen, false);
  const deidentified = values.deidentify === true;
  return recordingClips({
    recording,
    analysis,
    markers: chosen,
    deidentified,
    startLandmarkEngine: async () => {
      const models = await verifiedVisionModels(values.models ? resolve(values.models as string) : defaultModelsDir());
      return startChromiumVision({ models: models.files, faceLandmarks: true });
    },
    onClip: (window, i) => {
      if (!values.quiet) process.stderr.write(`${deidentified ? 'Drawing' : 'Cutting'} the clip of marker ${window.markerId} (${i + 1} of ${chosen.length})…\n`);
    },
  });
}

async function createPackage(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('attune package create', {
    args,
    allowPositionals: true,
    options: {
      'passphrase-file': { type: 'string' },
      notes: { type: 'string' },
      clips: { type: 'boolean', default: false },
      recording: { type: 'string' },
      consent: { type: 'string' },
      markers: { type: 'string' },
      deidentify: { type: 'boolean', default: false },
      models: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune package create takes exactly one analysis.json (or the folder holding it).');
  const passphrase = await readPassphrase(values['passphrase-file'], true);
  const { analysis, file } = await readAnalysisFile(resolve(input));
  const notes: NotesFile | null = values.notes ? await readNotesFile(resolve(values.notes), analysis) : null;
  const consent = values.consent ? await readConsent(values.consent) : null;
  const clips = await clipSource(analysis, values);
  const recording = basename(analysis.source.file, extname(analysis.source.file));
  const target = resolve(values.out ?? join(dirname(file), `${recording}.attune`));
  const sealed = values.deidentify ? withoutNames(analysis, notes, consent) : { analysis, notes, consent };
  try {
    await clips?.prepare();
    await writeAtomically(target, sealEntries(packageEntries(sealed.analysis, sealed.notes, sealed.consent, clips), passphrase), 'The review package');
  } finally {
    await clips?.close();
  }
  if (!values.quiet) {
    const { size } = await stat(target);
    const clipCount = clips ? ` and ${clips.windows.length} ${clips.deidentified ? 'de-identified ' : ''}clip(s)` : '';
    const left = values.deidentify ? ' Names and the file name were left out; read the notes’ text for names before sending.' : '';
    process.stderr.write(
      `Sealed ${analysis.markers.length} marker(s)${notes ? ` and ${notes.notes.length} note(s)` : ''}${clipCount} of ${analysis.source.file} into ${target} ` +
        `(${Math.max(1, Math.round(size / 1024))} KB). Send the passphrase another way than the package.${left}\n`,
    );
  }
}

async function openPackage(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('attune package open', {
    args,
    allowPositionals: true,
    options: { 'passphrase-file': { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune package open takes exactly one package.');
  if (!values.out) throw new UsageError('--out <folder> is needed: where the analysis and notes are written.');
  const passphrase = await readPassphrase(values['passphrase-file'], false);
  const path = resolve(input);
  await stat(path).catch(() => {
    throw new PackageError('not-a-package', `There is no file at ${path}.`);
  });
  // Everything is opened and checked before anything is written.
  const contents = packageContents(await openSealedFile(path, passphrase), basename(path));
  const outDir = resolve(values.out);
  const files: [string, unknown][] = [[ANALYSIS_ENTRY, contents.analysis]];
  if (contents.notes) files.push([NOTES_ENTRY, contents.notes]);
  if (contents.consent) files.push([CONSENT_ENTRY, contents.consent]);
  const names = [...files.map(([name]) => name), ...contents.clips.map((c) => c.clip.entry)];
  for (const name of names) {
    if (await stat(join(outDir, name)).then(() => true, () => false)) {
      throw new OutputError(`${outDir} already holds ${name}; nothing was written. Choose an empty folder.`);
    }
  }
  await checkOutputDir(outDir, 'The opened package');
  for (const [name, value] of files) await writeAtomically(join(outDir, name), [`${JSON.stringify(value, null, 2)}\n`], 'The opened package');
  if (contents.clips.length > 0) await checkOutputDir(join(outDir, 'clips'), 'The opened package');
  for (const { clip, data } of contents.clips) await writeAtomically(join(outDir, clip.entry), [data], 'The opened package');
  if (!values.quiet) {
    const notes = contents.notes ? ` and ${contents.notes.notes.length} note(s)` : '';
    const clips = contents.clips.length > 0 ? `, ${contents.clips.length} clip(s) in clips/` : '';
    process.stderr.write(`Opened ${basename(path)}: ${contents.analysis.markers.length} marker(s)${notes}${clips} of ${contents.analysis.source.file}, written to ${outDir}.\n`);
  }
}

export async function packageCommand(args: string[]): Promise<void> {
  installNetworkGuard();
  const [sub, ...rest] = args;
  if (sub === 'create') return createPackage(rest);
  if (sub === 'open') return openPackage(rest);
  throw new UsageError(sub ? `attune package knows "create" and "open", not "${sub}".` : 'attune package needs "create" or "open".');
}

