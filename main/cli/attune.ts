/**
 * The `attune` command line: analyze, roles, export, package and models (USAGE below).
 * Progress goes to stderr; errors are one line in plain words with a non-zero exit code.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { defaultModelsDir, ModelError } from '../../models/manifest.ts';
import { fetchModels } from '../../models/fetch-models.ts';
import { EXPORT_FORMATS, EXPORT_SUFFIX, FORMATS_WITH_NOTES, isExportFormat } from '../../lib/export/format-names.ts';
import { NO_REVIEW_WORK, NotesFileError } from '../../lib/export/notes-file.ts';
import { exportAnalysis } from '../export/export-analysis.ts';
import { AnalysisFileError, readAnalysisFile, readNotesFile } from '../export/read-analysis-file.ts';
import { MediaError } from '../media/media-error.ts';
import { installNetworkGuard } from '../privacy/network-guard.ts';
import { analyzeFile } from '../pipeline/analyze.ts';
import { isFaceCount, MAX_FACES_LIMIT } from '../../lib/vision/page-params.ts';
import type { ResumeReport } from '../pipeline/types.ts';
import { APP_NAME_AND_VERSION } from '../pipeline/version.ts';
import { checkOutputDir, OutputError, removeInterruptedWrites } from '../files/atomic-write.ts';
import { CHECKPOINT_FOLDER, folderCheckpoints } from '../pipeline/resume/folder-checkpoints.ts';
import { writeAnalysisAtomically } from '../pipeline/write-analysis.ts';
import { playerTime } from '../../lib/time/clock.ts';
import { speakingSummary } from '../../lib/speakers/speaking-time.ts';
import { progressLine } from './progress-line.ts';
import { roleArguments, rolesCommand, withNamedRoles } from './roles.ts';
import { packageCommand } from './package.ts';
import { PackageError, type PackageProblem } from '../package/format.ts';
import { UsageError } from './usage-error.ts';
import { asksForHelp, parseCommandArgs } from './command-args.ts';

const USAGE = `Usage:
  attune analyze <recording> [--out <folder>] [--resume] [--people <n>] [--client <id>] [--therapist <id>] [--fps <n>] [--max-side <px>] [--workers <n>] [--models <folder>] [--quiet]
      Analyses a session recording on this computer and writes <folder>/analysis.json (default folder: ./out).
      --people: how many people to follow (default 2, client and therapist; up to ${MAX_FACES_LIMIT} for a couple or a family).
      Progress is saved in <folder>/.attune-resume as it goes; after a crash or Ctrl-C, --resume carries
      on from there (same recording and settings) with the same results as a run straight through.
      --client / --therapist name the people by id (p1, p2… faces in the order first seen, v1 a voice
      off camera); markers are then the client's, with what the therapist was doing as the reasons.
  attune roles <analysis.json | folder> [--client <id>] [--therapist <id>] [--quiet]
      Sets who is the client and who the therapist in an analysis already made, and finds its markers
      again from the stored tracks (seconds: nothing is decoded). An id not in the file is an error (exit 2).
  attune export <analysis.json | folder> --format <format> [--notes <file>] [--out <file>] [--quiet]
      Writes the analysis for other tools; <format> is one of: eaf (ELAN), csv (per frame, OpenFace-style
      columns), markers-csv, vtt (captions for any video player), html or pdf (the session report),
      notes-csv. --notes adds the notes and ratings exported from the app (to eaf, html, pdf, notes-csv).
      Default file: beside analysis.json, named after the recording.
  attune package create <analysis.json | folder> --passphrase-file <file> [--notes <file>] [--consent <file>]
                        [--clips --recording <file> [--markers <id,id…>]] [--deidentify [--models <folder>]]
                        [--out <file>] [--quiet]
      Seals the analysis (and the notes exported from the app) into one encrypted file for a supervisor
      (default: beside analysis.json, <recording>.attune). The passphrase is the first line of the file,
      at least 10 characters; send it another way than the package. --clips adds a short clip around
      each marker (or those named), cut from the recording; it needs --consent, the client's consent
      record, covering supervision. --deidentify draws the clips from the face and body landmarks
      (no video pixels), shifts the voice's pitch, and leaves out the file name and people's names.
  attune package open <package> --passphrase-file <file> --out <folder> [--quiet]
      Checks and opens a package: writes analysis.json (and notes.json, consent.json, clips/) into the
      folder, or nothing.
  attune models [--models <folder>] [--best-effort]
      Downloads the model files (the only command that uses the network) and checks them.
  attune --version | --help

Environment: ATTUNE_MODELS_DIR (model folder), FFMPEG_PATH / FFPROBE_PATH, ATTUNE_CHROMIUM_PATH (browser used for face analysis).
Exit codes: 0 done, 1 unexpected error, 2 wrong usage, 3 the recording cannot be analysed, 4 model files missing or damaged,
5 results could not be saved, 6 the analysis or notes file cannot be read, 7 wrong passphrase, 8 not a package, or damaged
or changed, 9 a package from a newer Attune, 130 cancelled.`;

const PACKAGE_EXIT: Record<PackageProblem, number> = { 'wrong-passphrase': 7, 'not-a-package': 8, damaged: 8, newer: 9 };

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a positive number, not "${value}".`);
  return n;
}

/** "Resuming: faces and bodies analysed up to 5:00 and the voice are kept from the interrupted run." */
function resumeLine(report: ResumeReport): string {
  const kept = [
    ...(report.visionSec > 0 ? [`faces and bodies analysed up to ${playerTime(report.visionSec)}`] : []),
    ...(report.voice ? ['the voice analysis'] : []),
  ];
  return kept.length > 0 ? `Resuming: ${kept.join(' and ')} kept from the interrupted run.` : 'Resuming: the interrupted run had not saved anything yet, so the analysis starts from the beginning.';
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof MediaError) return 3;
  if (error instanceof ModelError) return 4;
  if (error instanceof OutputError) return 5;
  if (error instanceof AnalysisFileError || error instanceof NotesFileError) return 6;
  if (error instanceof PackageError) return PACKAGE_EXIT[error.problem];
  return 1;
}

