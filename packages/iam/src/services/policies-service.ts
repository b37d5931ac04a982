/**
 * Managed policies: customer ones (create, versions — at most five, one default — and delete) and
 * the built-in AWS ones (read-only), listed together by ListPolicies' Scope.
 */
import { ApiError } from '@berth/core';
import type { Policy, PolicyVersion } from '@berth/wire/iam';

import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { IAM_KIND, type ManagedPolicyRecord } from '../records/iam-records.js';

import { type IamDeps, nowSeconds } from './iam-deps.js';
import {
  constraintError,
  deleteConflict,
  entityAlreadyExists,
  limitExceeded,
  noSuchEntity,
} from './iam-errors.js';
import { type IamPage, paginate } from './iam-pagination.js';
import { tagsOutput, validTags } from './iam-tags.js';
import { prefixOf, requiredString, textOf, validName, validPath } from './iam-validation.js';
import {
  attachmentCountOf,
  findManagedPolicy,
  type ManagedPolicyView,
  noSuchPolicy,
} from './managed-policies.js';
import { type PolicyDocumentCache, encodeDocument, validDocument } from './policy-documents.js';

const MAX_VERSIONS = 5;
const MAX_MANAGED_DOCUMENT = 6144;

const unmodifiable = (arn: string): ApiError =>
  new ApiError('UnmodifiableEntity', `Policy ${arn} is an AWS managed policy and cannot be modified.`, 400);

export interface CreatePolicyInput {
  readonly PolicyName?: unknown;
  readonly Path?: unknown;
  readonly PolicyDocument?: unknown;
  readonly Description?: unknown;
  readonly Tags?: unknown;
}

export interface ListPoliciesInput {
  readonly Scope?: unknown;
  readonly OnlyAttached?: unknown;
  readonly PathPrefix?: unknown;
  readonly Marker?: unknown;
  readonly MaxItems?: unknown;
}

export class PoliciesService {
  constructor(
    private readonly deps: IamDeps,
    private readonly documents: PolicyDocumentCache,
  ) {}

  private output(accountId: string, view: ManagedPolicyView): Policy {
    const p = view.policy;
    return {
      PolicyName: p.policyName,
      PolicyId: p.policyId,
      Arn: p.arn,
      Path: p.path,
      DefaultVersionId: view.source === 'aws' ? 'v1' : view.policy.defaultVersionId,
      AttachmentCount: attachmentCountOf(this.deps.store, accountId, view),
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      ...(p.description !== undefined ? { Description: p.description } : {}),
      CreateDate: p.createDate,
      UpdateDate: view.source === 'aws' ? p.createDate : view.policy.updateDate,
      ...(view.source === 'customer' ? tagsOutput(view.policy.tags) : {}),
    };
  }

  private view(accountId: string, arn: unknown): ManagedPolicyView {
    const policyArn = requiredString('policyArn', arn);
    const view = findManagedPolicy(this.deps.store, policyArn);
    if (view === undefined || (view.source === 'customer' && view.policy.accountId !== accountId))
      throw noSuchPolicy(policyArn);
    return view;
  }

  private customer(accountId: string, arn: unknown): ManagedPolicyRecord {
    const view = this.view(accountId, arn);
    if (view.source === 'aws') throw unmodifiable(view.policy.arn);
    return view.policy;
  }

