/**
 * Resolves what a task's containers get from outside the task definition at start: `secrets`
 * (Secrets Manager / SSM, with the execution role's credentials), `environmentFiles` (file:// on
 * the host) and `repositoryCredentials` (a Secrets Manager secret with `username` and `password`).
 * Calls are grouped (secret-requests.ts); any failure rejects with ECS's ResourceInitializationError
 * text (secret-errors.ts), which fails the task with TaskFailedToStart.
 */
import type { DesiredTask } from '@berth/wire/agent';
import type { ContainerDefinition } from '@berth/wire/ecs';

import type { TaskCredentialSource, TemporaryCredentials } from '../credentials/task-credential-source.js';
import { environmentFileVariables } from './env-file.js';
import {
  asmError,
  asmFetchError,
  executionCredentialsError,
  injectionError,
  noExecutionRoleError,
  registryAuthError,
  retrievalError,
  ssmError,
  callFailure,
} from './secret-errors.js';
import { parametersCalls, secretValueCalls, secretValueKey } from './secret-requests.js';
import type { SecretStore } from './secret-store.js';
import { parseValueFrom, regionOfArn, type SecretReference } from './value-from.js';

type AsmReference = Extract<SecretReference, { kind: 'asm' }>;

export interface RepositoryAuth {
  readonly username: string;
  readonly password: string;
}

/** What one container gets: variables injected out of sight of `docker inspect`, and its pull auth. */
export interface ContainerSecrets {
  readonly hidden: ReadonlyMap<string, string>;
  readonly repositoryAuth?: RepositoryAuth;
}

export interface TaskSecretsDeps {
  /** The task's role credentials; absent: a task that needs them fails. */
  readonly credentials?: TaskCredentialSource;
  readonly store: SecretStore;
  readonly readFile: (path: string) => Promise<string>;
  /** The region of a task whose ARN names none. */
  readonly region: string;
}

/** Names the launcher can export (they are file names too). */
const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Wanted {
  readonly container: ContainerDefinition;
  readonly secrets: readonly { readonly name: string; readonly ref: SecretReference }[];
  readonly registry?: AsmReference;
}

const wantedOf = (task: DesiredTask, region: string): Wanted[] =>
  task.containers.map((container) => {
    const secrets = (container.secrets ?? []).map((s) => {
      const ref = parseValueFrom(s.valueFrom ?? '', region);
      if (ref.kind === 'invalid') throw retrievalError(ref.reason);
      return { name: s.name ?? '', ref };
    });
    const parameter = container.repositoryCredentials?.credentialsParameter;
    if (parameter === undefined || parameter === '') return { container, secrets };
    const ref = parseValueFrom(parameter, region);
    const registry: AsmReference =
      ref.kind === 'asm' ? ref : { kind: 'asm', secretId: parameter, region: regionOfArn(parameter, region) };
    return { container, secrets, registry };
  });

const executionCredentials = async (
  deps: TaskSecretsDeps,
  task: DesiredTask,
  wanted: readonly Wanted[],
): Promise<TemporaryCredentials> => {
  const asm = wanted.some((w) => w.registry || w.secrets.some((s) => s.ref.kind === 'asm'));
  if ((task.executionRoleArn ?? '') === '') throw noExecutionRoleError(asm ? 'ASM' : 'SSM');
  if (!deps.credentials)
    throw executionCredentialsError(
      new Error('this agent was started without a source of task role credentials'),
    );
  try {
    return await deps.credentials.credentialsFor(task, 'execution');
  } catch (error) {
    throw executionCredentialsError(error);
  }
};

/** Each distinct (secret, stage, id) once; value: its SecretString. */
const fetchSecretStrings = async (
  deps: TaskSecretsDeps,
  credentials: TemporaryCredentials,
  refs: readonly AsmReference[],
  failure: (ref: AsmReference, error: unknown) => Error,
): Promise<Map<string, string>> => {
  const calls = secretValueCalls(refs);
  const values = await Promise.all(
    calls.map(async (call) => {
      const ref = refs.find((r) => secretValueKey(r) === call.key) as AsmReference;
      try {
        const response = await deps.store.getSecretValue(credentials, call.region, {
          SecretId: call.secretId,
          ...(call.versionStage === undefined ? {} : { VersionStage: call.versionStage }),
          ...(call.versionId === undefined ? {} : { VersionId: call.versionId }),
        });
        if (response.SecretString === undefined)
          throw new Error('the secret has no SecretString (only string secrets can be injected)');
        return [call.key, response.SecretString] as const;
      } catch (error) {
        throw failure(ref, error);
      }
    }),
  );
  return new Map(values);
};

