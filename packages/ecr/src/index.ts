/**
 * @berth/ecr — the Amazon ECR API (work in progress).
 */
export type { BlobInfo, LayerBlobs, UploadOwner } from './ecr-ports.js';
