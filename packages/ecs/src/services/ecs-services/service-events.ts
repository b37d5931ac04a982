/**
 * Posting service events as ECS does: newest first, at most 100 kept, and a message identical to
 * the newest one is suppressed for 6 hours (steady-state messages then repeat).
 */
import type { ServiceEvent } from './service-record.js';

export const MAX_SERVICE_EVENTS = 100;
const REPEAT_AFTER_SECONDS = 6 * 60 * 60;

export const postEvents = (
  events: readonly ServiceEvent[],
  messages: readonly string[],
  now: number,
  newId: () => string,
): ServiceEvent[] => {
  let result = [...events];
  for (const message of messages) {
    const newest = result[0];
    if (newest?.message === message && now - newest.createdAt < REPEAT_AFTER_SECONDS) continue;
    result = [{ id: newId(), createdAt: now, message }, ...result].slice(0, MAX_SERVICE_EVENTS);
  }
  return result;
};
