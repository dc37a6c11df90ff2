/**
 * Pure readers of ffmpeg's stderr when it runs with `-loglevel level+info`, so every line is tagged with
 * its level. Kept pure and tested on captured lines: the decoder trusts frame times only from here.
 */

export type LogLevel = 'fatal' | 'error' | 'warning' | 'info' | 'other';

const LEVEL = /\[(fatal|error|warning|info|verbose|debug|trace|panic)\]/;

export function logLevel(line: string): LogLevel {
  const level = LEVEL.exec(line)?.[1];
  if (level === 'panic') return 'fatal';
  if (level === 'fatal' || level === 'error' || level === 'warning' || level === 'info') return level;
  return 'other';
}

export interface ShowinfoFrame {
  /** Presentation time in seconds, as ffmpeg computed it from the stream's timestamps. */
  ptsTime: number;
  width: number;
  height: number;
}

const SHOWINFO_FRAME = /Parsed_showinfo_\d+ @ [^\]]*\] (?:\[info\] )?n:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(\S+).*?\ss:(\d+)x(\d+)/;

/** The per-frame line of the showinfo filter, or null for any other line (config, side data, …). */
export function parseShowinfoFrame(line: string): ShowinfoFrame | null {
  const match = SHOWINFO_FRAME.exec(line);
  if (!match) return null;
  const ptsTime = Number(match[1]);
  const width = Number(match[2]);
  const height = Number(match[3]);
  if (!Number.isFinite(ptsTime) || width <= 0 || height <= 0) return null;
  return { ptsTime, width, height };
}

/** Splits a growing stderr text into complete lines; returns them and the unfinished rest. */
export function splitLines(buffered: string): { lines: string[]; rest: string } {
  const parts = buffered.split(/\r?\n|\r/);
  const rest = parts.pop() ?? '';
  return { lines: parts.filter((line) => line.length > 0), rest };
}
