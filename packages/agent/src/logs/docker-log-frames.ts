/**
 * Docker's multiplexed log stream (non-TTY containers): frames of an 8-byte header — stream type
 * (1 stdout, 2 stderr), three zero bytes, a big-endian uint32 payload size — then the payload. One
 * frame carries one log message. This decoder is fed chunks as they come and yields whole frames.
 */
export type OutputStream = 'stdout' | 'stderr';

export interface LogFrame {
  readonly stream: OutputStream;
  readonly payload: Buffer;
}

const HEADER_BYTES = 8;

export class DockerFrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** Adds a chunk; returns the frames it completed, in order. */
  push(chunk: Buffer): LogFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: LogFrame[] = [];
    let offset = 0;
    while (this.pending.length - offset >= HEADER_BYTES) {
      const size = this.pending.readUInt32BE(offset + 4);
      if (this.pending.length - offset - HEADER_BYTES < size) break;
      const type = this.pending[offset];
      const start = offset + HEADER_BYTES;
      frames.push({
        stream: type === 2 ? 'stderr' : 'stdout',
        payload: this.pending.subarray(start, start + size),
      });
      offset = start + size;
    }
    this.pending = this.pending.subarray(offset);
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get buffered(): number {
    return this.pending.length;
  }
}

/** A TTY container's raw stream: split into newline-terminated lines as they complete. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    const text = this.pending + chunk;
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    return lines.map((l) => `${l}\n`);
  }

  /** What is left at the end of the stream (a last line without a newline). */
  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}
