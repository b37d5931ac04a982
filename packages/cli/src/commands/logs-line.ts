/** One event as `aws logs tail` prints it: `2024-05-01T12:00:00.123000+00:00 stream message`. */
export interface TailedEvent {
  readonly timestamp?: number;
  readonly logStreamName?: string;
  readonly message?: string;
  readonly eventId?: string;
}

export const formatTailLine = (event: TailedEvent): string => {
  const iso = new Date(event.timestamp ?? 0).toISOString(); // 2024-05-01T12:00:00.123Z
  const time = `${iso.slice(0, -1)}000+00:00`;
  return `${time} ${event.logStreamName ?? ''} ${(event.message ?? '').replace(/\n$/, '')}`;
};
