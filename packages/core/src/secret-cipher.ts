/**
 * The port secret values are sealed through before they reach the state store (Secrets Manager
 * values, Parameter Store values): the API packages store only what `seal` returns and open it
 * when a caller asks for the value. The composition root supplies the implementation (a keyring
 * in the data directory); this package only names the contract.
 *
 * Contract: `open(seal(p))` is `p`; a sealed text that was altered, or was sealed under a key the
 * cipher does not hold, makes `open` throw; `seal` never returns text containing the plaintext.
 * `isCurrent` says whether a sealed text is under the key `seal` uses now (re-sealing what is not
 * lets old keys be retired after a rotation).
 */
export interface SecretCipher {
  seal(plaintext: Uint8Array): string;
  open(sealed: string): Uint8Array;
  isCurrent(sealed: string): boolean;
}
