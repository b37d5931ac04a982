import { describe, expect, it } from 'vitest';

import { reservationData } from './reservation-data.js';

describe('reservationData', () => {
  it('is what RUNNING tasks reserve of what the instances registered (ECS’s 55 % / 60 % example)', () => {
    const data = reservationData(
      [
        {
          clusterName: 'c',
          registeredCpu: 18432,
          registeredMemory: 33926,
          reservedCpu: 10240,
          reservedMemory: 20480,
        },
      ],
      60,
    );
    expect(data.map((d) => [d.MetricName, Math.round(d.StatisticValues.Sum)])).toEqual([
      ['CPUReservation', 56],
      ['MemoryReservation', 60],
    ]);
    expect(data[0]?.StatisticValues.SampleCount).toBe(1);
  });

  it('says nothing for a cluster without container instances (Fargate only)', () => {
    expect(
      reservationData(
        [{ clusterName: 'c', registeredCpu: 0, registeredMemory: 0, reservedCpu: 0, reservedMemory: 0 }],
        60,
      ),
    ).toEqual([]);
  });
});