const jsonField = (secret: string, key: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    parsed = undefined;
  }
  const value =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)[key]
      : undefined;
  if (value === undefined)
    throw asmError(`retrieved secret from Secrets Manager did not contain json key ${key}`);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

const fetchParameters = async (
  deps: TaskSecretsDeps,
  credentials: TemporaryCredentials,
  wanted: readonly Wanted[],
): Promise<Map<string, string>> => {
  const refs = wanted.flatMap((w) => w.secrets.flatMap((s) => (s.ref.kind === 'ssm' ? [s.ref] : [])));
  const results = await Promise.all(
    parametersCalls(refs).map(async (call) => {
      let result;
      try {
        result = await deps.store.getParameters(credentials, call.region, {
          Names: [...call.names],
          WithDecryption: true,
        });
      } catch (error) {
        throw ssmError(callFailure(error));
      }
      if ((result.InvalidParameters ?? []).length > 0)
        throw ssmError(`invalid parameters: ${(result.InvalidParameters ?? []).join(',')}`);
      const byName = new Map<string, string>();
      for (const p of result.Parameters ?? []) {
        if (p.Name !== undefined) byName.set(p.Name, p.Value ?? '');
        if (p.ARN !== undefined) byName.set(p.ARN, p.Value ?? '');
      }
      return call.names.map((name) => {
        const value = byName.get(name);
        if (value === undefined) throw ssmError(`invalid parameters: ${name}`);
        return [`${call.region}|${name}`, value] as const;
      });
    }),
  );
  return new Map(results.flat());
};

const registryAuth = (ref: AsmReference, secret: string): RepositoryAuth => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    parsed = undefined;
  }
  const { username, password } = (parsed ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username !== 'string' || typeof password !== 'string' || username === '')
    throw registryAuthError(
      ref.secretId,
      'the secret must be JSON with string "username" and "password" keys',
    );
  return { username, password };
};

/** Container name → what it gets; containers that get nothing are absent. */
export const resolveTaskSecrets = async (
  deps: TaskSecretsDeps,
  task: DesiredTask,
): Promise<Map<string, ContainerSecrets>> => {
  const region = regionOfArn(task.taskArn, deps.region);
  const wanted = wantedOf(task, region);
  if (
    wanted.every(
      (w) => w.secrets.length === 0 && !w.registry && (w.container.environmentFiles ?? []).length === 0,
    )
  )
    return new Map();
  const files = await Promise.all(
    wanted.map((w) =>
      environmentFileVariables(
        w.container.environmentFiles ?? [],
        new Set((w.container.environment ?? []).map((e) => e.name ?? '')),
        deps.readFile,
      ),
    ),
  );
  const needsCredentials = wanted.some((w) => w.registry || w.secrets.length > 0);
  const credentials = needsCredentials ? await executionCredentials(deps, task, wanted) : undefined;
  const asmRefs = wanted.flatMap((w) => w.secrets.flatMap((s) => (s.ref.kind === 'asm' ? [s.ref] : [])));
  const registryRefs = wanted.flatMap((w) => (w.registry ? [w.registry] : []));
  const [secrets, registries, parameters] = credentials
    ? await Promise.all([
        fetchSecretStrings(deps, credentials, asmRefs, (ref, e) => asmFetchError(ref.secretId, e)),
        fetchSecretStrings(deps, credentials, registryRefs, (ref, e) =>
          registryAuthError(ref.secretId, callFailure(e)),
        ),
        fetchParameters(deps, credentials, wanted),
      ])
    : [new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
  const resolved = new Map<string, ContainerSecrets>();
  wanted.forEach((w, i) => {
    const hidden = new Map(files[i]);
    for (const { name, ref } of w.secrets) {
      const value =
        ref.kind === 'ssm'
          ? (parameters.get(`${ref.region}|${ref.name}`) ?? '')
          : ref.jsonKey === undefined
            ? (secrets.get(secretValueKey(ref)) ?? '')
            : jsonField(secrets.get(secretValueKey(ref)) ?? '', ref.jsonKey);
      hidden.set(name, value);
    }
    for (const name of hidden.keys())
      if (!PORTABLE_NAME.test(name))
        throw injectionError(
          `environment variable ${JSON.stringify(name)} of container ${w.container.name ?? ''} cannot be injected: secret and environment file names must be letters, digits and underscores, not starting with a digit`,
        );
    const auth = w.registry && registryAuth(w.registry, registries.get(secretValueKey(w.registry)) ?? '');
    if (hidden.size > 0 || auth)
      resolved.set(w.container.name ?? '', { hidden, ...(auth ? { repositoryAuth: auth } : {}) });
  });
  return resolved;
};
