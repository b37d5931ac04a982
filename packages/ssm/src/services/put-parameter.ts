/**
 * PutParameter: a new parameter (version 1, its Type required) or, with Overwrite, the next
 * version (Type, Description, AllowedPattern, KeyId, Tier and DataType kept from the current
 * version when not given). At most 100 versions: the oldest is dropped, unless it has a label.
 */
import type { Partition } from '@berth/core';
import type { ParameterTier, ParameterType, PutParameterRequest, PutParameterResult } from '@berth/wire/ssm';

import { parameterArn } from '../records/parameter-arns.js';
import type { ParameterRecord, ParameterVersionRecord } from '../records/parameter-records.js';

import { currentVersion, findParameter, putParameterRecord } from './parameter-access.js';
import { requireParameterName } from './parameter-names.js';
import { checkTags } from './parameter-tags.js';
import {
  constraint,
  invalidAllowedPattern,
  maxVersionLimitExceeded,
  notSupported,
  parameterAlreadyExists,
  patternMismatch,
  validation,
} from './ssm-errors.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

const TYPES: readonly ParameterType[] = ['String', 'StringList', 'SecureString'];
const TIERS: readonly ParameterTier[] = ['Standard', 'Advanced', 'Intelligent-Tiering'];
const DATA_TYPES = ['text', 'aws:ec2:image'];
const MAX_VERSIONS = 100;

const text = (value: unknown, member: string, max: number): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw constraint(member, 'Member must be a string', value);
  if (value.length > max)
    throw constraint(member, `Member must have length less than or equal to ${max}`, value);
  return value;
};

const checkPattern = (pattern: string | undefined, value: string): void => {
  if (pattern === undefined) return;
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    throw invalidAllowedPattern();
  }
  if (!regex.test(value)) throw patternMismatch(pattern);
};

/** Intelligent-Tiering picks Standard when the value fits it, as Systems Manager does. */
const tierFor = (
  requested: ParameterTier | undefined,
  previous: ParameterTier | undefined,
  value: string,
): ParameterTier => {
  if (requested === 'Intelligent-Tiering') return value.length > 4096 ? 'Advanced' : 'Standard';
  return requested ?? previous ?? 'Standard';
};

export const putParameter = (
  deps: ServiceDeps,
  partition: Partition,
  principalArn: string,
  request: PutParameterRequest,
): PutParameterResult => {
  const name = requireParameterName(request.Name);
  if (typeof request.Value !== 'string') throw constraint('value', 'Member must not be null');
  const value = request.Value;
  if (request.Type !== undefined && !TYPES.includes(request.Type)) {
    throw constraint(
      'type',
      'Member must satisfy enum value set: [SecureString, StringList, String]',
      request.Type,
    );
  }
  if (request.Tier !== undefined && !TIERS.includes(request.Tier)) {
    throw constraint(
      'tier',
      'Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]',
      request.Tier,
    );
  }
  const dataType = text(request.DataType, 'dataType', 128);
  if (dataType !== undefined && !DATA_TYPES.includes(dataType)) {
    throw validation(
      `The following data type is not supported: ${dataType} (Berth supports text and aws:ec2:image)`,
    );
  }
  if (request.Policies !== undefined) throw notSupported('parameter policies');
  const description = text(request.Description, 'description', 1024);
  const allowedPattern = text(request.AllowedPattern, 'allowedPattern', 1024);
  const keyId = text(request.KeyId, 'keyId', 256);
  const overwrite = request.Overwrite === true;
  if (overwrite && (request.Tags ?? []).length > 0) {
    throw validation(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  const tags = checkTags(request.Tags);
  const now = epochSeconds(deps.now());
  return deps.store.transact((tx) => {
    const existing = findParameter(tx, partition, name);
    if (existing !== undefined && !overwrite) throw parameterAlreadyExists();
    const previous = existing !== undefined ? currentVersion(existing) : undefined;
    const type = request.Type ?? previous?.type;
    if (type === undefined) throw validation('A parameter type is required when you create a parameter.');
    if (keyId !== undefined && type !== 'SecureString') {
      throw validation('KeyId is required for SecureString type parameter only.');
    }
    const tier = tierFor(request.Tier, previous?.tier, value);
    const limit = tier === 'Advanced' ? 8192 : 4096;
    if (value.length > limit) {
      throw constraint('value', `Member must have length less than or equal to ${limit}`, '***');
    }
    const pattern = allowedPattern ?? previous?.allowedPattern;
    checkPattern(pattern, value);
    const kept = description ?? previous?.description;
    const secureKey = type === 'SecureString' ? (keyId ?? previous?.keyId ?? 'alias/aws/ssm') : undefined;
    const version: ParameterVersionRecord = {
      version: (previous?.version ?? 0) + 1,
      type,
      sealedValue: deps.cipher.seal(Buffer.from(value, 'utf8')),
      ...(kept !== undefined ? { description: kept } : {}),
      ...(pattern !== undefined ? { allowedPattern: pattern } : {}),
      ...(secureKey !== undefined ? { keyId: secureKey } : {}),
      tier,
      dataType: dataType ?? previous?.dataType ?? 'text',
      lastModifiedDate: now,
      lastModifiedUser: principalArn,
      labels: [],
    };
    let versions = [...(existing?.versions ?? []), version];
    if (versions.length > MAX_VERSIONS) {
      const oldest = versions[0] as ParameterVersionRecord;
      if (oldest.labels.length > 0) throw maxVersionLimitExceeded(name, oldest.version);
      versions = versions.slice(1);
    }
    const record: ParameterRecord = {
      name,
      arn: parameterArn(partition, name),
      tags: existing?.tags ?? tags,
      versions,
    };
    putParameterRecord(tx, partition, record);
    return { Version: version.version, Tier: tier };
  });
};
