/**
 * Pure validation of rule and default actions as ELBv2 does it: one terminal action (forward,
 * fixed-response or redirect); forward to a target group ARN or a ForwardConfig (1–5 groups,
 * weights 0–999, stickiness 1–604800 s); fixed-response status 2XX/4XX/5XX with one of ELBv2's
 * content types; redirects that change something and never go from HTTPS to HTTP. Authentication
 * actions are refused: Berth runs no identity provider.
 */
import type { Action, ForwardActionConfig } from '@berth/wire/elbv2';

import type { ActionRecord, ForwardTarget } from '../../records/rule-record.js';
import { enumError, invalidAction, notSupported, shown, validationError } from '../elbv2-errors.js';

const TYPES = [
  'forward',
  'redirect',
  'fixed-response',
  'authenticate-oidc',
  'authenticate-cognito',
  'jwt-validation',
];
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];
const MAX_WEIGHT = 999;
const MAX_STICKINESS = 604800;

/** A forward action's target groups, checked as ELBv2 does: at most 5, distinct, weights 0–999. */
export const checkForwardTargetList = (
  tuples: readonly { readonly targetGroupArn?: unknown; readonly weight?: unknown }[],
): ForwardTarget[] => {
  if (tuples.length > 5) throw invalidAction('A forward action can have at most 5 target groups');
  const seen = new Set<string>();
  return tuples.map((tuple) => {
    const arn = tuple.targetGroupArn;
    if (typeof arn !== 'string' || arn.length === 0)
      throw validationError('Each target group of a forward config must have a TargetGroupArn');
    if (seen.has(arn))
      throw invalidAction(`Target group '${arn}' is specified more than once in the forward config`);
    seen.add(arn);
    const weight = tuple.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT)
      throw validationError(`Target group weight '${shown(weight)}' must be between 0 and ${MAX_WEIGHT}`);
    return { targetGroupArn: arn, weight };
  });
};

const forwardTargets = (action: Action, config: ForwardActionConfig | undefined): ForwardTarget[] => {
  const tuples = config?.TargetGroups ?? [];
  if (action.TargetGroupArn !== undefined) {
    if (tuples.length > 1 || (tuples.length === 1 && tuples[0]?.TargetGroupArn !== action.TargetGroupArn))
      throw validationError(
        'You cannot specify both a target group ARN and a forward config with different target groups',
      );
    return [{ targetGroupArn: action.TargetGroupArn, weight: tuples[0]?.Weight ?? 1 }];
  }
  if (tuples.length === 0)
    throw validationError(
      "A forward action must specify either 'TargetGroupArn' or 'ForwardConfig.TargetGroups'",
    );
  return checkForwardTargetList(tuples.map((t) => ({ targetGroupArn: t.TargetGroupArn, weight: t.Weight })));
};

const forward = (action: Action, order: number): ActionRecord => {
  const config = action.ForwardConfig;
  const targetGroups = forwardTargets(action, config);
  const stickiness = config?.TargetGroupStickinessConfig;
  let stickinessSeconds: number | null = null;
  if (stickiness?.Enabled === true) {
    const duration = stickiness.DurationSeconds;
    if (duration === undefined || !Number.isInteger(duration) || duration < 1 || duration > MAX_STICKINESS)
      throw validationError(
        `Target group stickiness duration must be between 1 and ${MAX_STICKINESS} seconds`,
      );
    stickinessSeconds = duration;
  }
  return { type: 'forward', order, targetGroups, stickinessSeconds };
};

