/**
 * Rating scales for the therapist's empathic responding. The default follows the observer-rated empathy
 * scales supervision and research already use — five levels from responses that miss or take away from
 * what the client expressed to ones that add to it, accurately and deeply (Carkhuff's levels of empathic
 * understanding; the 1–5 Empathy global of the MITI coding system) — with anchors in Attune's own words.
 * docs/ratings.md names the sources. A service may use its own scale: a JSON file, checked here.
 */

import { mean as meanOf } from '../fusion/robust.ts';

export interface ScaleLevel {
  value: number;
  label: string;
  /** What a response at this level sounds like. */
  anchor: string;
}

export interface RatingScale {
  /** Kept with every rating, so ratings made on another scale are never mixed up with these. */
  name: string;
  levels: ScaleLevel[];
}

export const DEFAULT_SCALE: RatingScale = {
  name: 'Attune empathic responding (1–5)',
  levels: [
    { value: 1, label: 'Misses', anchor: 'The response misses or takes away from what the client expressed, or moves away from it.' },
    { value: 2, label: 'Partly misses', anchor: 'The response notices the surface of what was said but leaves out or mislabels what mattered to the client.' },
    { value: 3, label: 'Matches', anchor: 'The response gives back essentially what the client expressed, accurately, neither adding nor taking away.' },
    { value: 4, label: 'Adds', anchor: 'The response conveys what the client expressed and reaches a little beyond it, to what was implied.' },
    { value: 5, label: 'Adds deeply', anchor: 'The response accurately grasps and deepens what the client expressed, including what they could not yet say.' },
  ],
};

export class ScaleError extends Error {
  override name = 'ScaleError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const words = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** A scale from a service's JSON text, or a ScaleError saying in one sentence what is wrong with it. */
export function parseScale(json: string): RatingScale {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ScaleError('it is not valid JSON');
  }
  if (!isObject(value)) throw new ScaleError('it must be an object with "name" and "levels"');
  if (!words(value.name, 80)) throw new ScaleError('"name" must be text of at most 80 characters');
  if (!Array.isArray(value.levels) || value.levels.length < 2 || value.levels.length > 10) {
    throw new ScaleError('"levels" must list 2 to 10 levels');
  }
  const levels = value.levels.map((level: unknown, i: number): ScaleLevel => {
    const where = `level ${i + 1}`;
    if (!isObject(level)) throw new ScaleError(`${where} must be an object with "value", "label" and "anchor"`);
    if (!Number.isInteger(level.value)) throw new ScaleError(`${where} needs a whole-number "value"`);
    if (!words(level.label, 40)) throw new ScaleError(`${where} needs a "label" of at most 40 characters`);
    if (!words(level.anchor, 300)) throw new ScaleError(`${where} needs an "anchor" of at most 300 characters`);
    return { value: level.value as number, label: level.label, anchor: level.anchor };
  });
  for (let i = 1; i < levels.length; i++) {
    if (levels[i]!.value <= levels[i - 1]!.value) throw new ScaleError('the levels\u2019 values must rise from the first to the last');
  }
  return { name: value.name, levels };
}

/** Mean and spread (sample SD) of a session's ratings; null when there are none (spread null below two). */
export function ratingSummary(values: readonly number[]): { count: number; mean: number; spread: number | null } | null {
  const mean = meanOf(values);
  if (mean === null) return null;
  const spread = values.length < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return { count: values.length, mean: Math.round(mean * 100) / 100, spread: spread === null ? null : Math.round(spread * 100) / 100 };
}
