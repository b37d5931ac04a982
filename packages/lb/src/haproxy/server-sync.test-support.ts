/**
 * A model of what HAProxy does with runtime commands on one backend's servers: the oracle the
 * server-sync property tests run the diff against.
 */
import type { RuntimeCommand } from './runtime-command.js';
import type { ObservedServer } from './servers-state.js';

/** The servers a backend has once `commands` have been applied to `observed` (the diff's oracle). */
export const applyServerCommands = (
  backend: string,
  observed: readonly ObservedServer[],
  commands: readonly RuntimeCommand[],
): readonly ObservedServer[] => {
  const servers = new Map(observed.filter((s) => s.backend === backend).map((s) => [s.name, s]));
  for (const command of commands) {
    // Dynamic cookies change no server's state or weight.
    if (command.kind === 'enable-dynamic-cookie') continue;
    const current = servers.get(command.server);
    if (command.kind === 'add-server') {
      const { address, port, weight } = command;
      servers.set(command.server, {
        backend,
        name: command.server,
        address,
        port,
        weight,
        state: 'maint',
        operationalState: 2,
        adminState: 1,
      });
    } else if (current === undefined) {
      throw new Error(`${command.kind} on missing server ${backend}/${command.server}`);
    } else if (command.kind === 'enable-server') servers.set(command.server, { ...current, state: 'ready' });
    else if (command.kind === 'set-state') servers.set(command.server, { ...current, state: command.state });
    else if (command.kind === 'set-weight')
      servers.set(command.server, { ...current, weight: command.weight });
    else if (command.kind === 'set-addr') {
      servers.set(command.server, { ...current, address: command.address, port: command.port });
    } else if (command.kind === 'del-server') {
      if (current.state !== 'maint') throw new Error(`del server on ${command.server} outside maintenance`);
      servers.delete(command.server);
    }
  }
  return [...servers.values()];
};
