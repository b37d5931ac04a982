/**
 * What the metadata endpoint reads from a container's `docker inspect` document: when Docker
 * created and finished it, its image id, its labels and the addresses of its Docker networks.
 */

export interface ContainerDetails {
  /** As Docker writes it (RFC 3339 with nanoseconds). */
  readonly createdAt?: string;
  readonly finishedAt?: string;
  /** `sha256:…`. */
  readonly imageId?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The IPv4 addresses of its Docker networks (bridge mode). */
  readonly ipv4Addresses: readonly string[];
}

export const NO_DETAILS: ContainerDetails = { labels: {}, ipv4Addresses: [] };

interface InspectDocument {
  readonly Created?: unknown;
  readonly Image?: unknown;
  readonly State?: { readonly FinishedAt?: unknown };
  readonly Config?: { readonly Labels?: unknown };
  readonly NetworkSettings?: { readonly Networks?: unknown };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Docker's zero time: the container never finished. */
const ZERO_TIME = /^0001-01-01/;

const stringRecord = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );

const addresses = (networks: unknown): string[] =>
  Object.values(typeof networks === 'object' && networks !== null ? networks : {}).flatMap((n: unknown) => {
    const ip = text((n as { IPAddress?: unknown } | null)?.IPAddress);
    return ip === undefined ? [] : [ip];
  });

export const containerDetails = (document: unknown): ContainerDetails => {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as InspectDocument;
  const created = text(doc.Created);
  const finished = text(doc.State?.FinishedAt);
  const imageId = text(doc.Image);
  return {
    ...(created === undefined ? {} : { createdAt: created }),
    ...(finished === undefined || ZERO_TIME.test(finished) ? {} : { finishedAt: finished }),
    ...(imageId === undefined ? {} : { imageId }),
    labels: stringRecord(doc.Config?.Labels),
    ipv4Addresses: addresses(doc.NetworkSettings?.Networks),
  };
};
