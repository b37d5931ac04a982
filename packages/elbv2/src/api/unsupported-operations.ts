/**
 * ELBv2 operations Berth answers with OperationNotPermitted, each saying why: features whose
 * machinery Berth does not run. Every other operation of ELBV2_MODEL is implemented (see
 * elbv2-operations.test.ts, which checks the list against botocore's model).
 */
import type { Operation } from '@berth/gateway';

import { notSupported } from '../services/elbv2-errors.js';

const TRUST_STORES = [
  'trust stores (mutual TLS)',
  'they need S3 CA bundles and a TLS verifier Berth does not run',
] as const;
const CERTIFICATES = [
  'listener certificate lists',
  'each HTTPS listener serves the one certificate given to CreateListener or ModifyListener',
] as const;
const NETWORK = [
  'changing load balancer networking',
  'a load balancer owns one loopback address and has no VPC subnets, security groups or IPv6 to change',
] as const;

const REASONS: Readonly<Record<string, readonly [string, string]>> = {
  AddListenerCertificates: CERTIFICATES,
  RemoveListenerCertificates: CERTIFICATES,
  DescribeListenerCertificates: CERTIFICATES,
  AddTrustStoreRevocations: TRUST_STORES,
  CreateTrustStore: TRUST_STORES,
  DeleteSharedTrustStoreAssociation: TRUST_STORES,
  DeleteTrustStore: TRUST_STORES,
  DescribeTrustStoreAssociations: TRUST_STORES,
  DescribeTrustStoreRevocations: TRUST_STORES,
  DescribeTrustStores: TRUST_STORES,
  GetTrustStoreCaCertificatesBundle: TRUST_STORES,
  GetTrustStoreRevocationContent: TRUST_STORES,
  ModifyTrustStore: TRUST_STORES,
  RemoveTrustStoreRevocations: TRUST_STORES,
  GetResourcePolicy: ['resource policies', 'Berth has no IAM policies or resource sharing'],
  DescribeCapacityReservation: [
    'capacity reservations',
    'a load balancer is one HAProxy frontend with no capacity units',
  ],
  ModifyCapacityReservation: [
    'capacity reservations',
    'a load balancer is one HAProxy frontend with no capacity units',
  ],
  ModifyIpPools: ['IPAM pools', 'load balancer addresses come from Berth’s loopback pool'],
  DescribeListenerAttributes: [
    'listener attributes',
    'the data plane has no per-listener attributes (mTLS headers, TCP idle timeouts)',
  ],
  ModifyListenerAttributes: [
    'listener attributes',
    'the data plane has no per-listener attributes (mTLS headers, TCP idle timeouts)',
  ],
  SetIpAddressType: NETWORK,
  SetSecurityGroups: NETWORK,
  SetSubnets: NETWORK,
};

export const UNSUPPORTED_ELBV2_OPERATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(REASONS).map(([name, [what, why]]) => [
    name,
    `Berth does not support ${name} (${what}): ${why}.`,
  ]),
);

export const unsupportedOperations = (): ReadonlyMap<string, Operation> =>
  new Map(
    Object.entries(REASONS).map(([name, [what, why]]): [string, Operation] => [
      name,
      () => {
        throw notSupported(`${name} (${what})`, why);
      },
    ]),
  );
