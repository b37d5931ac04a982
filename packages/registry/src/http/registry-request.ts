import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Partition } from '@berth/core';

import type { DiskBlobStore } from '../blobs/disk-blob-store.js';
import type { RegistryCatalog } from '@berth/core';

/** An authenticated request on one repository, as every repository handler receives it. */
export interface RegistryRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly method: string;
  readonly partition: Partition;
  /** The repository name (may contain `/`). */
  readonly name: string;
  readonly blobs: DiskBlobStore;
  readonly catalog: RegistryCatalog;
}
