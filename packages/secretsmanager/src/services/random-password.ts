/**
 * GetRandomPassword as Secrets Manager does it: 32 characters by default (1–4096) from upper- and
 * lower-case letters, digits and punctuation, minus the excluded ones, with (by default) at least
 * one character of each included type.
 */
import type { GetRandomPasswordRequest } from '@berth/wire/secretsmanager';

import { constraint, invalidParameter } from './secret-errors.js';
import type { SecretsRandom } from './service-deps.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export const randomPassword = (
  random: Pick<SecretsRandom, 'int'>,
  request: GetRandomPasswordRequest,
): string => {
  const length = request.PasswordLength ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096) {
    throw constraint('passwordLength', 'Member must have value between 1 and 4096', String(length));
  }
  const excluded = new Set(request.ExcludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((c) => !excluded.has(c)).join('');
  const types = [
    request.ExcludeUppercase === true ? '' : keep(UPPER),
    request.ExcludeLowercase === true ? '' : keep(LOWER),
    request.ExcludeNumbers === true ? '' : keep(DIGITS),
    request.ExcludePunctuation === true ? '' : keep(PUNCTUATION),
    request.IncludeSpace === true ? keep(' ') : '',
  ].filter((t) => t.length > 0);
  const alphabet = types.join('');
  if (alphabet.length === 0) {
    throw invalidParameter("The password can't be generated because every character type was excluded.");
  }
  const requireEach = request.RequireEachIncludedType !== false;
  if (requireEach && types.length > length) {
    throw invalidParameter('The password length is too short to include every required character type.');
  }
  const pick = (chars: string): string => chars[random.int(chars.length)] ?? '';
  const chars = requireEach ? types.map(pick) : [];
  while (chars.length < length) chars.push(pick(alphabet));
  // Shuffle (Fisher–Yates) so the required characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
};
