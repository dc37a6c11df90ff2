/**
 * The YIN difference function d(τ) = Σ_{j<W} (x[j] − x[j+τ])², kept as partial sums over blocks of the
 * window that are cached by absolute sample position. Successive frames overlap by most of their window,
 * so a frame only computes the blocks that are new to it (2 of 5 at a 10 ms hop). Each block's sum and
 * the order in which blocks are added never depend on what was computed before, so results are
 * identical to computing every frame from scratch, whatever the chunking or the skipped frames.
 */
export class BlockedDifference {
  private readonly sums: Float64Array;
  /** Absolute start of the block held in each cache slot; NaN when empty. */
  private readonly keys: Float64Array;

  constructor(
    private readonly blockSize: number,
    private readonly blocksPerWindow: number,
    private readonly maxLag: number,
    private readonly slots: number,
  ) {
    this.sums = new Float64Array(slots * (maxLag + 1));
    this.keys = new Float64Array(slots).fill(Number.NaN);
  }

  /**
   * Fills d[1 … maxLag] for the window whose first sample is x[at], at absolute index `start`.
   * Windows must start on the same phase of the block grid (their starts differ by whole blocks).
   */
  compute(x: Float32Array, at: number, start: number, d: Float64Array): void {
    const { blockSize, maxLag, sums } = this;
    d.fill(0, 0, maxLag + 1);
    for (let b = 0; b < this.blocksPerWindow; b++) {
      const base = this.block(x, at + b * blockSize, start + b * blockSize) * (maxLag + 1);
      for (let tau = 1; tau <= maxLag; tau++) d[tau] = (d[tau] as number) + (sums[base + tau] as number);
    }
  }

  /** The cache slot holding the block at absolute index `start`, computing it if needed. */
  private block(x: Float32Array, at: number, start: number): number {
    const { blockSize, maxLag, sums, slots } = this;
    const slot = (((Math.floor(start / blockSize) % slots) + slots) % slots);
    if (this.keys[slot] === start) return slot;
    const base = slot * (maxLag + 1);
    for (let tau = 1; tau <= maxLag; tau++) {
      let sum = 0;
      const lagged = at + tau;
      for (let j = 0; j < blockSize; j++) {
        const diff = (x[at + j] as number) - (x[lagged + j] as number);
        sum += diff * diff;
      }
      sums[base + tau] = sum;
    }
    this.keys[slot] = start;
    return slot;
  }
}
