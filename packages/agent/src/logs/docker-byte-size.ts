/**
 * Docker's size strings (`max-buffer-size`: `1m`, `512k`, `2MiB`, `1.5g`) → bytes, as
 * go-units RAMInBytes reads them: binary multiples whatever the spelling, case-insensitive.
 */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

const SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?(i?b)?$/i;

/** Bytes, or undefined when `text` is not a size Docker accepts. */
export const parseDockerByteSize = (text: string): number | undefined => {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const [, amount = '', unit = '', suffix] = match;
  if (unit === '' && suffix !== undefined && suffix.toLowerCase() === 'ib') return undefined;
  return Math.floor(Number(amount) * (MULTIPLIERS[unit.toLowerCase()] ?? 1));
};
