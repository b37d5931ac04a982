/**
 * Matches `text` against a value with `*` wildcards, the way CloudWatch Logs does.
 *
 * A value without `*` must equal the text. Otherwise the text before the first `*` must be a
 * prefix, and each later piece is looked for at its FIRST occurrence after the previous one,
 * without backtracking; a value that does not end in `*` must then have reached the end of the
 * text. (impl) AWS's docs show only prefix/suffix/infix examples; this first-occurrence rule is
 * what AWS was observed to do (TestMetricFilter: `*111.111.111` does not match
 * `111.111.111.111` while `*.111.111.111` does, and `1*3` matches `123`).
 */
export function wildcardMatch(value: string, text: string): boolean {
  const pieces = value.split('*');
  const [first, ...rest] = pieces;
  if (first === undefined || rest.length === 0) return value === text;
  if (!text.startsWith(first)) return false;
  let at = first.length;
  for (const piece of rest) {
    const found = text.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return value.endsWith('*') || at === text.length;
}
