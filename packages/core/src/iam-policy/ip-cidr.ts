/** IPv4 and IPv6 addresses and CIDR blocks, for the IpAddress / NotIpAddress condition operators. */

interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface CidrBlock extends IpAddress {
  readonly prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

const parseIpv4 = (text: string): bigint | undefined => {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((octet) => OCTET.test(octet))) return undefined;
  return octets.reduce((sum, octet) => (sum << 8n) | BigInt(octet), 0n);
};

const parseHextets = (text: string): bigint[] | undefined => {
  if (text === '') return [];
  const pieces = text.split(':');
  const out: bigint[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === undefined) return undefined;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEXTET.test(piece)) {
      out.push(BigInt(`0x${piece}`));
    } else {
      return undefined;
    }
  }
  return out;
};

const parseIpv6 = (text: string): bigint | undefined => {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseHextets(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHextets(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array.from({ length: missing }, () => 0n), ...tail];
  return all.reduce((sum, hextet) => (sum << 16n) | hextet, 0n);
};

export const parseIpAddress = (text: string): IpAddress | undefined => {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = trimmed.includes(':') ? parseIpv6(trimmed) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
};

/** `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export const parseCidr = (text: string): CidrBlock | undefined => {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (addressText === undefined || extra !== undefined) return undefined;
  const address = parseIpAddress(addressText);
  if (address === undefined) return undefined;
  const width = address.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...address, prefix: width };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix > width ? undefined : { ...address, prefix };
};

export const cidrContains = (block: CidrBlock, addressText: string): boolean => {
  const address = parseIpAddress(addressText);
  if (address?.family !== block.family) return false;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.prefix);
  return address.value >> shift === block.value >> shift;
};
