/**
 * Parses the reply of HAProxy's `show servers state <backend>` (format version 1) into the
 * servers Berth observes, with the admin-state bit field folded into ready/drain/maint. Pure.
 */
import type { ServerPlan } from '../model/lb-model.js';

export interface ObservedServer {
  readonly backend: string;
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly state: ServerPlan['state'];
  /** The weight set by configuration or the runtime API (srv_uweight). */
  readonly weight: number;
  /** HAProxy's srv_op_state: 0 stopped, 1 starting, 2 running, 3 stopping. */
  readonly operationalState: number;
  readonly adminState: number;
}

/** srv_admin_state bits (HAProxy's SRV_ADMF_*): forced, inherited, config, resolver, health maint. */
const MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;
/** Forced and inherited drain. */
const DRAIN_BITS = 0x08 | 0x10;

export const adminStateToServerState = (adminState: number): ServerPlan['state'] => {
  if ((adminState & MAINT_BITS) !== 0) return 'maint';
  if ((adminState & DRAIN_BITS) !== 0) return 'drain';
  return 'ready';
};

export class ServersStateFormatError extends Error {
  constructor(reply: string) {
    super(`unexpected reply to 'show servers state': ${reply.slice(0, 200)}`);
    this.name = 'ServersStateFormatError';
  }
}

export const parseServersState = (reply: string): readonly ObservedServer[] => {
  const lines = reply.split('\n').filter((line) => line.trim() !== '');
  const header = lines[1];
  if (lines[0] !== '1' || header === undefined || !header.startsWith('# ')) {
    throw new ServersStateFormatError(reply);
  }
  const columns = header.slice(2).split(' ');
  const index = (name: string): number => {
    const at = columns.indexOf(name);
    if (at < 0) throw new ServersStateFormatError(reply);
    return at;
  };
  const at = {
    backend: index('be_name'),
    name: index('srv_name'),
    address: index('srv_addr'),
    port: index('srv_port'),
    op: index('srv_op_state'),
    admin: index('srv_admin_state'),
    weight: index('srv_uweight'),
  };
  return lines.slice(2).map((line) => {
    const fields = line.split(' ');
    const field = (i: number): string => fields[i] ?? '';
    const adminState = Number(field(at.admin));
    return {
      backend: field(at.backend),
      name: field(at.name),
      address: field(at.address),
      port: Number(field(at.port)),
      state: adminStateToServerState(adminState),
      weight: Number(field(at.weight)),
      operationalState: Number(field(at.op)),
      adminState,
    };
  });
};
