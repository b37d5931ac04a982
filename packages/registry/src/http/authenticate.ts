import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Partition } from '@berth/core';

import type { RegistryAuthenticator } from '@berth/core';
import { sendError } from './http-response.js';
import { RegistryError } from './registry-error.js';

const CHALLENGE_BODY = Buffer.from('Not Authorized\n');

/**
 * ECR's Basic auth: no credentials → the 401 challenge ECR sends (realm is the Host the client
 * used); user `AWS` with a GetAuthorizationToken password → the partition it was minted for; a
 * password that does not verify → 400 (as ECR answers a bad token), an expired one or one for
 * another account's registry → 403 DENIED.
 * Answers the request itself and returns undefined when it is not authenticated.
 */
export const authenticate = (
  req: IncomingMessage,
  res: ServerResponse,
  authenticator: RegistryAuthenticator,
): Partition | undefined => {
  const credentials = basicCredentials(req.headers.authorization);
  if (credentials === undefined) {
    res.writeHead(401, {
      'Www-Authenticate': `Basic realm="https://${req.headers.host ?? 'localhost'}/",service="ecr.amazonaws.com"`,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': CHALLENGE_BODY.byteLength,
    });
    res.end(req.method === 'HEAD' ? undefined : CHALLENGE_BODY);
    return undefined;
  }
  const check =
    credentials.username === 'AWS'
      ? authenticator.verifyPassword(credentials.password)
      : ({ ok: false, reason: 'invalid' } as const);
  if (check.ok) return check.partition;
  const error =
    check.reason === 'expired'
      ? new RegistryError(
          403,
          'DENIED',
          'Your authorization token has expired. Reauthenticate and try again.',
        )
      : check.reason === 'denied'
        ? new RegistryError(
            403,
            'DENIED',
            `Your authorization token does not grant access to the registry of account ${check.registryId}.`,
          )
        : new RegistryError(400, 'UNAUTHORIZED', 'Invalid authorization token.');
  sendError(res, error, req.method === 'HEAD');
  return undefined;
};

const basicCredentials = (
  header: string | undefined,
): { readonly username: string; readonly password: string } | undefined => {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
};
