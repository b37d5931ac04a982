/**
 * @berth/registry — the OCI distribution registry behind ECR (work in progress).
 */
export type {
  PasswordCheck,
  ReferrerDescriptor,
  RegistryAuthenticator,
  RegistryCatalog,
  StoredManifest,
} from './registry-ports.js';
