/**
 * One `backend` per target group. Every algorithm maps to a dynamic one HAProxy accepts for
 * runtime `add server` (roundrobin, leastconn, random). lb_cookie stickiness is a *dynamic*
 * AWSALB cookie (a hash of the key and the server's address, so it survives reloads), because
 * `add server` cannot set a server's `cookie` value. HAProxy 2.6 leaves a server added at run time
 * with an empty cookie until `enable dynamic-cookie backend <tg>` regenerates the backend's cookies:
 * the runtime driver must send it after every `add server` (the integration test shows both).
 * app_cookie follows the application's cookie through a stick table.
 * No server has `check`: Berth health-checks and sets server states through the runtime API.
 */
import { type ServerPlan, type TargetGroupPlan, backendName } from '../model/lb-model.js';
import { configWord, fetchArgument, haproxyName } from './haproxy-quote.js';

const BALANCE: Readonly<Record<TargetGroupPlan['algorithm'], string>> = {
  round_robin: 'roundrobin',
  least_outstanding_requests: 'leastconn',
  // random(1): one weighted draw per request, as ALB's weighted_random (no power-of-two choice).
  weighted_random: 'random(1)',
};

const seconds = (value: number): number => {
  if (!Number.isInteger(value) || value < 1) throw new Error('stickiness durations are whole seconds ≥ 1');
  return value;
};

const serverAddress = (server: ServerPlan): string => {
  if (!/^[A-Za-z0-9.:-]+$/.test(server.address)) throw new Error(`'${server.address}' is not an address`);
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535) {
    throw new Error(`${server.port} is not a port`);
  }
  return server.address.includes(':')
    ? `ipv6@${server.address}:${server.port}`
    : `${server.address}:${server.port}`;
};

/** A server line: drain is weight 0 (no new requests; HAProxy 2.6 has no drain keyword), maint is disabled. */
export const renderServerLine = (server: ServerPlan): string => {
  if (!Number.isInteger(server.weight) || server.weight < 0 || server.weight > 256) {
    throw new Error(`server weight ${server.weight} is outside 0–256`);
  }
  const weight = server.state === 'drain' ? 0 : server.weight;
  const disabled = server.state === 'maint' ? ' disabled' : '';
  return `    server ${haproxyName(server.name)} ${serverAddress(server)} weight ${weight}${disabled}`;
};

const stickinessLines = (group: TargetGroupPlan, cookieKey: string): string[] => {
  const stickiness = group.stickiness;
  if (stickiness === undefined) return [];
  const duration = seconds(stickiness.durationSeconds);
  if (stickiness.type === 'lb_cookie') {
    return [
      `    cookie AWSALB insert nocache dynamic maxidle ${duration}s attr ${configWord(`Max-Age=${duration}`)}`,
      `    dynamic-cookie-key ${configWord(cookieKey)}`,
    ];
  }
  const cookie = fetchArgument(stickiness.cookieName);
  return [
    `    stick-table type string len 128 size 100k expire ${duration}s`,
    `    stick on req.cook(${cookie})`,
    `    stick store-response res.cook(${cookie})`,
  ];
};

export const renderBackendSection = (group: TargetGroupPlan, cookieKey: string): string[] => [
  `backend ${haproxyName(backendName(group.id))}`,
  `    # target group ${configWord(group.name)}`,
  `    balance ${BALANCE[group.algorithm]}`,
  ...stickinessLines(group, cookieKey),
  ...[...group.servers]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(renderServerLine),
];
