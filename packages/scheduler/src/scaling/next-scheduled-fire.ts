/**
 * PURE. When a scheduled action next fires: the first fire time strictly after `after` that lies
 * within [StartTime, EndTime], or undefined when there is none (an `at()` already past, or a window
 * that has closed). Times are epoch seconds.
 * - `at()` fires once, at its wall-clock time in the zone.
 * - `rate()` fires at StartTime (or, without one, at creation) plus whole periods; without a
 *   StartTime the first fire is one period after creation.
 * - `cron()` fires when the calendar fields and the year field match, in the zone.
 */
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';

import type { ScalingSchedule } from './scaling-schedule.js';

export interface ScheduledFireInput {
  readonly schedule: ScalingSchedule;
  readonly timezone?: string;
  readonly startTime?: number;
  readonly endTime?: number;
  /** When the action was created (or last replaced), epoch seconds. */
  readonly createdAt: number;
  readonly after: number;
}

/** How many cron matches are looked through for one whose year matches. */
const CRON_SEARCH_LIMIT = 2000;

/** The year field: `*`, or comma-separated `YYYY`, `YYYY-YYYY` and `YYYY/step` / `YYYY-YYYY/step`. */
const yearMatches = (field: string, year: number): boolean =>
  field === '*' ||
  field.split(',').some((part) => {
    const [range = '', step] = part.split('/');
    const [from = 0, to] = range.split('-').map(Number);
    const last = to ?? (step === undefined ? from : Infinity);
    return year >= from && year <= last && (step === undefined || (year - from) % Number(step) === 0);
  });

const atFire = (localTime: string, zone: string): number | undefined => {
  const time = DateTime.fromISO(localTime, { zone });
  return time.isValid ? time.toSeconds() : undefined;
};

const rateFire = (seconds: number, input: ScheduledFireInput, from: number): number => {
  const base = input.startTime ?? input.createdAt + seconds;
  if (from < base) return base;
  return base + (Math.floor((from - base) / seconds) + 1) * seconds;
};

const cronFire = (
  calendar: string,
  year: string,
  zone: string,
  from: number,
  until: number,
): number | undefined => {
  const expression = CronExpressionParser.parse(calendar, { currentDate: new Date(from * 1000), tz: zone });
  for (let i = 0; i < CRON_SEARCH_LIMIT; i++) {
    const next = expression.next().getTime() / 1000;
    if (next > until) return undefined;
    if (yearMatches(year, DateTime.fromSeconds(next, { zone }).year)) return next;
  }
  return undefined;
};

export const nextScheduledFire = (input: ScheduledFireInput): number | undefined => {
  const zone = input.timezone ?? 'UTC';
  const until = input.endTime ?? Infinity;
  // The first instant that may fire: after `after`, and not before the window opens.
  const from = Math.max(input.after, (input.startTime ?? -Infinity) - 1);
  const { schedule } = input;
  let fire: number | undefined;
  if (schedule.kind === 'at') {
    const at = atFire(schedule.localTime, zone);
    fire = at !== undefined && at > from ? at : undefined;
  } else if (schedule.kind === 'rate') {
    fire = rateFire(schedule.seconds, input, from);
  } else {
    fire = cronFire(schedule.calendar, schedule.year, zone, from, until);
  }
  return fire !== undefined && fire <= until ? fire : undefined;
};
