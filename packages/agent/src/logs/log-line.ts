/**
 * One line of a container's output as Docker's logs API gives it with `timestamps=true`:
 * `<RFC3339Nano> <text>`. The timestamp is when Docker received the line (what the awslogs driver
 * stamps events with); nanoseconds are kept for resuming exactly where shipping stopped.
 */
export interface LogLine {
  /** Epoch nanoseconds. */
  readonly timestampNs: bigint;
  readonly text: string;
}

const RFC3339_NANO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ns of an RFC3339Nano time, or undefined when it is not one. */
export const parseRfc3339Nano = (text: string): bigint | undefined => {
  const match = RFC3339_NANO.exec(text);
  if (!match) return undefined;
  const [, seconds = '', fraction = '', zone = 'Z'] = match;
  const ms = Date.parse(`${seconds}${zone}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt(fraction.padEnd(9, '0'));
};

/** Parses `<timestamp> <text>` (trailing newline stripped); undefined without a timestamp. */
export const parseTimestampedLine = (raw: string): LogLine | undefined => {
  const space = raw.indexOf(' ');
  const stamp = space < 0 ? raw.replace(/\r?\n$/, '') : raw.slice(0, space);
  const timestampNs = parseRfc3339Nano(stamp);
  if (timestampNs === undefined) return undefined;
  const text = space < 0 ? '' : raw.slice(space + 1).replace(/\n$/, '');
  return { timestampNs, text };
};

export const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n);

/** Docker's `since=`: seconds with a nine-digit fraction. */
export const nsToDockerSince = (ns: bigint): string => {
  const text = ns.toString().padStart(10, '0');
  return `${text.slice(0, -9)}.${text.slice(-9)}`;
};
