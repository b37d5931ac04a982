/**
 * What a container secret's `valueFrom` names (pure), with ECS's rules:
 * - a Secrets Manager secret ARN, `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`,
 *   optionally followed by `:<json-key>:<version-stage>:<version-id>` (any of the three empty);
 * - an SSM parameter ARN, `arn:<partition>:ssm:<region>:<account>:parameter/<name>`, or a bare
 *   parameter name (`/app/db` or `db`), which lives in the task's region.
 * Secrets Manager needs the ARN: a bare name is always an SSM parameter, as in ECS.
 */
export type SecretReference =
  | {
      readonly kind: 'asm';
      /** The secret's ARN, without the json-key / stage / id suffix. */
      readonly secretId: string;
      readonly region: string;
      readonly jsonKey?: string;
      readonly versionStage?: string;
      readonly versionId?: string;
    }
  | {
      readonly kind: 'ssm';
      /** As written (a name or an ARN): GetParameters takes either and answers by it. */
      readonly name: string;
      readonly region: string;
    };

/** `arn:partition:service:region:account:resource` → its parts (the resource keeps its colons). */
const arnParts = (value: string): { service: string; region: string; resource: string } | undefined => {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { service: parts[2] ?? '', region: parts[3] ?? '', resource: parts.slice(5).join(':') };
};

const optionalPart = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);

/** Parses `valueFrom`; a string that is neither form (an ARN of another service) yields an error text. */
export const parseValueFrom = (
  valueFrom: string,
  taskRegion: string,
): SecretReference | { readonly kind: 'invalid'; readonly reason: string } => {
  if (!valueFrom.startsWith('arn:')) return { kind: 'ssm', name: valueFrom, region: taskRegion };
  const arn = arnParts(valueFrom);
  if (arn?.service === 'ssm' && arn.resource.startsWith('parameter'))
    return { kind: 'ssm', name: valueFrom, region: arn.region || taskRegion };
  if (arn?.service === 'secretsmanager' && arn.resource.startsWith('secret:')) {
    const [, name = '', jsonKey, versionStage, versionId] = arn.resource.split(':');
    const secretId = valueFrom.split(':').slice(0, 7).join(':');
    if (name !== '')
      return {
        kind: 'asm',
        secretId,
        region: arn.region || taskRegion,
        ...optionalPart('jsonKey', jsonKey),
        ...optionalPart('versionStage', versionStage),
        ...optionalPart('versionId', versionId),
      };
  }
  return {
    kind: 'invalid',
    reason: `invalid secret reference ${valueFrom}: expected a Secrets Manager secret ARN or an SSM parameter name or ARN`,
  };
};

/** The region in a task ARN (`arn:aws:ecs:<region>:…`); `fallback` when it has none. */
export const regionOfArn = (arn: string, fallback: string): string => arn.split(':')[3] || fallback;
