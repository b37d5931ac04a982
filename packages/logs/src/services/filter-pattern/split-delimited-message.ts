const SPACE = /\s/;

function fieldEnd(message: string, start: number): { value: string; next: number } {
  const opener = message.charAt(start);
  const closer = opener === '[' ? ']' : opener === '"' ? '"' : undefined;
  if (closer !== undefined) {
    const close = message.indexOf(closer, start + 1);
    // (impl) An unclosed bracket or quote takes the rest of the message.
    const end = close < 0 ? message.length : close;
    return { value: message.slice(start + 1, end), next: end + 1 };
  }
  let end = start;
  while (end < message.length && !SPACE.test(message.charAt(end))) end += 1;
  return { value: message.slice(start, end), next: end };
}

/**
 * Splits a space-delimited event into fields. Text between `[` and `]` or between two `"` is one
 * field, without its brackets or quotes (AWS: `[10/Oct/2000:13:25:15 -0700]` and
 * `"GET /apache_pb.gif HTTP/1.0"` are one field each). (impl) Runs of whitespace separate fields.
 */
export function splitDelimitedMessage(message: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at < message.length) {
    if (SPACE.test(message.charAt(at))) {
      at += 1;
    } else {
      const { value, next } = fieldEnd(message, at);
      fields.push(value);
      at = next;
    }
  }
  return fields;
}
