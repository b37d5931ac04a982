/**
 * The server's key pair: from flags or environment, else generated on first start and kept in
 * the data directory (mode 0600) so clients keep working across restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const generate = (): KeyPair => ({
  accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  secretAccessKey: randomBytes(30).toString('base64').replace(/[+/=]/g, '').slice(0, 40),
});

export const resolveKeyPair = (
  given: { accessKeyId?: string | undefined; secretAccessKey?: string | undefined },
  dataDir: string | undefined,
): KeyPair => {
  if (given.accessKeyId && given.secretAccessKey) {
    return { accessKeyId: given.accessKeyId, secretAccessKey: given.secretAccessKey };
  }
  if (given.accessKeyId || given.secretAccessKey) {
    throw new Error('give both --access-key-id and --secret-access-key, or neither');
  }
  if (!dataDir) return generate();
  const path = join(dataDir, 'credentials.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyPair;
  } catch {
    const pair = generate();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, JSON.stringify(pair, null, 2), { mode: 0o600 });
    return pair;
  }
};