const fixedResponse = (action: Action, order: number): ActionRecord => {
  const config = action.FixedResponseConfig;
  if (!config) throw validationError("A fixed-response action must specify 'FixedResponseConfig'");
  if (typeof config.StatusCode !== 'string' || !/^[245]\d\d$/.test(config.StatusCode))
    throw validationError(
      `Fixed-response status code '${String(config.StatusCode)}' must be a 2XX, 4XX or 5XX code`,
    );
  if (config.ContentType !== undefined && !CONTENT_TYPES.includes(config.ContentType))
    throw validationError(enumError(config.ContentType, 'contentType', CONTENT_TYPES));
  if (config.MessageBody !== undefined && config.MessageBody.length > 1024)
    throw validationError('Fixed-response message body must be at most 1024 characters');
  return {
    type: 'fixed-response',
    order,
    statusCode: config.StatusCode,
    contentType: config.ContentType ?? null,
    messageBody: config.MessageBody ?? null,
  };
};

const redirect = (action: Action, order: number, listenerProtocol: string): ActionRecord => {
  const config = action.RedirectConfig;
  if (!config) throw validationError("A redirect action must specify 'RedirectConfig'");
  if (config.StatusCode !== 'HTTP_301' && config.StatusCode !== 'HTTP_302')
    throw validationError(enumError(String(config.StatusCode), 'statusCode', ['HTTP_301', 'HTTP_302']));
  const protocol = config.Protocol ?? '#{protocol}';
  const port = config.Port ?? '#{port}';
  const host = config.Host ?? '#{host}';
  const path = config.Path ?? '/#{path}';
  const query = config.Query ?? '#{query}';
  if (!['HTTP', 'HTTPS', '#{protocol}'].includes(protocol))
    throw validationError(`Redirect protocol '${protocol}' must be HTTP, HTTPS or #{protocol}`);
  if (port !== '#{port}' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    throw validationError(`Redirect port '${port}' must be between 1 and 65535 or #{port}`);
  if (host.length < 1 || host.length > 128)
    throw validationError('Redirect host must be between 1 and 128 characters');
  if (!path.startsWith('/') || path.length > 128)
    throw validationError("Redirect path must start with '/' and be at most 128 characters");
  if (query.length > 128 || query.startsWith('?'))
    throw validationError("Redirect query must be at most 128 characters and must not start with '?'");
  if (protocol === '#{protocol}' && port === '#{port}' && host === '#{host}' && path === '/#{path}')
    throw invalidAction('The redirect must change at least one of the protocol, host, port or path');
  if (listenerProtocol === 'HTTPS' && protocol === 'HTTP')
    throw invalidAction('Redirects from HTTPS to HTTP are not allowed');
  return { type: 'redirect', order, protocol, port, host, path, query, statusCode: config.StatusCode };
};

/** Validates and normalises a rule's actions, in order. `listenerProtocol` decides redirect rules. */
export const validateActions = (
  actions: readonly Action[] | undefined,
  listenerProtocol: string,
): ActionRecord[] => {
  if (!actions || actions.length === 0) throw validationError('At least one action must be specified');
  if (actions.length > 1 && actions.some((a) => a.Order === undefined))
    throw validationError(
      'An action order must be specified for each action when there is more than one action',
    );
  const records = actions.map((action, i): ActionRecord => {
    const order = action.Order ?? i + 1;
    if (!Number.isInteger(order) || order < 1 || order > 50000)
      throw validationError(`Action order '${order}' must be between 1 and 50000`);
    switch (action.Type) {
      case 'forward':
        return forward(action, order);
      case 'fixed-response':
        return fixedResponse(action, order);
      case 'redirect':
        return redirect(action, order, listenerProtocol);
      case 'authenticate-oidc':
      case 'authenticate-cognito':
      case 'jwt-validation':
        throw notSupported(`'${action.Type}' actions`, 'Berth runs no identity provider or token validation');
      default:
        throw validationError(enumError(String(action.Type), `actions.${i + 1}.member.type`, TYPES));
    }
  });
  if (new Set(records.map((a) => a.order)).size !== records.length)
    throw validationError('Each action of a rule must have a different order');
  if (records.length > 1)
    throw invalidAction('A rule can have only one terminal action (forward, redirect or fixed-response)');
  return records.sort((a, b) => a.order - b.order);
};
