/**
 * Parses HAProxy's `show stat` CSV into typed rows: the counters Berth turns into
 * AWS/ApplicationELB metrics (requests, response classes, current sessions, response time), and
 * every column by name for anything else. Pure.
 */

export type StatRowType = 'frontend' | 'backend' | 'server' | 'listener';

export interface StatRow {
  /** The proxy (frontend or backend) name. */
  readonly pxname: string;
  /** FRONTEND, BACKEND, or the server's name. */
  readonly svname: string;
  readonly type: StatRowType;
  readonly status: string;
  readonly scur: number;
  readonly stot: number;
  readonly req_tot: number;
  readonly hrsp_1xx: number;
  readonly hrsp_2xx: number;
  readonly hrsp_3xx: number;
  readonly hrsp_4xx: number;
  readonly hrsp_5xx: number;
  readonly hrsp_other: number;
  /** Average response time of the last 1024 requests, in milliseconds. */
  readonly rtime: number;
  readonly weight: number;
  /** Every column, raw, by its CSV name. */
  readonly fields: Readonly<Record<string, string>>;
}

const TYPES: Readonly<Record<string, StatRowType>> = {
  '0': 'frontend',
  '1': 'backend',
  '2': 'server',
  '3': 'listener',
};

export class StatCsvFormatError extends Error {
  constructor(reply: string) {
    super(`unexpected reply to 'show stat': ${reply.slice(0, 200)}`);
    this.name = 'StatCsvFormatError';
  }
}

export const parseShowStat = (reply: string): readonly StatRow[] => {
  const lines = reply.split('\n').filter((line) => line.trim() !== '');
  const header = lines[0];
  if (header === undefined || !header.startsWith('# ')) throw new StatCsvFormatError(reply);
  const columns = header.slice(2).split(',');
  return lines.slice(1).map((line) => {
    const values = line.split(',');
    const fields: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column !== '' && column !== '-') fields[column] = values[i] ?? '';
    });
    const number = (name: string): number => {
      const value = fields[name];
      return value === undefined || value === '' ? 0 : Number(value);
    };
    return {
      pxname: fields.pxname ?? '',
      svname: fields.svname ?? '',
      type: TYPES[fields.type ?? ''] ?? 'server',
      status: fields.status ?? '',
      scur: number('scur'),
      stot: number('stot'),
      req_tot: number('req_tot'),
      hrsp_1xx: number('hrsp_1xx'),
      hrsp_2xx: number('hrsp_2xx'),
      hrsp_3xx: number('hrsp_3xx'),
      hrsp_4xx: number('hrsp_4xx'),
      hrsp_5xx: number('hrsp_5xx'),
      hrsp_other: number('hrsp_other'),
      rtime: number('rtime'),
      weight: number('weight'),
      fields,
    };
  });
};
