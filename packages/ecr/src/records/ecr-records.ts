/**
 * The records ECR keeps in the state store. Repositories are scoped by partition key
 * (`<account>/<region>`); images, tags and blob links by repository scope (`<pk>|<repo>`), so a
 * repository's images list without scanning the others. A tag is its own record keyed by
 * (repository, tag): resolving a tag is one `get`, never a scan.
 */
import type {
  EncryptionConfiguration,
  ImageScanningConfiguration,
  ImageTagMutability,
  ImageTagMutabilityExclusionFilter,
  LifecyclePolicyPreviewResult,
  RegistryScanningRule,
  ScanType,
} from '@berth/wire/ecr';

export const ECR_KIND = {
  repository: 'ecr-repository',
  image: 'ecr-image',
  imageTag: 'ecr-image-tag',
  blobLink: 'ecr-blob-link',
  lifecyclePreview: 'ecr-lifecycle-preview',
  registryScanning: 'ecr-registry-scanning',
  tokenSecret: 'ecr-token-secret',
} as const;

export const repositoryKey = (pk: string, name: string): string => `${pk}|${name}`;
/** The scope of a repository's images, tags and blob links. */
export const repositoryScope = repositoryKey;
export const imageKey = (pk: string, repo: string, digest: string): string => `${pk}|${repo}|${digest}`;
export const tagKey = (pk: string, repo: string, tag: string): string => `${pk}|${repo}|tag:${tag}`;
export const blobLinkKey = (pk: string, repo: string, digest: string): string =>
  `${pk}|${repo}|blob:${digest}`;

export interface RepositoryRecord {
  readonly repositoryName: string;
  readonly repositoryArn: string;
  readonly registryId: string;
  /** Epoch seconds. */
  readonly createdAt: number;
  readonly imageTagMutability: ImageTagMutability;
  readonly imageTagMutabilityExclusionFilters: readonly ImageTagMutabilityExclusionFilter[];
  readonly imageScanningConfiguration: Required<ImageScanningConfiguration>;
  readonly encryptionConfiguration: EncryptionConfiguration;
  readonly tags: Readonly<Record<string, string>>;
  readonly policyText?: string;
  readonly lifecyclePolicyText?: string;
  /** When the lifecycle controller last evaluated the policy, epoch seconds. */
  readonly lifecycleLastEvaluatedAt?: number;
}

export interface ImageRecord {
  readonly repositoryName: string;
  readonly imageDigest: string;
  /** The manifest exactly as pushed (UTF-8 JSON). */
  readonly manifest: string;
  readonly mediaType: string;
  /** The config's media type (manifests; indexes have none). */
  readonly artifactMediaType?: string;
  readonly tags: readonly string[];
  /** Epoch seconds. */
  readonly imagePushedAt: number;
  readonly imageSizeInBytes: number;
  readonly lastRecordedPullTime?: number;
  /** Config and layer digests this manifest references. */
  readonly blobDigests: readonly string[];
  /** Child manifests (an index's). */
  readonly childDigests: readonly string[];
  readonly subjectDigest?: string;
  /** The manifest's own artifactType (OCI 1.1), when it has one. */
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Set by StartImageScan (Berth has no scanner: the scan is reported FAILED). */
  readonly scanRequestedAt?: number;
}

export interface ImageTagRecord {
  readonly tag: string;
  readonly imageDigest: string;
}

export interface BlobLinkRecord {
  readonly partitionKey: string;
  readonly repositoryName: string;
  readonly digest: string;
}

export interface LifecyclePreviewRecord {
  readonly repositoryName: string;
  readonly lifecyclePolicyText: string;
  readonly previewResults: readonly LifecyclePolicyPreviewResult[];
}

export interface RegistryScanningRecord {
  readonly scanType: ScanType;
  readonly rules: readonly RegistryScanningRule[];
}

export interface TokenSecretRecord {
  /** base64 of 32 random bytes. */
  readonly secret: string;
}
