/**
 * JSON for checkpoints that gives back exactly what was saved, so a resumed analysis computes the same
 * bytes as one that ran through: plain JSON turns NaN into null, drops the sign of -0 and turns typed
 * arrays into objects. Those are written as small tagged objects instead ({"$n": "NaN"}, {"$f32": base64}).
 */

type TypedArrayName = 'f32' | 'f64' | 'u16' | 'u8';
const TYPED: Record<TypedArrayName, { new (buffer: ArrayBuffer): ArrayLike<number> }> = {
  f32: Float32Array,
  f64: Float64Array,
  u16: Uint16Array,
  u8: Uint8Array,
};

function typedName(value: unknown): TypedArrayName | null {
  if (value instanceof Float32Array) return 'f32';
  if (value instanceof Float64Array) return 'f64';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Uint8Array) return 'u8';
  return null;
}

function toBase64(view: ArrayBufferView): string {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

function fromBase64(kind: TypedArrayName, text: string): ArrayLike<number> {
  const bytes = Buffer.from(text, 'base64');
  // A fresh, aligned buffer: Buffer.from may hand back a slice of a shared pool at any offset.
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new TYPED[kind](copy);
}

export function checkpointStringify(value: unknown): string {
  return JSON.stringify(value, function replace(this: unknown, key: string, plain: unknown) {
    // JSON.stringify has already called toJSON; typed arrays arrive as themselves.
    const original = (this as Record<string, unknown>)[key];
    const typed = typedName(original);
    if (typed) return { [`$${typed}`]: toBase64(original as ArrayBufferView) };
    if (typeof plain === 'number' && (!Number.isFinite(plain) || Object.is(plain, -0))) return { $n: Object.is(plain, -0) ? '-0' : String(plain) };
    return plain;
  });
}

export function checkpointParse(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1) return value;
    const [key] = keys as [string];
    const inner = (value as Record<string, unknown>)[key];
    if (typeof inner !== 'string') return value;
    if (key === '$n') return inner === '-0' ? -0 : Number(inner);
    const kind = key.slice(1) as TypedArrayName;
    return key.startsWith('$') && kind in TYPED ? fromBase64(kind, inner) : value;
  });
}
