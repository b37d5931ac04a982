import type { AuthorizationData } from '@berth/wire/ecr';

/** One GetAuthorizationToken answer, decoded: Docker's credentials for the registry and until when. */
export interface RegistryToken {
  readonly username: string;
  readonly password: string;
  /** Epoch ms. */
  readonly expiresAtMs: number;
  /** `http://host:port`: the registry as the control plane advertises it. */
  readonly proxyEndpoint: string;
}

/** `authorizationToken` is base64 of `AWS:<password>`; `expiresAt` epoch seconds (pure). */
export const decodeAuthorizationData = (data: AuthorizationData | undefined): RegistryToken => {
  const token = data?.authorizationToken;
  if (!token || data.expiresAt === undefined || !data.proxyEndpoint) {
    throw new Error('GetAuthorizationToken answered without authorizationData');
  }
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error('GetAuthorizationToken answered a token that is not user:password');
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    expiresAtMs: data.expiresAt * 1000,
    proxyEndpoint: data.proxyEndpoint,
  };
};
