/** An append-only Float32 column that doubles its storage, for per-frame results of unknown count. */
export class GrowableFloat32 {
  private data: Float32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float32Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** A compact copy of the first `count` values (all by default). */
  toArray(count = this.size): Float32Array {
    return this.data.slice(0, Math.min(count, this.size));
  }
}
