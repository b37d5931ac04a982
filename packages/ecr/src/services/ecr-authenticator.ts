/** The registry's authenticator: `docker login` passwords are GetAuthorizationToken's. */
import type { RegistryAuthenticator } from '@berth/core';

import type { AuthorizationTokens } from './authorization-tokens.js';

export const ecrRegistryAuthenticator = (tokens: AuthorizationTokens): RegistryAuthenticator => ({
  verifyPassword: (password) => tokens.verifyPassword(password),
});
