/**
 * Who is the client and who the therapist, from the command line: `--client`/`--therapist` on
 * `attune analyze`, and `attune roles <analysis.json>` afterwards (lib/roles does the work for both and
 * for the app's "Who is who" screen).
 */
import { resolve } from 'node:path';
import type { Analysis, Role } from '../../lib/analysis/types.ts';
import { mergedRoles, reassignRoles, unknownPeople, withRoleNotes } from '../../lib/roles/assign-roles.ts';
import { speakingSummary } from '../../lib/speakers/speaking-time.ts';
import { readAnalysisFile } from '../export/read-analysis-file.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { analysisFileChunks } from '../pipeline/write-analysis.ts';
import { installNetworkGuard } from '../privacy/network-guard.ts';
import { UsageError } from './usage-error.ts';
import { parseCommandArgs } from './command-args.ts';

/** `--client p1 --therapist p2`: person ids as the analysis names them (p1, p2… for faces, v1 for a voice off camera). */
export function roleArguments(client: string | undefined, therapist: string | undefined): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const [flag, id, role] of [['--client', client, 'client'], ['--therapist', therapist, 'therapist']] as const) {
    if (id === undefined) continue;
    if (!/^[pv]\d+$/.test(id)) throw new UsageError(`${flag} takes a person id such as p1, p2 or v1 (a voice off camera), not "${id}".`);
    roles.set(id, role);
  }
  if (client !== undefined && client === therapist) throw new UsageError('--client and --therapist must be two different people.');
  return roles;
}

const idList = (analysis: Analysis): string => analysis.people.map((p) => p.id).join(', ') || 'no one';

/**
 * A fresh analysis with the roles named at analysis time. An id that is not in it is not an error here
 * (the analysis took minutes and is kept): it is returned so the user is told, and `attune roles` can fix it.
 */
export function withNamedRoles(analysis: Analysis, named: ReadonlyMap<string, Role>): { analysis: Analysis; warnings: string[] } {
  const unknown = new Set(unknownPeople(analysis, named));
  const known = new Map([...named].filter(([id]) => !unknown.has(id)));
  const warnings = [...unknown].map(
    (id) => `--${named.get(id)} ${id}: there is no such person in this recording (there are: ${idList(analysis)}), so it was not applied. Use "attune roles" to set it.`,
  );
  return { analysis: withRoleNotes(analysis, mergedRoles(analysis, known)), warnings };
}

export async function rolesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('attune roles', {
    args,
    allowPositionals: true,
    options: { client: { type: 'string' }, therapist: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  installNetworkGuard();
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new UsageError('attune roles takes exactly one analysis.json (or the folder holding it).');
  const named = roleArguments(values.client, values.therapist);
  if (named.size === 0) throw new UsageError('attune roles needs --client, --therapist or both.');
  const { analysis, file } = await readAnalysisFile(resolve(input));
  const unknown = unknownPeople(analysis, named);
  if (unknown.length > 0) {
    const which = unknown.map((id) => `"${id}"`).join(' and ');
    throw new UsageError(`${which} ${unknown.length === 1 ? 'is' : 'are'} not a person in ${file}; the people in it are ${idList(analysis)}. Nothing was changed.`, false);
  }
  const updated = reassignRoles(analysis, named);
  await writeAtomically(file, analysisFileChunks(updated), 'The analysis with its roles');
  if (!values.quiet) {
    const roles = updated.people.filter((p) => p.role !== 'unknown').map((p) => `${p.id} is the ${p.role}`);
    process.stderr.write(`Roles set: ${roles.join(', ')}. ${updated.markers.length} marker(s). ${speakingSummary(updated) ?? ''} Saved ${file}\n`);
  }
}
