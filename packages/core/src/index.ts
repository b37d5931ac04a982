/**
 * @berth/core — the domain vocabulary shared by every Berth package: ARNs, ordered statuses, resource math, task sizes, overrides, the agent
 * protocol and ApiError.
 *
 * PURE: no I/O, no clock, no randomness. Time, ids and seeds are arguments.
 */
export * from './errors.js';
export * from './partition.js';
export * from './arn.js';
export * from './task-status.js';
export * from './resources.js';
export * from './task-size.js';
export * from './overrides.js';