  create(accountId: string, input: CreatePolicyInput): Policy {
    const name = validName('policyName', input.PolicyName, 128);
    const path = validPath(input.Path);
    const text = validDocument(
      this.documents,
      'policyDocument',
      input.PolicyDocument,
      'identity',
      MAX_MANAGED_DOCUMENT,
      true,
    );
    const now = nowSeconds(this.deps);
    const record: ManagedPolicyRecord = {
      accountId,
      policyName: name,
      policyId: this.deps.ids.uniqueId('ANPA'),
      arn: `arn:aws:iam::${accountId}:policy${path}${name}`,
      path,
      ...(input.Description !== undefined ? { description: textOf(input.Description) } : {}),
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document: text, createDate: now }],
      nextVersion: 2,
      attachmentCount: 0,
      createDate: now,
      updateDate: now,
      tags: validTags(input.Tags),
    };
    this.deps.store.transact((tx) => {
      const taken = tx
        .list<ManagedPolicyRecord>(IAM_KIND.policy, accountId)
        .some((p) => p.policyName.toLowerCase() === name.toLowerCase());
      if (taken)
        throw entityAlreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
      tx.put(IAM_KIND.policy, record.arn, accountId, record);
    });
    return this.output(accountId, { source: 'customer', policy: record });
  }

  get(accountId: string, arn: unknown): Policy {
    return this.output(accountId, this.view(accountId, arn));
  }

  list(accountId: string, input: ListPoliciesInput): IamPage<Policy> {
    const scope = input.Scope ?? 'All';
    if (scope !== 'All' && scope !== 'AWS' && scope !== 'Local')
      throw constraintError('scope', scope, 'Member must satisfy enum value set: [All, AWS, Local]');
    const prefix = prefixOf(input.PathPrefix);
    const views: ManagedPolicyView[] = [
      ...(scope === 'Local'
        ? []
        : AWS_MANAGED_POLICIES.map((policy): ManagedPolicyView => ({ source: 'aws', policy }))),
      ...(scope === 'AWS'
        ? []
        : this.deps.store
            .list<ManagedPolicyRecord>(IAM_KIND.policy, accountId)
            .sort((a, b) => (a.policyName.toLowerCase() < b.policyName.toLowerCase() ? -1 : 1))
            .map((policy): ManagedPolicyView => ({ source: 'customer', policy }))),
    ];
    const onlyAttached = input.OnlyAttached === true || input.OnlyAttached === 'true';
    const policies = views
      .filter((v) => v.policy.path.startsWith(prefix))
      .map((v) => this.output(accountId, v))
      .filter((p) => !onlyAttached || (p.AttachmentCount ?? 0) > 0);
    return paginate(policies, input.Marker, input.MaxItems);
  }

  delete(accountId: string, arn: unknown): void {
    const policy = this.customer(accountId, arn);
    this.deps.store.transact((tx) => {
      const current = tx.get<ManagedPolicyRecord>(IAM_KIND.policy, policy.arn) ?? policy;
      if (current.attachmentCount > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
      if (current.versions.length > 1)
        throw deleteConflict(
          "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
        );
      tx.delete(IAM_KIND.policy, policy.arn);
    });
  }

  getVersion(accountId: string, arn: unknown, versionId: unknown): PolicyVersion {
    const view = this.view(accountId, arn);
    const id = requiredString('versionId', versionId);
    const missing = noSuchEntity(
      `Policy ${view.policy.arn} version ${id} does not exist or is not attachable.`,
    );
    if (view.source === 'aws') {
      if (id !== 'v1') throw missing;
      return {
        Document: encodeDocument(view.policy.document),
        VersionId: 'v1',
        IsDefaultVersion: true,
        CreateDate: view.policy.createDate,
      };
    }
    const version = view.policy.versions.find((v) => v.versionId === id);
    if (version === undefined) throw missing;
    return {
      Document: encodeDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === view.policy.defaultVersionId,
      CreateDate: version.createDate,
    };
  }

  listVersions(accountId: string, arn: unknown, marker: unknown, maxItems: unknown): IamPage<PolicyVersion> {
    const view = this.view(accountId, arn);
    const versions: PolicyVersion[] =
      view.source === 'aws'
        ? [{ VersionId: 'v1', IsDefaultVersion: true, CreateDate: view.policy.createDate }]
        : [...view.policy.versions].reverse().map((v) => ({
            VersionId: v.versionId,
            IsDefaultVersion: v.versionId === view.policy.defaultVersionId,
            CreateDate: v.createDate,
          }));
    return paginate(versions, marker, maxItems);
  }

  createVersion(accountId: string, arn: unknown, document: unknown, setAsDefault: unknown): PolicyVersion {
    const policy = this.customer(accountId, arn);
    const text = validDocument(
      this.documents,
      'policyDocument',
      document,
      'identity',
      MAX_MANAGED_DOCUMENT,
      true,
    );
    const asDefault = setAsDefault === true || setAsDefault === 'true';
    const now = nowSeconds(this.deps);
    return this.deps.store.transact((tx) => {
      const current = tx.get<ManagedPolicyRecord>(IAM_KIND.policy, policy.arn) ?? policy;
      if (current.versions.length >= MAX_VERSIONS)
        throw limitExceeded(
          'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
        );
      const versionId = `v${current.nextVersion}`;
      tx.put(IAM_KIND.policy, current.arn, accountId, {
        ...current,
        versions: [...current.versions, { versionId, document: text, createDate: now }],
        nextVersion: current.nextVersion + 1,
        defaultVersionId: asDefault ? versionId : current.defaultVersionId,
        updateDate: now,
      } satisfies ManagedPolicyRecord);
      return { VersionId: versionId, IsDefaultVersion: asDefault, CreateDate: now };
    });
  }

  deleteVersion(accountId: string, arn: unknown, versionId: unknown): void {
    const policy = this.customer(accountId, arn);
    const id = requiredString('versionId', versionId);
    this.deps.store.transact((tx) => {
      const current = tx.get<ManagedPolicyRecord>(IAM_KIND.policy, policy.arn) ?? policy;
      if (!current.versions.some((v) => v.versionId === id))
        throw noSuchEntity(`Policy ${current.arn} version ${id} does not exist or is not deletable.`);
      if (current.defaultVersionId === id)
        throw deleteConflict('Cannot delete the default version of a policy.');
      tx.put(IAM_KIND.policy, current.arn, accountId, {
        ...current,
        versions: current.versions.filter((v) => v.versionId !== id),
      } satisfies ManagedPolicyRecord);
    });
  }

  setDefaultVersion(accountId: string, arn: unknown, versionId: unknown): void {
    const policy = this.customer(accountId, arn);
    const id = requiredString('versionId', versionId);
    this.deps.store.transact((tx) => {
      const current = tx.get<ManagedPolicyRecord>(IAM_KIND.policy, policy.arn) ?? policy;
      if (!current.versions.some((v) => v.versionId === id))
        throw noSuchEntity(`Policy ${current.arn} version ${id} does not exist or is not attachable.`);
      tx.put(IAM_KIND.policy, current.arn, accountId, {
        ...current,
        defaultVersionId: id,
        updateDate: nowSeconds(this.deps),
      } satisfies ManagedPolicyRecord);
    });
  }
}
