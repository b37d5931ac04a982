/**
 * Listeners: CreateListener (HTTP or HTTPS, one per load balancer and port, ≤ 50 per load
 * balancer, with its default rule), DescribeListeners, ModifyListener and DeleteListener.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreReader, StoreTransaction } from '@berth/store';
import type {
  CreateListenerInput,
  DescribeListenersInput,
  Listener,
  ModifyListenerInput,
} from '@berth/wire/elbv2';

import { listenerArn, ruleArn } from '../../records/elbv2-arns.js';
import type { ListenerRecord } from '../../records/listener-record.js';
import type { ActionRecord, RuleRecord } from '../../records/rule-record.js';
import { ELBV2_KIND } from '../../records/store-kinds.js';
import {
  duplicateListener,
  listenerNotFound,
  notSupported,
  tooManyListeners,
  validationError,
} from '../elbv2-errors.js';
import { findListener, listenerOf, loadBalancerOf } from '../lookups.js';
import { pageOf, type MarkerPage } from '../pagination.js';
import { checkForwardTargets } from '../rules/forward-checks.js';
import { validateActions } from '../rules/rule-actions.js';
import { deleteListenerTx, putRuleTx } from '../rules/rule-store.js';
import type { ServiceDeps } from '../service-deps.js';
import { putTags } from '../tags/tags-service.js';
import { validateTags } from '../tags/tag-rules.js';

import { checkPort, checkProtocol, tlsSettings } from './listener-rules.js';
import { listenerView } from './listener-view.js';

export const MAX_LISTENERS_PER_LOAD_BALANCER = 50;

const checkUnsupported = (request: Pick<CreateListenerInput, 'MutualAuthentication'>): void => {
  if (request.MutualAuthentication !== undefined && request.MutualAuthentication.Mode !== 'off')
    throw notSupported('mutual TLS authentication', 'Berth has no trust stores');
};

export class ListenersService {
  constructor(private readonly deps: ServiceDeps) {}

  create(partition: Partition, request: CreateListenerInput): Listener {
    const key = partitionKey(partition);
    checkUnsupported(request);
    const protocol = checkProtocol(request.Protocol);
    const port = checkPort(request.Port);
    const tls = tlsSettings(protocol, request.Certificates, request.SslPolicy);
    const actions = validateActions(request.DefaultActions, protocol);
    const tags = validateTags(request.Tags);
    return this.deps.store.transact((tx) => {
      const lb = loadBalancerOf(tx, key, request.LoadBalancerArn);
      const siblings = tx.list<ListenerRecord>(ELBV2_KIND.listener, lb.arn);
      if (siblings.some((l) => l.port === port)) throw duplicateListener();
      if (siblings.length >= MAX_LISTENERS_PER_LOAD_BALANCER)
        throw tooManyListeners(MAX_LISTENERS_PER_LOAD_BALANCER);
      checkForwardTargets(tx, key, lb.arn, actions);
      const id = this.deps.ids.hex16();
      const arn = listenerArn(lb.arn, id);
      const listener: ListenerRecord = {
        arn,
        id,
        loadBalancerArn: lb.arn,
        partitionKey: key,
        port,
        protocol,
        sslPolicy: tls.sslPolicy,
        certificates: tls.certificates,
        alpnPolicy: request.AlpnPolicy ?? [],
        defaultRuleArn: ruleArn(arn, this.deps.ids.hex16()),
        createdAt: this.deps.now(),
      };
      tx.put(ELBV2_KIND.listener, arn, lb.arn, listener);
      const rule = this.putDefaultRule(tx, listener, actions);
      putTags(tx, key, arn, tags);
      return listenerView(listener, rule);
    });
  }

  describe(partition: Partition, request: DescribeListenersInput): MarkerPage<Listener> {
    const key = partitionKey(partition);
    const store = this.deps.store;
    const arns = request.ListenerArns;
    if (arns?.length && request.LoadBalancerArn !== undefined)
      throw validationError('Listener ARNs and a load balancer ARN cannot be specified at the same time');
    let listeners: ListenerRecord[];
    if (arns?.length) {
      listeners = arns.map((arn) => findListener(store, key, arn)).filter((l) => l !== undefined);
      if (listeners.length !== new Set(arns).size) throw listenerNotFound();
    } else if (request.LoadBalancerArn !== undefined) {
      const lb = loadBalancerOf(store, key, request.LoadBalancerArn);
      listeners = store.list<ListenerRecord>(ELBV2_KIND.listener, lb.arn).sort((a, b) => a.port - b.port);
    } else throw validationError('You must specify either listener ARNs or a load balancer ARN');
    const page = pageOf(listeners, request.PageSize, request.Marker);
    return { ...page, items: page.items.map((l) => this.view(store, l)) };
  }

  modify(partition: Partition, request: ModifyListenerInput): Listener {
    const key = partitionKey(partition);
    checkUnsupported(request);
    return this.deps.store.transact((tx) => {
      const listener = listenerOf(tx, key, request.ListenerArn);
      const protocol = request.Protocol === undefined ? listener.protocol : checkProtocol(request.Protocol);
      const port = request.Port === undefined ? listener.port : checkPort(request.Port);
      if (
        port !== listener.port &&
        tx.list<ListenerRecord>(ELBV2_KIND.listener, listener.loadBalancerArn).some((l) => l.port === port)
      )
        throw duplicateListener();
      const keepTls =
        protocol === 'HTTPS' && listener.protocol === 'HTTPS' && request.Certificates === undefined;
      const certificates = keepTls
        ? listener.certificates.map((c) => ({ CertificateArn: c.certificateArn }))
        : request.Certificates;
      const tls = tlsSettings(
        protocol,
        certificates,
        request.SslPolicy ?? (protocol === 'HTTPS' ? (listener.sslPolicy ?? undefined) : undefined),
      );
      const next: ListenerRecord = {
        ...listener,
        protocol,
        port,
        ...tls,
        alpnPolicy: request.AlpnPolicy ?? listener.alpnPolicy,
      };
      tx.put(ELBV2_KIND.listener, listener.arn, listener.loadBalancerArn, next);
      let rule = tx.get<RuleRecord>(ELBV2_KIND.rule, listener.defaultRuleArn);
      if (request.DefaultActions?.length) {
        const actions = validateActions(request.DefaultActions, protocol);
        checkForwardTargets(tx, key, listener.loadBalancerArn, actions);
        rule = this.putDefaultRule(tx, next, actions);
      }
      return listenerView(next, rule);
    });
  }

  delete(partition: Partition, arn: unknown): void {
    const key = partitionKey(partition);
    this.deps.store.transact((tx) => deleteListenerTx(tx, listenerOf(tx, key, arn)));
  }

  private putDefaultRule(
    tx: StoreTransaction,
    listener: ListenerRecord,
    actions: ActionRecord[],
  ): RuleRecord {
    const rule: RuleRecord = {
      arn: listener.defaultRuleArn,
      listenerArn: listener.arn,
      loadBalancerArn: listener.loadBalancerArn,
      partitionKey: listener.partitionKey,
      priority: 'default',
      conditions: [],
      actions,
    };
    putRuleTx(tx, rule);
    return rule;
  }

  private view(reader: StoreReader, listener: ListenerRecord): Listener {
    return listenerView(listener, reader.get<RuleRecord>(ELBV2_KIND.rule, listener.defaultRuleArn));
  }
}
