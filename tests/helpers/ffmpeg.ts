/** Makes test inputs from the shared media with the real ffmpeg (concatenations, silent videos, damage). */
import { execFileSync } from 'node:child_process';

export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}
