/** Makes test inputs from the shared media with the real ffmpeg (concatenations, silent videos, damage). */
import { execFileSync } from 'node:child_process';

export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The container's duration in seconds, as ffprobe reads it. */
export function durationOf(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }));
}
