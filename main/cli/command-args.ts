/**
 * One way every command reads its arguments: Node's parseArgs, with its mistakes turned into a sentence
 * a clinician can act on and exit 2 (wrong usage), instead of parseArgs' programmer's wording and exit 1.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** The first option named in one of parseArgs' messages ('--foo', '-z'). */
function optionIn(message: string): string {
  return /'(--?[^'\s<]+)/.exec(message)?.[1] ?? 'an option';
}

/** parseArgs' error as a UsageError naming the command and the option. */
export function usageErrorFor(command: string, error: unknown): unknown {
  const { code, message } = error as { code?: string; message?: string };
  if (typeof message !== 'string') return error;
  const option = optionIn(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`"${option}" is not an option of ${command}.`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`${command} takes no file or word here, only options: "${/'([^']*)'/.exec(message)?.[1] ?? ''}" is one too many.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return new UsageError(`${option} takes no value.`);
    return new UsageError(`${option} needs a value after it (to give one that starts with "-", write ${option}=<value>).`);
  }
  return error;
}

/** parseArgs for `command` (e.g. "attune analyze"); any mistake in the arguments is a UsageError. */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw usageErrorFor(command, error);
  }
}

/** `--help` or `-h` anywhere after a command asks for the usage, as it does before one. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
