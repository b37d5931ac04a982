/** The shapes the blob store speaks (structurally the same as @berth/ecr's LayerBlobs port). */

export interface BlobInfo {
  /** `sha256:<hex>`. */
  readonly digest: string;
  readonly size: number;
  /** Last write or touch, epoch ms. */
  readonly modifiedAt: number;
}

/** Who an upload session belongs to. */
export interface UploadOwner {
  /** `<account>/<region>`. */
  readonly partitionKey: string;
  readonly repositoryName: string;
}

/** An inclusive byte range of a blob, as HTTP's `Range: bytes=start-end` names it. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}
