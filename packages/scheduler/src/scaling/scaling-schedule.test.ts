import { describe, expect, it } from 'vitest';

import { nextScheduledFire } from './next-scheduled-fire.js';
import { isValidTimezone, parseScalingSchedule, type ScalingSchedule } from './scaling-schedule.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const schedule = (text: string): ScalingSchedule => {
  const parsed = parseScalingSchedule(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.schedule;
};

describe('parseScalingSchedule', () => {
  it('reads at(), rate() and six-field cron()', () => {
    expect(schedule('at(2026-12-03T14:30:00)')).toEqual({ kind: 'at', localTime: '2026-12-03T14:30:00' });
    expect(schedule('rate(5 minutes)')).toEqual({ kind: 'rate', seconds: 300 });
    expect(schedule('rate(1 day)')).toEqual({ kind: 'rate', seconds: 86_400 });
    expect(schedule('cron(15 10 ? * 2-6 *)')).toEqual({
      kind: 'cron',
      calendar: '0 15 10 * * 1-5',
      year: '*',
    });
  });

  it('refuses what is not a schedule', () => {
    for (const text of [
      'at(2026-12-03 14:30)',
      'rate(0 minutes)',
      'rate(5 weeks)',
      'cron(0 10 * * *)',
      'cron(0 10 * * 2 *)',
      'cron(0 10 ? * ? *)',
      'cron(0 10 * * ? 26)',
      'every day',
    ]) {
      expect(parseScalingSchedule(text).ok, text).toBe(false);
    }
  });

  it('knows IANA time zones', () => {
    expect(isValidTimezone('Europe/Paris')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
});

describe('nextScheduledFire', () => {
  const created = at('2026-12-03T12:00:00Z');

  it('fires at() once, in UTC or in the action’s zone', () => {
    const once = schedule('at(2026-12-03T14:30:00)');
    expect(nextScheduledFire({ schedule: once, createdAt: created, after: created })).toBe(
      at('2026-12-03T14:30:00Z'),
    );
    expect(
      nextScheduledFire({ schedule: once, timezone: 'Europe/Paris', createdAt: created, after: created }),
    ).toBe(at('2026-12-03T13:30:00Z'));
    expect(
      nextScheduledFire({ schedule: once, createdAt: created, after: at('2026-12-03T14:30:00Z') }),
    ).toBeUndefined();
  });

  it('fires rate() a period after creation, or from StartTime', () => {
    const every = schedule('rate(10 minutes)');
    expect(nextScheduledFire({ schedule: every, createdAt: created, after: created })).toBe(created + 600);
    expect(nextScheduledFire({ schedule: every, createdAt: created, after: created + 600 })).toBe(
      created + 1200,
    );
    const startTime = created + 3600;
    expect(nextScheduledFire({ schedule: every, startTime, createdAt: created, after: created })).toBe(
      startTime,
    );
    expect(nextScheduledFire({ schedule: every, startTime, createdAt: created, after: startTime + 1 })).toBe(
      startTime + 600,
    );
  });

  it('fires cron() on matching days, Sunday being day 1, in the zone, within the year field', () => {
    // 2026-12-03 is a Thursday; MON-FRI at 09:30 in New York is 14:30 UTC in December.
    const weekdays = schedule('cron(30 9 ? * 2-6 *)');
    expect(
      nextScheduledFire({
        schedule: weekdays,
        timezone: 'America/New_York',
        createdAt: created,
        after: created,
      }),
    ).toBe(at('2026-12-03T14:30:00Z'));
    const sundays = schedule('cron(0 6 ? * 1 *)');
    expect(nextScheduledFire({ schedule: sundays, createdAt: created, after: created })).toBe(
      at('2026-12-06T06:00:00Z'),
    );
    const nextYear = schedule('cron(0 0 1 * ? 2027)');
    expect(nextScheduledFire({ schedule: nextYear, createdAt: created, after: created })).toBe(
      at('2027-01-01T00:00:00Z'),
    );
    const past = schedule('cron(0 0 1 * ? 2020-2025)');
    expect(nextScheduledFire({ schedule: past, createdAt: created, after: created })).toBeUndefined();
  });

  it('never fires outside StartTime/EndTime', () => {
    const hourly = schedule('cron(0 * * * ? *)');
    const endTime = at('2026-12-03T13:30:00Z');
    expect(nextScheduledFire({ schedule: hourly, endTime, createdAt: created, after: created })).toBe(
      at('2026-12-03T13:00:00Z'),
    );
    expect(
      nextScheduledFire({ schedule: hourly, endTime, createdAt: created, after: at('2026-12-03T13:00:00Z') }),
    ).toBeUndefined();
    const startTime = at('2026-12-04T00:00:00Z');
    expect(nextScheduledFire({ schedule: hourly, startTime, createdAt: created, after: created })).toBe(
      startTime,
    );
  });
});
