/**
 * @berth/server — the composition root of `berth server`: it opens the store, wires every API
 * package (ECS, …) over it behind one gateway, and runs their controllers.
 * Invariant: the only package that knows every other; nothing imports it but the CLI, tests and benchmarks.
 */
export {
  startControlPlane,
  telemetryLocationFor,
  type AutoScalingSettings,
  type ControlPlaneConfig,
  type RunningControlPlane,
} from './control-plane.js';
export type { RegistryConfig } from './ecr-registry.js';
export {
  alarmNotification,
  createAlarmActionSink,
  type AlarmActionSinkOptions,
  type AlarmWebhook,
  type AutoScalingAlarmActions,
} from './alarm-action-sink.js';
export type { CredentialPair } from '@berth/gateway';
