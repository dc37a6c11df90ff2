/**
 * `attune package create|open`: a review package for a supervisor (docs/review-package.md). The
 * passphrase is read from a file (never an argument: arguments show in the process list and shell history).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { NotesFile } from '../../lib/export/notes-file.ts';
import { packagePassphraseProblem } from '../../lib/ipc/supervision-channels.ts';
import { checkOutputDir, OutputError, writeAtomically } from '../files/atomic-write.ts';
import { readAnalysisFile, readNotesFile } from '../export/read-analysis-file.ts';
import { PackageError } from '../package/format.ts';
import { ANALYSIS_ENTRY, CONSENT_ENTRY, NOTES_ENTRY, packageContents, packageEntries } from '../package/review-package.ts';
import { openSealedFile, sealEntries } from '../package/sealed-file.ts';
import { installNetworkGuard } from '../privacy/network-guard.ts';
import { UsageError } from './usage-error.ts';

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

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function createPackage(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    'passphrase-file': { type: 'string' },
    notes: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune package create takes exactly one analysis.json (or the folder holding it).');
  const passphrase = await readPassphrase(values['passphrase-file'] as string | undefined, true);
  const { analysis, file } = await readAnalysisFile(resolve(input));
  const notes: NotesFile | null = values.notes ? await readNotesFile(resolve(values.notes as string), analysis) : null;
  const recording = basename(analysis.source.file, extname(analysis.source.file));
  const target = resolve((values.out as string | undefined) ?? join(dirname(file), `${recording}.attune`));
  await writeAtomically(target, sealEntries(packageEntries(analysis, notes), passphrase), 'The review package');
  if (!values.quiet) {
    const { size } = await stat(target);
    process.stderr.write(
      `Sealed ${analysis.markers.length} marker(s)${notes ? ` and ${notes.notes.length} note(s)` : ''} of ${analysis.source.file} into ${target} ` +
        `(${Math.max(1, Math.round(size / 1024))} KB). Send the passphrase another way than the package.\n`,
    );
  }
}

async function openPackage(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    'passphrase-file': { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune package open takes exactly one package.');
  if (!values.out) throw new UsageError('--out <folder> is needed: where the analysis and notes are written.');
  const passphrase = await readPassphrase(values['passphrase-file'] as string | undefined, false);
  const path = resolve(input);
  await stat(path).catch(() => {
    throw new PackageError('not-a-package', `There is no file at ${path}.`);
  });
  // Everything is opened and checked before anything is written.
  const contents = packageContents(await openSealedFile(path, passphrase), basename(path));
  const outDir = resolve(values.out as string);
  const files: [string, unknown][] = [[ANALYSIS_ENTRY, contents.analysis]];
  if (contents.notes) files.push([NOTES_ENTRY, contents.notes]);
  if (contents.consent) files.push([CONSENT_ENTRY, contents.consent]);
  for (const [name] of files) {
    if (await stat(join(outDir, name)).then(() => true, () => false)) {
      throw new OutputError(`${outDir} already holds ${name}; nothing was written. Choose an empty folder.`);
    }
  }
  await checkOutputDir(outDir, 'The opened package');
  for (const [name, value] of files) await writeAtomically(join(outDir, name), [`${JSON.stringify(value, null, 2)}\n`], 'The opened package');
  if (!values.quiet) {
    const notes = contents.notes ? ` and ${contents.notes.notes.length} note(s)` : '';
    process.stderr.write(`Opened ${basename(path)}: ${contents.analysis.markers.length} marker(s)${notes} of ${contents.analysis.source.file}, written to ${outDir}.\n`);
  }
}

export async function packageCommand(args: string[]): Promise<void> {
  installNetworkGuard();
  const [sub, ...rest] = args;
  if (sub === 'create') return createPackage(rest);
  if (sub === 'open') return openPackage(rest);
  throw new UsageError(sub ? `attune package knows "create" and "open", not "${sub}".` : 'attune package needs "create" or "open".');
}

