/**
 * How a task's secret references become calls (pure): one GetSecretValue per distinct
 * (secret, version stage, version id) — several JSON keys of one secret share it — and one
 * GetParameters per region for every 10 distinct parameter names, as the ECS agent batches them.
 */
import type { SecretReference } from './value-from.js';

type AsmReference = Extract<SecretReference, { kind: 'asm' }>;
type SsmReference = Extract<SecretReference, { kind: 'ssm' }>;

export interface SecretValueCall {
  readonly key: string;
  readonly region: string;
  readonly secretId: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

export interface ParametersCall {
  readonly region: string;
  readonly names: readonly string[];
}

/** SSM's GetParameters limit. */
export const MAX_PARAMETERS_PER_CALL = 10;

/** The call key of a Secrets Manager reference (what its value is looked up by). */
export const secretValueKey = (ref: Pick<AsmReference, 'secretId' | 'versionStage' | 'versionId'>): string =>
  JSON.stringify([ref.secretId, ref.versionStage ?? '', ref.versionId ?? '']);

export const secretValueCalls = (refs: readonly AsmReference[]): SecretValueCall[] => {
  const calls = new Map<string, SecretValueCall>();
  for (const ref of refs) {
    const key = secretValueKey(ref);
    if (calls.has(key)) continue;
    calls.set(key, {
      key,
      region: ref.region,
      secretId: ref.secretId,
      ...(ref.versionStage === undefined ? {} : { versionStage: ref.versionStage }),
      ...(ref.versionId === undefined ? {} : { versionId: ref.versionId }),
    });
  }
  return [...calls.values()];
};

export const parametersCalls = (refs: readonly SsmReference[]): ParametersCall[] => {
  const byRegion = new Map<string, Set<string>>();
  for (const ref of refs) {
    const names = byRegion.get(ref.region) ?? new Set<string>();
    names.add(ref.name);
    byRegion.set(ref.region, names);
  }
  const calls: ParametersCall[] = [];
  for (const [region, names] of byRegion) {
    const all = [...names];
    for (let i = 0; i < all.length; i += MAX_PARAMETERS_PER_CALL)
      calls.push({ region, names: all.slice(i, i + MAX_PARAMETERS_PER_CALL) });
  }
  return calls;
};
