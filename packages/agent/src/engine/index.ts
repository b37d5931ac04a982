export { TaskEngine, type TaskEngineOptions } from './task-engine.js';
export {
  ENGINE_DEFAULTS,
  resolveEngineConfig,
  type EngineConfig,
  type ResolvedEngineConfig,
} from './engine-config.js';
