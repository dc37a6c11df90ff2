/** Releases results in the order their requests were made, whatever order a worker pool finishes them in. */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;

  constructor(private readonly release: (value: T) => void) {}

  /** Number of results held back, waiting for an earlier one. */
  get held(): number {
    return this.waiting.size;
  }

  put(seq: number, value: T): void {
    this.waiting.set(seq, value);
    for (let v = this.waiting.get(this.next); v !== undefined; v = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      this.release(v);
    }
  }
}
