/**
 * Reads a Docker streaming response: newline-delimited JSON objects (pull/import progress, events).
 */
export interface JsonLinesOptions {
  readonly onObject: (value: Record<string, unknown>) => void;
  /** Fails the read when no bytes arrive for this long. */
  readonly inactivityMs?: number;
  readonly onInactive?: () => Error;
}

const parseLine = (line: string): Record<string, unknown> | undefined => {
  const text = line.trim();
  if (text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Resolves when the stream ends; rejects on a stream error or inactivity (destroying the stream). */
export const readJsonLines = (stream: NodeJS.ReadableStream, options: JsonLinesOptions): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const arm = (): void => {
      if (options.inactivityMs === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        finish(options.onInactive?.() ?? new Error('stream inactive'));
        (stream as { destroy?: () => void }).destroy?.();
      }, options.inactivityMs);
    };
    const emitLines = (): void => {
      let at = buffered.indexOf('\n');
      while (at >= 0) {
        const value = parseLine(buffered.slice(0, at));
        buffered = buffered.slice(at + 1);
        if (value) options.onObject(value);
        at = buffered.indexOf('\n');
      }
    };
    arm();
    stream.on('data', (chunk: Buffer | string) => {
      arm();
      buffered += chunk.toString();
      emitLines();
    });
    stream.on('error', (error: Error) => finish(error));
    stream.on('end', () => {
      const last = parseLine(buffered);
      if (last) options.onObject(last);
      finish();
    });
    stream.on('close', () => finish());
  });

/** The error a progress message carries, if any (`{"error": …, "errorDetail": {"message": …}}`). */
export const progressError = (value: Record<string, unknown>): string | undefined => {
  const detail = value['errorDetail'] as { message?: unknown } | undefined;
  if (detail && typeof detail.message === 'string') return detail.message;
  return typeof value['error'] === 'string' ? value['error'] : undefined;
};
