/** What taking a review package in did, in words (the review's panel and the library's form say the same). */
import type { PackageImportReport } from '../../lib/ipc/supervision-channels.ts';
import { dateWords } from '../app/format.ts';

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function importWords(report: PackageImportReport): string {
  if (report.received) {
    return `Added “${report.fileName}” from the package of ${dateWords(report.createdAt)} to your sessions, with ${plural(report.added, 'note', 'notes')}. Its recording is not on this computer.`;
  }
  const parts = [
    `${plural(report.added, 'note', 'notes')} added`,
    `${plural(report.updated, 'note', 'notes')} replaced by a later edit`,
    `${plural(report.keptHere, 'note', 'notes')} kept as you had them (edited here later)`,
  ];
  return `From the package of ${dateWords(report.createdAt)} for “${report.fileName}”: ${parts.join(', ')}.`;
}
