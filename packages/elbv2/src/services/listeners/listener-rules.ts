/**
 * Pure checks of a listener's protocol, port, certificates and SSL policy. A certificate is an
 * `arn:…` (echoed; Berth has no ACM, so the data plane cannot serve it) or `file:///abs/path.pem`,
 * a PEM file holding the chain and private key that HAProxy serves.
 */
import { ApiError } from '@berth/core';
import type { Certificate } from '@berth/wire/elbv2';

import type { ListenerCertificate } from '../../records/listener-record.js';
import { rangeError, shown, validationError } from '../elbv2-errors.js';
import { DEFAULT_SSL_POLICY, isSslPolicy } from '../ssl-policies.js';

export const checkProtocol = (protocol: unknown): 'HTTP' | 'HTTPS' => {
  if (protocol === undefined) throw validationError('A listener protocol must be specified');
  if (protocol !== 'HTTP' && protocol !== 'HTTPS')
    throw new ApiError(
      'UnsupportedProtocol',
      `Protocol '${shown(protocol)}' is not supported for load balancers of type 'application'`,
      400,
    );
  return protocol;
};

export const checkPort = (port: unknown): number => {
  if (port === undefined) throw validationError('A listener port must be specified');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    throw validationError(rangeError(port, 'port', 1, 65535));
  return port;
};

const certificateNotFound = (arn: string): ApiError =>
  new ApiError('CertificateNotFound', `Certificate '${arn}' not found`, 400);

export const checkCertificate = (arn: unknown): string => {
  if (typeof arn !== 'string' || arn.length === 0)
    throw validationError('A certificate ARN must be specified');
  if (arn.startsWith('arn:')) return arn;
  if (arn.startsWith('file:///') && arn.length > 'file:///'.length) return arn;
  throw certificateNotFound(arn);
};

/** The certificates and policy of an HTTPS listener, or none for HTTP. */
export const tlsSettings = (
  protocol: 'HTTP' | 'HTTPS',
  certificates: readonly Certificate[] | undefined,
  sslPolicy: string | undefined,
): { certificates: ListenerCertificate[]; sslPolicy: string | null } => {
  if (protocol === 'HTTP') {
    if (certificates?.length) throw validationError('Certificates can only be specified for HTTPS listeners');
    if (sslPolicy !== undefined)
      throw validationError('An SSL policy can only be specified for HTTPS listeners');
    return { certificates: [], sslPolicy: null };
  }
  if (!certificates?.length) throw validationError('A certificate must be specified for HTTPS listeners');
  if (certificates.length > 1)
    throw validationError('Berth serves one certificate per listener: specify only the default certificate');
  const policy = sslPolicy ?? DEFAULT_SSL_POLICY;
  if (!isSslPolicy(policy)) throw new ApiError('SSLPolicyNotFound', `SSL policy '${policy}' not found`, 400);
  return {
    certificates: [{ certificateArn: checkCertificate(certificates[0]?.CertificateArn), isDefault: true }],
    sslPolicy: policy,
  };
};
