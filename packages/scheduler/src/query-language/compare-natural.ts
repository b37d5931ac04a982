/**
 * Orders strings the way people read versions and numbers: runs of digits compare by numeric
 * value ("1.9.0" < "1.14.5", "9" < "10"), everything else compares by code unit.
 */
const CHUNKS = /\d+|\D+/g;

const compareDigits = (a: string, b: string): number => {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
};

export const compareNatural = (a: string, b: string): number => {
  const left = a.match(CHUNKS) ?? [];
  const right = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const order = bothDigits ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return left.length - right.length;
};
