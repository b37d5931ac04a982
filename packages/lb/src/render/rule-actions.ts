/**
 * What a matched rule does, as frontend lines guarded by `{ var(txn.berth_rule) -m int <i> }`:
 * forward (weighted across target groups with rand(), target-group stickiness through AWSALBTG),
 * fixed-response (`http-request return`) and redirect (`http-request redirect location`).
 */
import { type ListenerPlan, type RuleAction, backendName } from '../model/lb-model.js';
import { ALB_SERVER_HEADER } from './error-pages.js';
import { HOST_VAR } from './rule-acls.js';
import { configWord, logFormatLiteral } from './haproxy-quote.js';

export const RULE_VAR = 'txn.berth_rule';
export const BACKEND_VAR = 'txn.berth_backend';
export const WEIGHT_VAR = 'txn.berth_weight';
export const STICKY_VAR = 'txn.berth_tg_sticky';
export const LB_ANSWER_VAR = 'txn.berth_lb_answer';

export const ruleGuard = (index: number): string => `{ var(${RULE_VAR}) -m int ${index} }`;

type Forward = Extract<RuleAction, { type: 'forward' }>;
type Redirect = Extract<RuleAction, { type: 'redirect' }>;
type FixedResponse = Extract<RuleAction, { type: 'fixed-response' }>;

const renderForward = (index: number, action: Forward, knownGroups: ReadonlySet<string>): string[] => {
  const guard = ruleGuard(index);
  const groups = action.targetGroups.filter((group) => group.weight > 0 && knownGroups.has(group.id));
  if (groups.length === 0) {
    // Only weight-0 (or unknown) groups: nothing can take the request, as ALB answers 503.
    return [`    http-request deny deny_status 503 if ${guard}`];
  }
  const pick = (id: string, extra: string): string =>
    `    http-request set-var(${BACKEND_VAR}) str(${backendName(id)}) if ${guard}${extra}`;
  const lines: string[] = [];
  const stickiness = action.stickinessSeconds;
  if (stickiness !== undefined) {
    if (!Number.isInteger(stickiness) || stickiness < 1) throw new Error('stickinessSeconds must be ≥ 1');
    // A client's AWSALBTG names the group it had; honoured while that group still takes traffic here.
    for (const group of groups)
      lines.push(pick(group.id, ` { req.cook(AWSALBTG) -m str ${backendName(group.id)} }`));
    lines.push(`    http-request set-var(${STICKY_VAR}) int(${stickiness}) if ${guard}`);
  }
  const unpicked = stickiness === undefined ? '' : ` !{ var(${BACKEND_VAR}) -m found }`;
  const [only] = groups;
  if (groups.length === 1 && only !== undefined) {
    lines.push(pick(only.id, unpicked));
    return lines;
  }
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  lines.push(`    http-request set-var(${WEIGHT_VAR}) rand(${total}) if ${guard}${unpicked}`);
  let low = 0;
  for (const group of groups) {
    const high = low + group.weight - 1;
    lines.push(pick(group.id, `${unpicked} { var(${WEIGHT_VAR}) -m int ${low}:${high} }`));
    low = high + 1;
  }
  return lines;
};

/** Statuses that cannot carry a body (HAProxy refuses one, as HTTP says). */
const NO_BODY = new Set([204, 304]);

const renderFixedResponse = (index: number, action: FixedResponse): string[] => {
  if (!Number.isInteger(action.statusCode) || action.statusCode < 200 || action.statusCode > 599) {
    throw new Error(`fixed-response status ${action.statusCode} is outside 200–599`);
  }
  // Without a body HAProxy sends no Content-Type (it ignores one given for an empty reply).
  const payload =
    action.messageBody === undefined || action.messageBody === '' || NO_BODY.has(action.statusCode)
      ? ''
      : `content-type ${configWord(action.contentType ?? 'text/plain; charset=utf-8')} string ${configWord(action.messageBody)} `;
  return [
    `    http-request return status ${action.statusCode} ${payload}hdr Server ${configWord(ALB_SERVER_HEADER)} ` +
      `if ${ruleGuard(index)}`,
  ];
};

/** Fills one redirect component: placeholders become log-format fetches, the rest is literal. */
const component = (template: string, listener: ListenerPlan): string =>
  template
    .split(/(#\{(?:protocol|host|port|path|query)\})/)
    .map((part) => {
      switch (part) {
        case '#{protocol}':
          return listener.protocol;
        case '#{port}':
          return String(listener.port);
        case '#{host}':
          return `%[var(${HOST_VAR})]`;
        case '#{path}':
          return '%[path,regsub(^/,)]';
        case '#{query}':
          return '%[query]';
        default:
          return logFormatLiteral(part);
      }
    })
    .join('');

const renderRedirect = (index: number, action: Redirect, listener: ListenerPlan): string[] => {
  const protocol = action.protocol.replace('#{protocol}', listener.protocol).toLowerCase();
  const port = action.port.replace('#{port}', String(listener.port));
  const defaultPort = (protocol === 'http' && port === '80') || (protocol === 'https' && port === '443');
  const authority = `${component(action.host, listener)}${defaultPort ? '' : `:${component(port, listener)}`}`;
  const base = `${logFormatLiteral(protocol)}://${authority}${component(action.path, listener)}`;
  const code = action.statusCode;
  const guard = ruleGuard(index);
  const answer = `    http-request set-var(${LB_ANSWER_VAR}) bool(true) if ${guard}`;
  const redirect = (location: string, extra = ''): string =>
    `    http-request redirect location ${configWord(location)} code ${code} if ${guard}${extra}`;
  if (action.query === '') return [answer, redirect(base)];
  if (action.query === '#{query}') {
    // ALB drops the '?' when the request had no (or an empty) query string.
    return [answer, redirect(`${base}?%[query]`, ' { query -m len 1: }'), redirect(base)];
  }
  return [answer, redirect(`${base}?${component(action.query, listener)}`)];
};

export const renderRuleAction = (
  index: number,
  action: RuleAction,
  listener: ListenerPlan,
  knownGroups: ReadonlySet<string>,
): string[] => {
  switch (action.type) {
    case 'forward':
      return renderForward(index, action, knownGroups);
    case 'fixed-response':
      return renderFixedResponse(index, action);
    case 'redirect':
      return renderRedirect(index, action, listener);
  }
};
