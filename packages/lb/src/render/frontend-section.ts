/**
 * One `frontend` per listener. The request's host is read once (lower-cased, port dropped); then
 * every rule in plan order sets `txn.berth_rule` to its index if no earlier rule matched and all
 * its condition ACLs hold, the default rule last and unconditional. Only then do the actions run,
 * each guarded by that index, so a fixed-response or redirect can never overtake a forward rule of
 * a lower priority (http-request rules always run before use_backend).
 */
import { type ListenerPlan, type TargetGroupPlan, backendName, frontendName } from '../model/lb-model.js';
import { renderAlbHeaders } from './alb-headers.js';
import { configWord, haproxyName } from './haproxy-quote.js';
import { conditionAclName, HOST_VAR, renderRuleAcls } from './rule-acls.js';
import { BACKEND_VAR, LB_ANSWER_VAR, RULE_VAR, STICKY_VAR, renderRuleAction } from './rule-actions.js';
import { ALB_SERVER_HEADER } from './error-pages.js';

const bindLine = (listener: ListenerPlan): string => {
  if (!/^[0-9a-fA-F.:]+$/.test(listener.bindAddress))
    throw new Error(`'${listener.bindAddress}' is not an address`);
  if (!Number.isInteger(listener.port) || listener.port < 1 || listener.port > 65535) {
    throw new Error(`${listener.port} is not a port`);
  }
  const address = listener.bindAddress.includes(':') ? `[${listener.bindAddress}]` : listener.bindAddress;
  if (listener.protocol === 'HTTP') return `    bind ${address}:${listener.port}`;
  if (listener.certificatePemPath === undefined)
    throw new Error(`HTTPS listener ${listener.id} has no certificate`);
  return `    bind ${address}:${listener.port} ssl crt ${configWord(listener.certificatePemPath)} alpn h2,http/1.1`;
};

export const renderFrontendSection = (
  listener: ListenerPlan,
  loadBalancerName: string,
  targetGroups: readonly TargetGroupPlan[],
): string[] => {
  const known = new Set(targetGroups.map((group) => group.id));
  const lines = [
    `frontend ${haproxyName(frontendName(listener.id))}`,
    `    # load balancer ${configWord(loadBalancerName)}, ${listener.protocol} ${listener.port}`,
    bindLine(listener),
    ...renderAlbHeaders(listener),
    `    http-request set-var(${HOST_VAR}) req.fhdr(host),host_only`,
  ];
  listener.rules.forEach((rule, index) => {
    lines.push(`    # rule ${index}: priority ${rule.priority}`);
    lines.push(...renderRuleAcls(index, rule.conditions));
    const acls = rule.conditions.map((_, c) => ` ${conditionAclName(index, c)}`).join('');
    lines.push(
      `    http-request set-var(${RULE_VAR}) int(${index}) if !{ var(${RULE_VAR}) -m found }${acls}`,
    );
  });
  listener.rules.forEach((rule, index) =>
    lines.push(...renderRuleAction(index, rule.action, listener, known)),
  );
  lines.push(
    `    http-response add-header Set-Cookie "AWSALBTG=%[var(${BACKEND_VAR})]; Max-Age=%[var(${STICKY_VAR})]; Path=/" ` +
      `if { var(${STICKY_VAR}) -m found }`,
    `    http-after-response set-header Server ${configWord(ALB_SERVER_HEADER)} if { var(${LB_ANSWER_VAR}) -m found }`,
  );
  const backends = [
    ...new Set(
      listener.rules.flatMap((rule) =>
        rule.action.type === 'forward'
          ? rule.action.targetGroups.filter((g) => known.has(g.id)).map((g) => g.id)
          : [],
      ),
    ),
  ];
  for (const id of backends) {
    const name = haproxyName(backendName(id));
    lines.push(`    use_backend ${name} if { var(${BACKEND_VAR}) -m str ${name} }`);
  }
  // No rule matched (a listener always has a default rule, so only a malformed plan): ALB's 503.
  return lines;
};
