/**
 * Pure checks of RegisterTargets' ids. For `ip` targets the id is an IPv4 address in RFC 1918
 * space or 100.64.0.0/10, as ELBv2 allows — and, unlike ELBv2, also 127.0.0.0/8: Berth's task
 * addresses (its stand-in for awsvpc ENIs) are loopback addresses on the host. For `instance`
 * targets the id is a Berth container-instance id (or any id the caller registers), kept as a
 * string; the data plane resolves it to an address through an InstanceAddressResolver.
 */
import type { TargetDescription } from '@berth/wire/elbv2';

import type { TargetGroupRecord } from '../../records/target-group-record.js';
import { invalidTarget, rangeError, validationError } from '../elbv2-errors.js';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export const isIpv4 = (id: string): boolean => {
  const m = IPV4.exec(id);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255 && String(Number(o)) === o);
};

/** RFC 1918, 100.64.0.0/10 (ELBv2) and 127.0.0.0/8 (Berth's loopback task addresses). */
export const isAllowedTargetIp = (id: string): boolean => {
  if (!isIpv4(id)) return false;
  const [a = 0, b = 0] = id.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
};

export interface TargetRef {
  readonly id: string;
  readonly port: number;
  readonly availabilityZone: string | null;
}

/** The targets of a Register/DeregisterTargets request, each with its port (the group's by default). */
export const targetRefs = (
  tg: TargetGroupRecord,
  targets: readonly TargetDescription[] | undefined,
): TargetRef[] => {
  if (!targets || targets.length === 0) throw validationError('Targets must contain at least one target');
  return targets.map((t) => {
    if (typeof t.Id !== 'string' || t.Id.length === 0) throw validationError('A target ID must be specified');
    const port = t.Port ?? tg.port;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw validationError(rangeError(port, 'port', 1, 65535));
    if (tg.targetType === 'ip') {
      if (!isIpv4(t.Id)) throw invalidTarget(`The IP address '${t.Id}' is not a valid IPv4 address`);
      if (!isAllowedTargetIp(t.Id))
        throw invalidTarget(
          `The IP address '${t.Id}' is not in a private (RFC 1918), shared (100.64.0.0/10) or loopback address range`,
        );
    } else if (isIpv4(t.Id)) {
      throw invalidTarget(
        `The target ID '${t.Id}' is an IP address, but the target group's target type is 'instance'`,
      );
    }
    return { id: t.Id, port, availabilityZone: t.AvailabilityZone ?? null };
  });
};
