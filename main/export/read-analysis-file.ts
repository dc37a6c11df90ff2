/**
 * Reads an analysis.json for export and checks it is one, saying in words what is wrong when it is not
 * (missing, a folder without one, damaged, from a newer Attune). A folder is read as the folder
 * `attune analyze --out` wrote, so `attune export out` works.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis } from '../../lib/analysis/types.ts';
import { NotesFileError, parseNotesFile, type NotesFile } from '../../lib/export/notes-file.ts';

export class AnalysisFileError extends Error {
  override name = 'AnalysisFileError';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts every export reads; anything missing here would otherwise surface as a crash halfway through. */
function missingPart(value: Record<string, unknown>): string | null {
  const { source, analysis, tracks } = value;
  if (!isObject(source) || typeof source.file !== 'string' || typeof source.durationSec !== 'number') return 'the recording’s details';
  if (!isObject(analysis) || typeof analysis.createdAt !== 'string' || !Array.isArray(analysis.models)) return 'the analysis details';
  if (!Array.isArray(value.people)) return 'the list of people';
  if (!isObject(tracks) || !Array.isArray(tracks.face) || !Array.isArray(tracks.voice)) return 'the tracks';
  if (!Array.isArray(value.markers)) return 'the markers';
  return null;
}

export async function readAnalysisFile(path: string): Promise<{ analysis: Analysis; file: string }> {
  let file = path;
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, 'analysis.json');
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AnalysisFileError(file === path ? `There is no file at ${path}.` : `The folder ${path} has no analysis.json in it.`);
    if (code === 'EACCES' || code === 'EPERM') throw new AnalysisFileError(`Attune is not allowed to read ${file}.`);
    throw new AnalysisFileError(`${file} could not be read (${code ?? String(error)}).`);
  }
  return { analysis: parseAnalysisText(text, file), file };
}

/** An analysis.json's text, checked; `name` says where it came from in the sentence when it is not one. */
export function parseAnalysisText(text: string, name: string): Analysis {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AnalysisFileError(`${name} is damaged or cut short: it is not complete JSON. Analyse the recording again to get a new one.`);
  }
  if (!isObject(value) || value.format !== 'attune-analysis') throw new AnalysisFileError(`${name} is not an Attune analysis file.`);
  if (value.version !== 1) {
    throw new AnalysisFileError(`${name} was written by a newer version of Attune (format version ${String(value.version)}); update Attune to export it.`);
  }
  const missing = missingPart(value);
  if (missing) throw new AnalysisFileError(`${name} is damaged: ${missing} are missing or unreadable. Analyse the recording again to get a new one.`);
  return value as unknown as Analysis;
}

/** A notes file exported from the app, checked, and made for the same recording as `analysis`. */
export async function readNotesFile(path: string, analysis: Analysis): Promise<NotesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new NotesFileError(code === 'ENOENT' ? `There is no notes file at ${path}.` : `${path} could not be read (${code ?? String(error)}).`);
  }
  return notesForAnalysis(text, path, analysis);
}

/** A notes file's text, checked, and made for the same recording as `analysis`. */
export function notesForAnalysis(text: string, name: string, analysis: Analysis): NotesFile {
  const notes = parseNotesFile(text, name);
  if (notes.recording.sha256 !== analysis.source.sha256) {
    throw new NotesFileError(`${name} holds the notes of another recording than ${analysis.source.file}, so they were not added.`);
  }
  return notes;
}
