/**
 * The keyring secret values are sealed with (structurally @berth/core's SecretCipher): AES-256-GCM
 * from node:crypto, a random 96-bit IV per value, and the key's id in the sealed text, so a
 * keyring that has been rotated still opens every value sealed before.
 *
 * Sealed text: `bk1:<keyId>:<iv base64>:<ciphertext‖tag base64>`; the `bk1:<keyId>` prefix is the
 * GCM additional data, so changing the key id, the IV, the ciphertext or the tag fails to open.
 *
 * The keys live in `<data-dir>/secrets.keyring`, JSON `{ "active": id, "keys": { id: base64 } }`,
 * created with mode 0600 on first use and rewritten atomically (temporary file, fsync, rename) by
 * `rotate`. A keyring file other users may read is refused. Without a path (an --in-memory server)
 * the keyring holds one random key in memory only: what it sealed dies with the process, as the
 * in-memory store does. Replicas sharing a PostgreSQL store must share the same keyring file, and
 * a rotation is seen by a process only when it opens the keyring: rotate, then restart the others
 * before they must open values sealed under the new key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

const FORMAT = 'bk1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface KeyringFile {
  readonly active: string;
  readonly keys: Readonly<Record<string, string>>;
}

export interface SecretKeyring {
  /** The id of the key `seal` uses. */
  readonly activeKeyId: string;
  /** Every key id the keyring holds, oldest first. */
  readonly keyIds: readonly string[];
  seal(plaintext: Uint8Array): string;
  /** The plaintext; throws when the text was altered or its key is not in the keyring. */
  open(sealed: string): Uint8Array;
  /** Whether `sealed` is under the active key. */
  isCurrent(sealed: string): boolean;
  /** Adds a new key and makes it active (written to the file first); returns its id. */
  rotate(): string;
}

const newKeyId = (): string => randomBytes(6).toString('hex');

const keyringError = (path: string, why: string): Error => new Error(`The secrets keyring ${path} ${why}`);

const parseKeyring = (path: string, text: string): Map<string, Buffer> & { active: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw keyringError(path, 'is not JSON.');
  }
  const file = parsed as Partial<KeyringFile> | null;
  if (typeof file !== 'object' || file === null || typeof file.active !== 'string') {
    throw keyringError(path, 'has no "active" key id.');
  }
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(file.keys ?? {})) {
    const key = typeof encoded === 'string' ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES || !/^[A-Za-z0-9_-]+$/.test(id)) {
      throw keyringError(path, `has a malformed key "${id}" (want a base64 ${KEY_BYTES}-byte key).`);
    }
    keys.set(id, key);
  }
  if (!keys.has(file.active))
    throw keyringError(path, `names an active key "${file.active}" it does not hold.`);
  return Object.assign(keys, { active: file.active });
};

/** A fsynced temporary file beside `path` holding `text`, mode 0600. */
const writeTemporary = (path: string, text: string): string => {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temporary;
};

/** Replaces `path` with `text` atomically, mode 0600. */
const writeAtomically = (path: string, text: string): void => {
  renameSync(writeTemporary(path, text), path);
};

/**
 * Creates `path` with `text` unless it exists (atomically: two servers starting at once end up
 * with the same keyring); returns whether it was created.
 */
const createExclusively = (path: string, text: string): boolean => {
  const temporary = writeTemporary(path, text);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
};

const serialize = (keys: ReadonlyMap<string, Buffer>, active: string): string =>
  `${JSON.stringify(
    { active, keys: Object.fromEntries([...keys].map(([id, key]) => [id, key.toString('base64')])) },
    null,
    2,
  )}\n`;

const readOrCreate = (path: string): { keys: Map<string, Buffer>; active: string } => {
  let text: string;
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw keyringError(path, `may be read by other users (mode ${mode.toString(8)}): chmod 600 it.`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const active = newKeyId();
    const keys = new Map([[active, randomBytes(KEY_BYTES)]]);
    if (createExclusively(path, serialize(keys, active))) return { keys, active };
    return readOrCreate(path);
  }
  const keys = parseKeyring(path, text);
  return { keys, active: keys.active };
};

class AesGcmKeyring implements SecretKeyring {
  constructor(
    private readonly keys: Map<string, Buffer>,
    private active: string,
    private readonly path: string | undefined,
  ) {}

  get activeKeyId(): string {
    return this.active;
  }

  get keyIds(): readonly string[] {
    return [...this.keys.keys()];
  }

  seal(plaintext: Uint8Array): string {
    const key = this.keys.get(this.active);
    if (!key) throw new Error(`The secrets keyring has no active key ${this.active}.`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(`${FORMAT}:${this.active}`));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}:${this.active}:${iv.toString('base64')}:${body.toString('base64')}`;
  }

  open(sealed: string): Uint8Array {
    const [format, keyId = '', ivText = '', bodyText = '', ...rest] = sealed.split(':');
    if (format !== FORMAT || rest.length > 0) throw new Error('Not a sealed secret value (bk1).');
    const key = this.keys.get(keyId);
    if (!key)
      throw new Error(`The secret value is sealed with key ${keyId}, which the keyring does not hold.`);
    const iv = Buffer.from(ivText, 'base64');
    const body = Buffer.from(bodyText, 'base64');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES)
      throw new Error('A sealed secret value is truncated.');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${FORMAT}:${keyId}`));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error('A sealed secret value failed authentication: it was altered or is corrupt.');
    }
  }

  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`${FORMAT}:${this.active}:`);
  }

  rotate(): string {
    let id = newKeyId();
    while (this.keys.has(id)) id = newKeyId();
    const keys = new Map([...this.keys, [id, randomBytes(KEY_BYTES)]]);
    if (this.path !== undefined) writeAtomically(this.path, serialize(keys, id));
    this.keys.set(id, keys.get(id) as Buffer);
    this.active = id;
    return id;
  }
}

/**
 * The keyring in `path` (created with one key, mode 0600, when missing), or — without a path — a
 * keyring with one random key held in memory only.
 */
export const openSecretKeyring = (path: string | undefined): SecretKeyring => {
  if (path === undefined) {
    const active = newKeyId();
    return new AesGcmKeyring(new Map([[active, randomBytes(KEY_BYTES)]]), active, undefined);
  }
  const { keys, active } = readOrCreate(path);
  return new AesGcmKeyring(keys, active, path);
};
