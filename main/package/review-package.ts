/**
 * What a review package holds (docs/review-package.md): a manifest, the analysis, and the notes file
 * when there are notes — sealed with a passphrase (sealed-file.ts). Opening checks the contents as
 * `attune export` checks its inputs, so a package that opens is one every export can read.
 */
import type { Analysis } from '../../lib/analysis/types.ts';
import { clipEntryName, type ClipWindow } from '../../lib/clips/clip-windows.ts';
import { NotesFileError, type NotesFile } from '../../lib/export/notes-file.ts';
import { AnalysisFileError, notesForAnalysis, parseAnalysisText } from '../export/read-analysis-file.ts';
import { APP_NAME_AND_VERSION } from '../pipeline/version.ts';
import { PackageError, type PackageEntry } from './format.ts';
import { consentRecordParser, type ConsentRecord } from '../../lib/ipc/contract.ts';

export const MANIFEST_ENTRY = 'manifest.json';
export const ANALYSIS_ENTRY = 'analysis.json';
export const NOTES_ENTRY = 'notes.json';
export const CONSENT_ENTRY = 'consent.json';
const CONTENTS_VERSION = 1;

export interface PackageManifest {
  format: 'attune-review-package-contents';
  version: number;
  createdAt: string;
  createdBy: string;
  /** The recording the analysis is of, by its fingerprint. */
  recording: { sha256: string };
  entries: string[];
  /** Short clips around chosen markers (only when the consent covers supervision); absent when none. */
  clips?: PackageClip[];
}

export interface PackageClip extends ClipWindow {
  entry: string;
  /** True when the clip shows a drawing of the landmarks and a pitch-shifted voice instead of the recording. */
  deidentified: boolean;
}

/** Where a package's clips come from: made one at a time while the package is sealed, so memory holds one. */
export interface ClipSource {
  windows: ClipWindow[];
  deidentified: boolean;
  make(window: ClipWindow): Promise<Uint8Array>;
}

export interface PackageContents {
  manifest: PackageManifest;
  analysis: Analysis;
  notes: NotesFile | null;
  /** The client's consent as recorded in the library the package came from (packages made by the app). */
  consent: ConsentRecord | null;
  clips: { clip: PackageClip; data: Uint8Array }[];
}

const json = (value: unknown): Uint8Array => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export async function* packageEntries(
  analysis: Analysis,
  notes: NotesFile | null,
  consent: ConsentRecord | null = null,
  clips: ClipSource | null = null,
  now = new Date(),
): AsyncGenerator<PackageEntry> {
  const files: PackageEntry[] = [{ name: ANALYSIS_ENTRY, data: json(analysis) }];
  if (notes) files.push({ name: NOTES_ENTRY, data: json(notes) });
  if (consent) files.push({ name: CONSENT_ENTRY, data: json(consent) });
  const clipList: PackageClip[] = (clips?.windows ?? []).map((w) => ({ ...w, entry: clipEntryName(w.markerId), deidentified: clips!.deidentified }));
  const manifest: PackageManifest = {
    format: 'attune-review-package-contents',
    version: CONTENTS_VERSION,
    createdAt: now.toISOString(),
    createdBy: APP_NAME_AND_VERSION,
    recording: { sha256: analysis.source.sha256 },
    entries: [...files.map((f) => f.name), ...clipList.map((c) => c.entry)],
    ...(clipList.length > 0 ? { clips: clipList } : {}),
  };
  yield { name: MANIFEST_ENTRY, data: json(manifest) };
  yield* files;
  for (const [i, clip] of clipList.entries()) yield { name: clip.entry, data: await clips!.make(clips!.windows[i]!) };
}

const isClip = (c: unknown): c is PackageClip => {
  const v = c as Partial<PackageClip> | null;
  return typeof v?.entry === 'string' && /^clips\/[A-Za-z0-9_-]+\.mp4$/.test(v.entry) && typeof v.markerId === 'string' &&
    Number.isFinite(v.startSec) && Number.isFinite(v.endSec) && typeof v.deidentified === 'boolean';
};

/** The contents of an opened package, checked; a PackageError when they are not what a package holds. */
export function packageContents(entries: readonly PackageEntry[], name: string): PackageContents {
  const wrong = (why: string) => new PackageError('damaged', `${name} opened, but ${why}, so nothing was taken from it.`);
  const text = (entry: string): string | null => {
    const found = entries.find((e) => e.name === entry);
    return found ? Buffer.from(found.data).toString('utf8') : null;
  };
  const manifestText = text(MANIFEST_ENTRY);
  if (manifestText === null) throw wrong('it has no list of contents');
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(manifestText) as PackageManifest;
  } catch {
    throw wrong('its list of contents is not readable');
  }
  if (manifest?.format !== 'attune-review-package-contents' || !Number.isInteger(manifest.version)) throw wrong('its list of contents is not readable');
  if (manifest.version > CONTENTS_VERSION) {
    throw new PackageError('newer', `${name} holds contents from a newer version of Attune (version ${manifest.version}). Update Attune to open it.`);
  }
  const analysisText = text(ANALYSIS_ENTRY);
  if (analysisText === null) throw wrong('it holds no analysis');
  try {
    const analysis = parseAnalysisText(analysisText, `the analysis in ${name}`);
    if (analysis.source.sha256 !== manifest.recording?.sha256) throw wrong('its analysis is of another recording than its list of contents says');
    const notesText = text(NOTES_ENTRY);
    const notes = notesText === null ? null : notesForAnalysis(notesText, `the notes in ${name}`, analysis);
    const consentText = text(CONSENT_ENTRY);
    let consent: ConsentRecord | null = null;
    try {
      if (consentText !== null) consent = consentRecordParser(JSON.parse(consentText), CONSENT_ENTRY);
    } catch {
      throw wrong('its consent record is not complete');
    }
    const listed = manifest.clips ?? [];
    if (!Array.isArray(listed) || !listed.every(isClip)) throw wrong('its list of clips is not readable');
    const clips = listed.map((clip) => {
      const found = entries.find((e) => e.name === clip.entry);
      if (!found) throw wrong(`the clip ${clip.entry} its list of contents names is missing`);
      return { clip, data: found.data };
    });
    return { manifest, analysis, notes, consent, clips };
  } catch (error) {
    if (error instanceof AnalysisFileError || error instanceof NotesFileError) {
      throw new PackageError('damaged', `${name} opened, but what it holds cannot be used, so nothing was taken from it: ${error.message}`);
    }
    throw error;
  }
}

