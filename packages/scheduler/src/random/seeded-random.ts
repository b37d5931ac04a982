/**
 * A small seeded PRNG (mulberry32). The same seed always yields the same sequence, so every
 * scheduling decision that uses it is repeatable.
 */
import { hashString } from './hash-string.js';

/** Returns a float in [0, 1). */
export type RandomSource = () => number;

export const seededRandom = (seed: string): RandomSource => {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
