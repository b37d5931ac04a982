/**
 * The protocol model of one AWS API, as generated from botocore by scripts/gen-wire.py: the
 * metadata that routes a request (protocol, signing name, target prefix or API version), each
 * operation's input and output shapes, and the shapes with only the traits that decide how a
 * value is written on the wire. The gateway's codecs read it; handlers never do.
 */
export type WireProtocol = 'json' | 'query' | 'smithy-rpc-v2-cbor' | 'rest-json' | 'rest-xml' | 'ec2';

export interface ServiceMetadata {
  readonly protocol: WireProtocol;
  readonly protocols: readonly WireProtocol[];
  readonly apiVersion: string;
  readonly serviceId: string;
  readonly signingName: string;
  readonly targetPrefix?: string;
  readonly jsonVersion?: string;
  readonly xmlNamespace?: string;
  /** The API also speaks awsQuery: JSON/CBOR errors carry `x-amzn-query-error: <Code>;<Sender|Receiver>`. */
  readonly awsQueryCompatible?: boolean;
}

export interface OperationModel {
  readonly input?: string;
  readonly output?: string;
  /** awsQuery: the element the output is wrapped in (`<XResult>`). */
  readonly resultWrapper?: string;
  readonly errors: readonly string[];
}

export interface MemberModel {
  readonly shape: string;
  readonly locationName?: string;
  readonly flattened?: boolean;
  readonly xmlNamespace?: { readonly uri: string; readonly prefix?: string };
  readonly xmlAttribute?: boolean;
  readonly queryName?: string;
  readonly timestampFormat?: string;
  readonly location?: string;
  readonly idempotencyToken?: boolean;
}

export interface ShapeModel {
  readonly type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  readonly members?: Readonly<Record<string, MemberModel>>;
  readonly required?: readonly string[];
  readonly member?: MemberModel;
  readonly key?: MemberModel;
  readonly value?: MemberModel;
  readonly flattened?: boolean;
  readonly locationName?: string;
  readonly xmlNamespace?: { readonly uri: string; readonly prefix?: string };
  readonly timestampFormat?: string;
  readonly enum?: readonly string[];
  readonly union?: boolean;
  readonly exception?: boolean;
  readonly fault?: boolean;
  readonly error?: {
    readonly code?: string;
    readonly httpStatusCode?: number;
    readonly senderFault?: boolean;
  };
}

export interface ServiceModel {
  readonly metadata: ServiceMetadata;
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly shapes: Readonly<Record<string, ShapeModel>>;
}
