import type { Partition } from '@berth/core';

/** Who is calling, where, and when: built once per request by the HTTP layer. */
export interface RequestContext {
  readonly requestId: string;
  readonly partition: Partition;
  readonly accessKeyId: string;
  /** The ARN of the calling principal, e.g. `arn:aws:iam::000000000000:root`. */
  readonly principalArn: string;
  /** This server's URL as the client reached it (from the Host header), e.g. `http://127.0.0.1:4566/`. */
  readonly endpoint: string;
}

/** One API operation: decoded input in, output out. Throws ApiError for client-visible failures. */
export type Operation = (ctx: RequestContext, input: Record<string, unknown>) => unknown;

/** An AWS JSON 1.1 service: its X-Amz-Target prefix, SigV4 signing name and operations. */
export interface JsonService {
  readonly targetPrefix: string;
  readonly signingName: string;
  readonly operations: ReadonlyMap<string, Operation>;
  /** Operations the real service has that this one does not implement (answered as unsupported). */
  readonly unimplemented: ReadonlySet<string>;
}
