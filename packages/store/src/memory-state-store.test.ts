import { MemoryStateStore } from './memory-state-store.js';
import { runStateStoreConformance } from './state-store.conformance.test-support.js';

runStateStoreConformance('memory', () => new MemoryStateStore());
