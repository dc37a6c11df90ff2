/** How Attune writes media times: on the review screen, in marker wording and in exports. */

/** WebVTT's cue time, hh:mm:ss.ttt (hours always present, so players never misread minutes). */
export function vttTime(sec: number): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** The clock a clinician reads on a player: "4:05" or "1:02:07", to the second. */
export function playerTime(sec: number): string {
  const whole = Math.max(0, Math.round(sec));
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A readable clock for labels and screen readers: 1:02:03, 12:04, 0:07.5 when zoomed close. */
export function formatClock(tSec: number, withTenths = false): string {
  const safe = Math.max(0, tSec);
  const hours = Math.floor(safe / 3600);
  const minutes = Math.floor((safe % 3600) / 60);
  const seconds = safe % 60;
  const secText = withTenths ? seconds.toFixed(1).padStart(4, '0') : String(Math.floor(seconds)).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secText}` : `${minutes}:${secText}`;
}

/** "0:09.6–0:12.1", to a tenth of a second: a stretch of the recording in words. */
export function clockRange(fromSec: number, toSec: number): string {
  return `${formatClock(fromSec, true)}–${formatClock(toSec, true)}`;
}

/**
 * A time typed by a clinician, in seconds: "12:30", "12:30.5", "1:02:07" or plain seconds ("75.5");
 * null for anything else (minutes and seconds after the first part must be below 60).
 */
export function parseClock(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  if (parts.slice(0, -1).some((p) => p.includes('.'))) return null;
  const values = parts.map(Number);
  if (values.slice(1).some((v) => v >= 60)) return null;
  return values.reduce((total, v) => total * 60 + v, 0);
}
