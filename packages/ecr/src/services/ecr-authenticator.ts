/** The registry's authenticator (structurally @berth/registry's RegistryAuthenticator). */
import type { AuthorizationTokens, PasswordCheck } from './authorization-tokens.js';

export interface EcrRegistryAuthenticator {
  verifyPassword(password: string): PasswordCheck;
}

export const ecrRegistryAuthenticator = (tokens: AuthorizationTokens): EcrRegistryAuthenticator => ({
  verifyPassword: (password) => tokens.verifyPassword(password),
});
