/**
 * The diff that makes one HAProxy backend's servers match Berth's plan, as an ordered list of
 * runtime commands. New servers first (add, then enable or drain: HAProxy 2.6 adds dynamic
 * servers in maintenance), then changes to kept ones (address, weight, state), then removals
 * (drain, maint, shutdown sessions, del). Pure: imports nothing from node.
 */
import type { ServerPlan } from '../model/lb-model.js';
import type { RuntimeCommand } from './runtime-command.js';
import type { ObservedServer } from './servers-state.js';

const stateCommands = (
  backend: string,
  server: string,
  from: ServerPlan['state'],
  to: ServerPlan['state'],
): RuntimeCommand[] => {
  if (from === to) return [];
  if (from === 'maint' && to === 'ready') return [{ kind: 'enable-server', backend, server }];
  return [{ kind: 'set-state', backend, server, state: to }];
};

const addCommands = (backend: string, plan: ServerPlan): RuntimeCommand[] => [
  {
    kind: 'add-server',
    backend,
    server: plan.name,
    address: plan.address,
    port: plan.port,
    weight: plan.weight,
  },
  ...stateCommands(backend, plan.name, 'maint', plan.state),
];

const changeCommands = (backend: string, observed: ObservedServer, plan: ServerPlan): RuntimeCommand[] => {
  const server = plan.name;
  const commands: RuntimeCommand[] = [];
  if (observed.address !== plan.address || observed.port !== plan.port) {
    commands.push({ kind: 'set-addr', backend, server, address: plan.address, port: plan.port });
  }
  if (observed.weight !== plan.weight)
    commands.push({ kind: 'set-weight', backend, server, weight: plan.weight });
  return [...commands, ...stateCommands(backend, server, observed.state, plan.state)];
};

const removeCommands = (backend: string, observed: ObservedServer): RuntimeCommand[] => {
  const server = observed.name;
  const commands: RuntimeCommand[] = [];
  if (observed.state === 'ready') commands.push({ kind: 'set-state', backend, server, state: 'drain' });
  if (observed.state !== 'maint') commands.push({ kind: 'set-state', backend, server, state: 'maint' });
  commands.push({ kind: 'shutdown-sessions', backend, server }, { kind: 'del-server', backend, server });
  return commands;
};

/** The commands that turn `observed` (one backend's servers) into `desired`. Empty when they match. */
export const planServerSync = (
  backend: string,
  observed: readonly ObservedServer[],
  desired: readonly ServerPlan[],
  /** The backend inserts AWSALB cookies: servers added at run time need them re-enabled. */
  stickyCookies = false,
): readonly RuntimeCommand[] => {
  const seen = new Map(observed.filter((server) => server.backend === backend).map((s) => [s.name, s]));
  const wanted = new Map(desired.map((plan) => [plan.name, plan]));
  const added: RuntimeCommand[] = [];
  const changed: RuntimeCommand[] = [];
  const removed: RuntimeCommand[] = [];
  for (const plan of wanted.values()) {
    const current = seen.get(plan.name);
    if (current === undefined) added.push(...addCommands(backend, plan));
    else changed.push(...changeCommands(backend, current, plan));
  }
  for (const current of seen.values()) {
    if (!wanted.has(current.name)) removed.push(...removeCommands(backend, current));
  }
  const cookies: RuntimeCommand[] =
    stickyCookies && added.length > 0 ? [{ kind: 'enable-dynamic-cookie', backend }] : [];
  return [...added, ...cookies, ...changed, ...removed];
};
