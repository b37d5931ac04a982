/**
 * The runtime-API commands Berth sends to change servers, as data: their text, and whether a
 * reply means success (HAProxy 2.6 answers errors in prose, so each command knows the replies it
 * accepts). Names must be HAProxy identifiers, so they are checked before formatting. Pure.
 */
import type { ServerPlan } from '../model/lb-model.js';

export type RuntimeCommand =
  | {
      readonly kind: 'add-server';
      readonly backend: string;
      readonly server: string;
      readonly address: string;
      readonly port: number;
      readonly weight: number;
    }
  | { readonly kind: 'enable-server'; readonly backend: string; readonly server: string }
  | {
      readonly kind: 'set-state';
      readonly backend: string;
      readonly server: string;
      readonly state: ServerPlan['state'];
    }
  | {
      readonly kind: 'set-weight';
      readonly backend: string;
      readonly server: string;
      readonly weight: number;
    }
  | {
      readonly kind: 'set-addr';
      readonly backend: string;
      readonly server: string;
      readonly address: string;
      readonly port: number;
    }
  | { readonly kind: 'shutdown-sessions'; readonly backend: string; readonly server: string }
  | { readonly kind: 'del-server'; readonly backend: string; readonly server: string }
  /** Servers added at run time get no AWSALB cookie value until the backend's dynamic cookies are re-enabled. */
  | { readonly kind: 'enable-dynamic-cookie'; readonly backend: string };

const IDENTIFIER = /^[A-Za-z0-9_.:-]+$/;
const ADDRESS = /^[0-9A-Fa-f.:]+$/;

const checked = (value: string, pattern: RegExp, what: string): string => {
  if (!pattern.test(value)) throw new Error(`invalid ${what} for the HAProxy runtime API: '${value}'`);
  return value;
};

const checkedPort = (port: number): number => {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port: ${port}`);
  return port;
};

const checkedWeight = (weight: number): number => {
  if (!Number.isInteger(weight) || weight < 0 || weight > 256) throw new Error(`invalid weight: ${weight}`);
  return weight;
};

const target = (command: { backend: string; server: string }): string =>
  `${checked(command.backend, IDENTIFIER, 'backend')}/${checked(command.server, IDENTIFIER, 'server')}`;

const hostPort = (address: string, port: number): string => {
  const host = checked(address, ADDRESS, 'address');
  return host.includes(':') ? `[${host}]:${checkedPort(port)}` : `${host}:${checkedPort(port)}`;
};

export const formatRuntimeCommand = (command: RuntimeCommand): string => {
  switch (command.kind) {
    case 'add-server':
      return `add server ${target(command)} ${hostPort(command.address, command.port)} weight ${checkedWeight(command.weight)}`;
    case 'enable-server':
      return `enable server ${target(command)}`;
    case 'set-state':
      return `set server ${target(command)} state ${command.state}`;
    case 'set-weight':
      return `set server ${target(command)} weight ${checkedWeight(command.weight)}`;
    case 'set-addr':
      return `set server ${target(command)} addr ${checked(command.address, ADDRESS, 'address')} port ${checkedPort(command.port)}`;
    case 'shutdown-sessions':
      return `shutdown sessions server ${target(command)}`;
    case 'del-server':
      return `del server ${target(command)}`;
    case 'enable-dynamic-cookie':
      return `enable dynamic-cookie backend ${checked(command.backend, IDENTIFIER, 'backend')}`;
  }
};

/** Whether HAProxy's reply to the command says it succeeded. */
export const runtimeReplySucceeded = (command: RuntimeCommand, reply: string): boolean => {
  const text = reply.trim();
  switch (command.kind) {
    case 'add-server':
      return text === 'New server registered.';
    case 'del-server':
      return text === 'Server deleted.';
    case 'set-addr':
      return text.includes(' changed from ') || text.startsWith('no need to change');
    case 'enable-server':
    case 'enable-dynamic-cookie':
    case 'set-state':
    case 'set-weight':
    case 'shutdown-sessions':
      return text === '';
  }
};
