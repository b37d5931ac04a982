import { Command } from 'commander';
import { describe, expect, it } from 'vitest';

import { addAgentOptions, agentConfigFrom, type AgentFlags } from './agent-options.js';

const base = {
  endpoint: 'http://127.0.0.1:4566',
  credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
  region: 'us-east-1',
  cluster: 'default',
  stateDir: '/nonexistent',
  log: () => undefined,
};

const configOf = (args: string[]) => {
  const command = addAgentOptions(new Command('agent')).exitOverride();
  command.parse(args, { from: 'user' });
  return agentConfigFrom(command.opts<AgentFlags>(), base);
};

describe('agent options: the task endpoint', () => {
  it('defaults to the agent defaults (169.254.170.2, any free ports)', () => {
    expect(configOf([]).taskEndpoint).toEqual({});
  });

  it('--task-endpoint-address and --task-endpoint-port (the forwarder takes the next port)', () => {
    expect(
      configOf(['--task-endpoint-address', '127.0.0.1', '--task-endpoint-port', '51678']).taskEndpoint,
    ).toEqual({ address: '127.0.0.1', port: 51678, forwarderPort: 51679 });
  });
});
