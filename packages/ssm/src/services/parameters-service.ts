/**
 * Parameter Store use cases other than PutParameter: reads (one, many, by path), deletes,
 * DescribeParameters, history, labels and tags. Reads never write.
 */
import type { Partition } from '@berth/core';
import type {
  DeleteParametersResult,
  DescribeParametersRequest,
  DescribeParametersResult,
  GetParameterHistoryRequest,
  GetParameterHistoryResult,
  GetParameterResult,
  GetParametersByPathRequest,
  GetParametersByPathResult,
  GetParametersResult,
  LabelParameterVersionRequest,
  LabelParameterVersionResult,
  Parameter,
  PutParameterRequest,
  PutParameterResult,
  UnlabelParameterVersionRequest,
  UnlabelParameterVersionResult,
} from '@berth/wire/ssm';

import {
  deleteParameterRecord,
  listParameters,
  requireParameter,
  resolveRecord,
  resolveReference,
} from './parameter-access.js';
import { checkFilters, eitherFilters, isUnder, legacyFilters, selectByFilters } from './parameter-filters.js';
import { labelVersion, unlabelVersion } from './parameter-labels.js';
import { requireParameterName, requirePath } from './parameter-names.js';
import { historyView, metadataView, parameterView } from './parameter-views.js';
import { paginate } from './pagination.js';
import { putParameter } from './put-parameter.js';
import { ApiError } from '@berth/core';
import { constraint } from './ssm-errors.js';
import type { ServiceDeps } from './service-deps.js';

const requireNames = (names: unknown): string[] => {
  if (!Array.isArray(names) || names.length < 1)
    throw constraint('names', 'Member must have length greater than or equal to 1', names);
  if (names.length > 10)
    throw constraint('names', 'Member must have length less than or equal to 10', `[${names.join(', ')}]`);
  return [...new Set(names.map(String))];
};

export class ParametersService {
  constructor(private readonly deps: ServiceDeps) {}

  put(partition: Partition, principalArn: string, request: PutParameterRequest): PutParameterResult {
    return putParameter(this.deps, partition, principalArn, request);
  }

  /** GetParameter: `name`, its ARN, `name:<version>` or `name:<label>`. */
  get(partition: Partition, name: unknown, withDecryption: boolean): GetParameterResult {
    const { record, version, selector } = resolveReference(this.deps.store, partition, name);
    return {
      Parameter: parameterView(this.deps.cipher, partition, record, version, withDecryption, selector),
    };
  }

  getMany(partition: Partition, names: unknown, withDecryption: boolean): GetParametersResult {
    const Parameters: Parameter[] = [];
    const InvalidParameters: string[] = [];
    for (const name of requireNames(names)) {
      try {
        const { record, version, selector } = resolveReference(this.deps.store, partition, name);
        Parameters.push(
          parameterView(this.deps.cipher, partition, record, version, withDecryption, selector),
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        InvalidParameters.push(name);
      }
    }
    return { Parameters, InvalidParameters };
  }

  byPath(partition: Partition, request: GetParametersByPathRequest): GetParametersByPathResult {
    const path = requirePath(request.Path);
    const filters = checkFilters(request.ParameterFilters, ['Type', 'KeyId', 'Label']);
    const recursive = request.Recursive === true;
    const matched = listParameters(this.deps.store, partition).flatMap((record) => {
      if (!isUnder(record.name, path, recursive)) return [];
      const version = selectByFilters(record, filters);
      return version !== undefined ? [{ record, version }] : [];
    });
    const page = paginate(matched, request.MaxResults, request.NextToken, 10);
    return {
      Parameters: page.items.map(({ record, version }) =>
        parameterView(this.deps.cipher, partition, record, version, request.WithDecryption === true),
      ),
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    };
  }

  delete(partition: Partition, name: unknown): void {
    const checked = requireParameterName(name);
    this.deps.store.transact((tx) => {
      requireParameter(tx, partition, checked);
      deleteParameterRecord(tx, partition, checked);
    });
  }

  deleteMany(partition: Partition, names: unknown): DeleteParametersResult {
    const DeletedParameters: string[] = [];
    const InvalidParameters: string[] = [];
    const wanted = requireNames(names);
    this.deps.store.transact((tx) => {
      for (const name of wanted) {
        try {
          requireParameter(tx, partition, name);
          deleteParameterRecord(tx, partition, name);
          DeletedParameters.push(name);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          InvalidParameters.push(name);
        }
      }
    });
    return { DeletedParameters, InvalidParameters };
  }

  describe(partition: Partition, request: DescribeParametersRequest): DescribeParametersResult {
    eitherFilters(request.Filters, request.ParameterFilters);
    if (request.Shared === true) return { Parameters: [] };
    const filters = checkFilters(request.ParameterFilters ?? legacyFilters(request.Filters), [
      'Name',
      'Type',
      'KeyId',
      'Path',
      'Tier',
      'DataType',
    ]);
    const matched = listParameters(this.deps.store, partition).filter(
      (record) => selectByFilters(record, filters) !== undefined,
    );
    const page = paginate(matched, request.MaxResults, request.NextToken, 50);
    return {
      Parameters: page.items.map((record) => metadataView(partition, record)),
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    };
  }

  history(partition: Partition, request: GetParameterHistoryRequest): GetParameterHistoryResult {
    const record = resolveRecord(this.deps.store, partition, request.Name);
    const page = paginate(record.versions, request.MaxResults, request.NextToken, 50);
    return {
      Parameters: page.items.map((v) =>
        historyView(this.deps.cipher, record, v, request.WithDecryption === true),
      ),
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    };
  }

  label(partition: Partition, request: LabelParameterVersionRequest): LabelParameterVersionResult {
    return labelVersion(this.deps, partition, request);
  }

  unlabel(partition: Partition, request: UnlabelParameterVersionRequest): UnlabelParameterVersionResult {
    return unlabelVersion(this.deps, partition, request);
  }
}
