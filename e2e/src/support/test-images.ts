/**
 * Local test images: berth-test/busybox (see scripts/build-test-images.sh), retagged as the
 * images the seed documents name, so their task definitions register and run verbatim.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from './berth-process.js';

export const BUSYBOX_IMAGE = 'berth-test/busybox:latest';
export const SEED_IMAGES = [
  '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/web-app:latest',
  'nginx:alpine',
  'nginx:latest',
  'fluentd:latest',
];
/** An image on a loopback registry that is not there: pulling it fails at once, never reaching outward. */
export const MISSING_IMAGE = '127.0.0.1:5999/berth-missing/image:latest';

export const ensureTestImages = (): void => {
  const build = spawnSync('bash', [join(REPO_ROOT, 'scripts/build-test-images.sh')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-test-images failed: ${build.stderr}`);
  for (const tag of SEED_IMAGES) {
    const result = spawnSync('docker', ['tag', BUSYBOX_IMAGE, tag], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`docker tag ${tag} failed: ${result.stderr}`);
  }
};
