/** The ids and secrets IAM mints: unique ids like AWS's (AIDA…, AROA…, ANPA…, AKIA…) and secret keys. */
import { randomBytes, randomInt } from 'node:crypto';

export type IdPrefix = 'AIDA' | 'AROA' | 'ANPA' | 'AKIA' | 'ASIA';

export interface IamIds {
  /** `prefix` + upper-case base32 characters: 21 characters in all (20 for access keys, as AWS). */
  uniqueId(prefix: IdPrefix): string;
  /** A 40-character secret access key. */
  secretKey(): string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const randomBase32 = (length: number): string =>
  Array.from({ length }, () => BASE32[randomInt(BASE32.length)]).join('');

export const idLength = (prefix: IdPrefix): number => (prefix === 'AKIA' || prefix === 'ASIA' ? 20 : 21);

export const randomIamIds: IamIds = {
  uniqueId: (prefix) => prefix + randomBase32(idLength(prefix) - prefix.length),
  secretKey: () => randomBytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B'),
};
