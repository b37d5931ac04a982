import { describe, expect, it } from 'vitest';

import { telemetryLocationFor } from './control-plane.js';

describe('the telemetry store location', () => {
  it('is telemetry.db beside an SQLite state store, and memory beside a memory one', () => {
    expect(telemetryLocationFor({ kind: 'sqlite', path: '/var/lib/berth/state.db' })).toEqual({
      kind: 'sqlite',
      path: '/var/lib/berth/telemetry.db',
    });
    expect(telemetryLocationFor({ kind: 'memory' })).toEqual({ kind: 'memory' });
  });
});
