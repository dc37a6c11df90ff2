/**
 * One signal (the 16 kHz input or a decimated copy) addressed by absolute sample index, so that every
 * frame reads exactly the same samples whatever the chunking was. Samples nobody needs any more are
 * dropped, so memory is bounded by the analysis windows plus one pushed slice, not by the duration.
 */
export class SampleStream {
  private data: Float32Array;
  /** Absolute index of data[0]. */
  private origin: number;
  private size = 0;
  /** Samples before this absolute index may be discarded. */
  private keepFrom: number;

  constructor(firstIndex: number, initialCapacity = 4096) {
    this.data = new Float32Array(initialCapacity);
    this.origin = firstIndex;
    this.keepFrom = firstIndex;
  }

  /** One past the last absolute index held. */
  get end(): number {
    return this.origin + this.size;
  }

  append(samples: Float32Array): void {
    this.reserve(samples.length);
    this.data.set(samples, this.size);
    this.size += samples.length;
  }

  appendZeros(count: number): void {
    this.reserve(count);
    this.data.fill(0, this.size, this.size + count);
    this.size += count;
  }

  /** Appends `count` slots and returns them as a view for the caller to fill; valid until the next append. */
  extend(count: number): Float32Array {
    this.reserve(count);
    this.size += count;
    return this.data.subarray(this.size - count, this.size);
  }

  /** The samples [start, start + count) as a view; valid until the next append. */
  view(start: number, count: number): Float32Array {
    const from = start - this.origin;
    if (from < 0 || from + count > this.size) {
      throw new RangeError(`samples ${start}..${start + count} not held (have ${this.origin}..${this.end})`);
    }
    return this.data.subarray(from, from + count);
  }

  /** Where absolute `index` is in `raw`; for tight inner loops that index the array directly. */
  offsetOf(index: number): number {
    return index - this.origin;
  }

  /** The backing array, valid until the next append (which may move or replace it). */
  get raw(): Float32Array {
    return this.data;
  }

  /** Declares that samples before `index` will never be read again. */
  release(index: number): void {
    if (index > this.keepFrom) this.keepFrom = Math.min(index, this.end);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.data.length) return;
    const dropped = this.keepFrom - this.origin;
    if (dropped > 0) {
      this.data.copyWithin(0, dropped, this.size);
      this.size -= dropped;
      this.origin = this.keepFrom;
    }
    if (this.size + extra > this.data.length) {
      const grown = new Float32Array(Math.max(this.data.length * 2, this.size + extra));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
  }
}
