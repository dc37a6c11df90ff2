/** A FIFO of byte chunks from a pipe, from which fixed-size records (video frames) are cut without re-concatenating. */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private offset = 0;
  length = 0;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Removes and returns the next `size` bytes as a new buffer (safe to transfer to a worker). */
  take(size: number): Uint8Array {
    if (size > this.length) throw new RangeError(`asked for ${size} bytes, ${this.length} queued`);
    const out = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const head = this.chunks[0]!;
      const n = Math.min(size - filled, head.length - this.offset);
      out.set(head.subarray(this.offset, this.offset + n), filled);
      filled += n;
      this.offset += n;
      if (this.offset === head.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.length -= size;
    return out;
  }
}
