/** The use cases the ECR handlers call. */
import type { AuthorizationTokens } from '../services/authorization-tokens.js';
import type { ImagesService } from '../services/images-service.js';
import type { LayersService } from '../services/layers-service.js';
import type { LifecycleService } from '../services/lifecycle-service.js';
import type { PutImage } from '../services/put-image.js';
import type { RegistryService } from '../services/registry-service.js';
import type { RepositoriesService } from '../services/repositories-service.js';

export interface EcrServices {
  readonly repositories: RepositoriesService;
  readonly images: ImagesService;
  readonly putImage: PutImage;
  readonly layers: LayersService;
  readonly lifecycle: LifecycleService;
  readonly registry: RegistryService;
  readonly tokens: AuthorizationTokens;
}
