/**
 * PURE. The schedules of Application Auto Scaling's scheduled actions, parsed:
 * - `at(yyyy-mm-ddThh:mm:ss)`: once, at that wall-clock time in the action's time zone;
 * - `rate(<n> minute|minutes|hour|hours|day|days)`: every n units;
 * - `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)`: EventBridge's six
 *   fields, days of week 1–7 = SUN–SAT, one of day-of-month and day-of-week `?`.
 * Wall-clock times are UTC unless the action names an IANA time zone.
 */
import { IANAZone } from 'luxon';

export type ScalingSchedule =
  | { readonly kind: 'at'; readonly localTime: string }
  | { readonly kind: 'rate'; readonly seconds: number }
  | {
      readonly kind: 'cron';
      /** The five calendar fields in cron-parser's form (seconds first, day-of-week 0–6). */
      readonly calendar: string;
      readonly year: string;
    };

export type ScheduleParse =
  | { readonly ok: true; readonly schedule: ScalingSchedule }
  | { readonly ok: false; readonly problem: string };

const AT = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.*)\)$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { minute: 60, hour: 3600, day: 86_400 };
const YEAR = /^(\*|\d{4}(-\d{4})?(\/\d+)?(,\d{4}(-\d{4})?)*)$/;

/** EventBridge numbers days of week 1–7 from Sunday; cron-parser 0–6. */
const dayOfWeekField = (field: string): string =>
  field.replace(/(^|[,\-/#]|^)(\d)(?=$|[,\-/#L])/g, (_match, before: string, day: string) =>
    before.endsWith('/') || before.endsWith('#') ? `${before}${day}` : `${before}${Number(day) - 1}`,
  );

const parseCron = (body: string): ScheduleParse => {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) return { ok: false, problem: 'a cron expression has six fields' };
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return { ok: false, problem: 'exactly one of day-of-month and day-of-week must be ?' };
  }
  if (!YEAR.test(year)) return { ok: false, problem: `the year field ${year} is not valid` };
  const calendar = `0 ${minutes} ${hours} ${dayOfMonth === '?' ? '*' : dayOfMonth} ${month} ${
    dayOfWeek === '?' ? '*' : dayOfWeekField(dayOfWeek)
  }`;
  return { ok: true, schedule: { kind: 'cron', calendar, year } };
};

export const parseScalingSchedule = (text: string): ScheduleParse => {
  const at = AT.exec(text);
  if (at?.[1]) return { ok: true, schedule: { kind: 'at', localTime: at[1] } };
  const rate = RATE.exec(text);
  if (rate?.[1] && rate[2]) {
    const value = Number(rate[1]);
    if (value < 1) return { ok: false, problem: 'a rate must be a positive number' };
    return {
      ok: true,
      schedule: { kind: 'rate', seconds: value * (UNIT_SECONDS[rate[2].replace(/s$/, '')] ?? 0) },
    };
  }
  const cron = CRON.exec(text);
  if (cron?.[1] !== undefined) return parseCron(cron[1]);
  return { ok: false, problem: 'a schedule is at(...), rate(...) or cron(...)' };
};

export const isValidTimezone = (zone: string): boolean => IANAZone.isValidZone(zone);
