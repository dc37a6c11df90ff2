/**
 * JSON text in pieces, so a long session's analysis (over a million numbers for an hour) is written
 * as it is produced instead of being built as one giant string first. Joined, the pieces are exactly
 * `JSON.stringify(value, replacer)` for plain data (objects, arrays, strings, numbers, booleans, null)
 * with a replacer that only looks at the value — the analysis file's byte-for-byte determinism
 * depends on that, and the tests check it.
 */
export type ValueReplacer = (key: string, value: unknown) => unknown;

/** Arrays of plain values are cut into runs this long; each run is one JSON.stringify call. */
const RUN = 4096;

function isPlainLeaf(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

export function* jsonChunks(value: unknown, replacer: ValueReplacer): Generator<string> {
  yield* replacedChunks(replacer('', value), replacer);
}

/** `value` has been through the replacer already; its children have not. */
function* replacedChunks(value: unknown, replacer: ValueReplacer): Generator<string> {
  if (isPlainLeaf(value)) {
    // undefined, a function or a symbol stand as null where JSON.stringify would put one (arrays); objects skip them below.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let start = 0; start < value.length; start += RUN) {
      if (start > 0) yield ',';
      const run = value.slice(start, start + RUN);
      if (run.every(isPlainLeaf)) {
        yield JSON.stringify(run, replacer).slice(1, -1);
        continue;
      }
      for (const [i, item] of run.entries()) {
        if (i > 0) yield ',';
        yield* replacedChunks(replacer(String(start + i), item), replacer);
      }
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    const shown = replacer(name, item);
    if (shown === undefined || typeof shown === 'function' || typeof shown === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(name)}:`;
    first = false;
    yield* replacedChunks(shown, replacer);
  }
  yield '}';
}
