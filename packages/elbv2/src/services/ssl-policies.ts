/**
 * The security policies ELBv2 offers HTTPS listeners (their real names; the protocol and cipher
 * lists Berth reports are the policy's headline ones, not HAProxy's exact negotiation).
 */
import type { SslPolicy } from '@berth/wire/elbv2';

export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

const TLS12 = ['TLSv1.2'];
const TLS13 = ['TLSv1.2', 'TLSv1.3'];
const LEGACY = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
const CIPHERS12 = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
];
const CIPHERS13 = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  ...CIPHERS12,
];

const POLICIES: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['ELBSecurityPolicy-2016-08', LEGACY, CIPHERS12],
  ['ELBSecurityPolicy-TLS13-1-2-2021-06', TLS13, CIPHERS13],
  ['ELBSecurityPolicy-TLS13-1-2-Res-2021-06', TLS13, CIPHERS13],
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', ['TLSv1.3'], CIPHERS13.slice(0, 3)],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', TLS13, CIPHERS13],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', TLS13, CIPHERS13],
  ['ELBSecurityPolicy-TLS13-1-1-2021-06', ['TLSv1.1', ...TLS13], CIPHERS13],
  ['ELBSecurityPolicy-TLS13-1-0-2021-06', ['TLSv1', 'TLSv1.1', ...TLS13], CIPHERS13],
  ['ELBSecurityPolicy-TLS-1-2-2017-01', TLS12, CIPHERS12],
  ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', TLS12, CIPHERS12],
  ['ELBSecurityPolicy-TLS-1-1-2017-01', ['TLSv1.1', 'TLSv1.2'], CIPHERS12],
  ['ELBSecurityPolicy-FS-2018-06', LEGACY, CIPHERS12],
  ['ELBSecurityPolicy-FS-1-2-2019-08', TLS12, CIPHERS12],
  ['ELBSecurityPolicy-FS-1-2-Res-2020-10', TLS12, CIPHERS12.slice(0, 2)],
  ['ELBSecurityPolicy-2015-05', LEGACY, CIPHERS12],
];

export const SSL_POLICIES: readonly SslPolicy[] = POLICIES.map(([name, protocols, ciphers]) => ({
  Name: name,
  SslProtocols: [...protocols],
  Ciphers: ciphers.map((cipher, i) => ({ Name: cipher, Priority: i + 1 })),
  SupportedLoadBalancerTypes: ['application', 'network'],
}));

export const isSslPolicy = (name: string): boolean => POLICIES.some(([n]) => n === name);
