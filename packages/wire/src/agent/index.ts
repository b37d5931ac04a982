/** The agent protocol between `berth agent` and the control plane (awsJson1_1, SigV4). */
export * from './agent-protocol.js';
