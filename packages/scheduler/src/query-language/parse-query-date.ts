/**
 * Dates accepted by `registeredAt`: 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z,
 * 2018-06-18T22:28:28 (read as UTC) and 2018-06-18 (midnight UTC). Returns epoch seconds, or
 * undefined when the text is not such a date.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const offsetSeconds = (zone: string | undefined): number => {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
};

export const parseQueryDate = (text: string): number | undefined => {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const utcMillis = Date.UTC(year, month - 1, day, hour, minute, second);
  return utcMillis / 1000 + (fraction === '' ? 0 : Number(`0${fraction}`)) - offsetSeconds(zone);
};
