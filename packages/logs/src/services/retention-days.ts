/** The retention periods CloudWatch Logs accepts, in days. */
import { constraintError } from './logs-errors.js';

export const RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export const checkRetentionDays = (days: unknown): number => {
  if (typeof days === 'number' && RETENTION_DAYS.includes(days)) return days;
  throw constraintError(
    days,
    'retentionInDays',
    `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
  );
};