async function analyzeCommand(args: string[], signal: AbortSignal): Promise<void> {
  const { values, positionals } = parseCommandArgs('attune analyze', {
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'out' },
      fps: { type: 'string' },
      'max-side': { type: 'string' },
      workers: { type: 'string' },
      people: { type: 'string' },
      models: { type: 'string' },
      client: { type: 'string' },
      therapist: { type: 'string' },
      resume: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  installNetworkGuard();
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune analyze takes exactly one recording.');
  const named = roleArguments(values.client, values.therapist);
  const visionFps = positiveNumber(values.fps, '--fps');
  const visionMaxSide = positiveNumber(values['max-side'], '--max-side');
  const visionWorkers = positiveNumber(values.workers, '--workers');
  const people = values.people === undefined ? undefined : Number(values.people);
  if (people !== undefined && !isFaceCount(people)) {
    throw new UsageError(`--people needs a whole number from 1 to ${MAX_FACES_LIMIT}, not "${values.people}".`);
  }
  // Every argument is checked before anything is made on disk.
  const outDir = resolve(values.out);
  await checkOutputDir(outDir);
  const target = join(outDir, 'analysis.json');
  // A write killed half-way (power cut) left a temporary file; the finished analysis.json, if any, is whole.
  await removeInterruptedWrites(target);
  const checkpoints = folderCheckpoints(outDir);
  const live = process.stderr.isTTY && !values.quiet;
  let lastPrinted = -1;
  const started = performance.now();
  const result = await analyzeFile(resolve(input), {
    modelsDir: values.models ? resolve(values.models) : defaultModelsDir(),
    ...(visionFps ? { visionFps } : {}),
    ...(visionMaxSide ? { visionMaxSide: Math.round(visionMaxSide) } : {}),
    ...(visionWorkers ? { visionWorkers: Math.round(visionWorkers) } : {}),
    ...(people ? { people } : {}),
    signal,
    checkpoints: {
      store: checkpoints,
      resume: values.resume,
      onResume: (report) => {
        if (values.quiet || !values.resume) return;
        if (report.note) process.stderr.write(`Note: ${report.note}\n`);
        else process.stderr.write(`${resumeLine(report)}\n`);
      },
    },
    onProgress: (progress) => {
      if (values.quiet) return;
      if (live) process.stderr.write(`\r${progressLine(progress)}\x1b[K`);
      else {
        // Not a terminal (a log file, CI): one line per tenth instead of redrawing.
        const tenth = Math.floor(progress.overall * 10);
        if (tenth > lastPrinted) {
          lastPrinted = tenth;
          process.stderr.write(`${progressLine(progress)}\n`);
        }
      }
    },
  }).catch(async (error: unknown) => {
    // Cancelled: what was analysed stays for --resume. Failed: the recording cannot be analysed, so nothing stays.
    if (signal.aborted) process.stderr.write(`\nWhat was analysed so far is kept in ${join(outDir, CHECKPOINT_FOLDER)}: run the same command with --resume to carry on.\n`);
    else await checkpoints.clear();
    throw error;
  });
  if (live) process.stderr.write('\n');
  const { analysis, warnings } = withNamedRoles(result.analysis, named);
  const path = await writeAnalysisAtomically(analysis, outDir);
  await checkpoints.clear();
  for (const warning of warnings) process.stderr.write(`Note: ${warning}\n`);
  if (!values.quiet) {
    for (const note of analysis.analysis.notes ?? []) process.stderr.write(`Note: ${note}\n`);
    const { markers, source } = analysis;
    const took = (performance.now() - started) / 1000;
    process.stderr.write(
      `Analysed ${basename(input)} (${playerTime(source.durationSec)}) in ${playerTime(took)}: ` +
        `${analysis.people.length} person(s), ${markers.length} marker(s). ${speakingSummary(analysis) ?? 'No one spoke.'} Saved ${path}\n`,
    );
  }
}

async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('attune export', {
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, notes: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  installNetworkGuard();
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune export takes exactly one analysis.json (or the folder holding it).');
  const format = values.format;
  if (!format || !isExportFormat(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, not "${format}"` : ''}.`);
  }
  const { analysis, file } = await readAnalysisFile(resolve(input));
  if (format === 'notes-csv' && !values.notes) throw new UsageError('--format notes-csv needs the notes file exported from the app: --notes <file>.');
  if (values.notes && !FORMATS_WITH_NOTES.includes(format)) {
    throw new UsageError(`Notes go into ${FORMATS_WITH_NOTES.join(', ')}; --format ${format} has no place for them.`);
  }
  const work = values.notes ? await readNotesFile(resolve(values.notes), analysis) : NO_REVIEW_WORK;
  const recording = basename(analysis.source.file, extname(analysis.source.file));
  const target = resolve(values.out ?? join(dirname(file), `${recording}${EXPORT_SUFFIX[format]}`));
  await exportAnalysis(analysis, format, target, work);
  if (!values.quiet) {
    const withNotes = values.notes ? ` and ${work.notes.length} note(s)` : '';
    process.stderr.write(`Exported ${analysis.markers.length} marker(s)${withNotes} of ${analysis.source.file} as ${format}: ${target}\n`);
  }
}

async function modelsCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs('attune models', { args, options: { models: { type: 'string' }, 'best-effort': { type: 'boolean', default: false } } });
  const dir = values.models ? resolve(values.models) : defaultModelsDir();
  try {
    await fetchModels(dir, (line) => process.stderr.write(`${line}\n`));
  } catch (error) {
    // `npm install` tries once; offline it says how to finish later instead of failing the install.
    if (!values['best-effort'] || !(error instanceof ModelError)) throw error;
    process.stderr.write(`attune: the face model could not be downloaded now (${error.message}) Run "npm run models" when online, or set ATTUNE_MODELS_DIR.\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
    controller.abort(new Error('cancelled'));
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  // Started by bin/attune.mjs's launcher (Linux): if it is killed, its channel closes; stop as on Ctrl-C.
  process.channel?.unref();
  process.on('disconnect', onInterrupt);
  try {
    const [command, ...rest] = argv;
    if (command && asksForHelp(rest)) process.stdout.write(`${USAGE}\n`);
    else if (command === 'analyze') await analyzeCommand(rest, controller.signal);
    else if (command === 'export') await exportCommand(rest);
    else if (command === 'roles') await rolesCommand(rest);
    else if (command === 'package') await packageCommand(rest);
    else if (command === 'models') await modelsCommand(rest);
    else if (command === '--version' || command === '-v') process.stdout.write(`${APP_NAME_AND_VERSION}\n`);
    else if (command === '--help' || command === '-h' || command === 'help') process.stdout.write(`${USAGE}\n`);
    else throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write('Cancelled. No results were saved.\n');
      process.exitCode = 130;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`attune: ${message}\n`);
    if (error instanceof UsageError && error.showUsage) process.stderr.write(`${USAGE}\n`);
    else if (process.env.ATTUNE_DEBUG && error instanceof Error) {
      // The engine's own words (a wasm abort, a crashed renderer) are for bug reports, never the message.
      process.stderr.write(`${error.stack}\n${error.cause instanceof Error ? `caused by: ${error.cause.stack}\n` : ''}`);
    }
    process.exitCode = exitCodeFor(error);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    process.off('disconnect', onInterrupt);
  }
}

await main(process.argv.slice(2));
