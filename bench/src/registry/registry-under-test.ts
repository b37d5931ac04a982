/** A registry the benchmark pushes to and pulls from: Berth's ECR registry or distribution. */
import type { RegistryConnection } from './distribution-client.js';

export interface RegistryUnderTest {
  /** `berth`, `distribution`, or `distribution (2nd)` when a second instance stands in for Berth. */
  readonly system: string;
  readonly connection: RegistryConnection;
  /** ECR's CreateRepository (ECR never creates one on push); nothing for distribution. */
  createRepository(name: string): Promise<void>;
  stop(): Promise<void>;
}
