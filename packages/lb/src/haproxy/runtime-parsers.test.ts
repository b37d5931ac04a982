import { describe, expect, it } from 'vitest';

import { parseServersState } from './servers-state.js';
import { parseShowProc } from './show-proc.js';
import { parseShowStat } from './stat-csv.js';

// Replies captured from Debian's HAProxy 2.6.12.
const serversHeader =
  '# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port';

describe('runtime API reply parsers', () => {
  it('reads show servers state, folding admin bits into ready/drain/maint', () => {
    const reply = [
      '1',
      serversHeader,
      '3 tg_x 1 a 127.0.0.1 0 1 5 5 0 1 0 0 0 0 0 0 - 9000 - 0 0 - - 0',
      '3 tg_x 2 b 127.0.0.2 2 8 7 5 0 1 0 0 0 0 0 0 - 9001 - 0 0 - - 0',
      '3 tg_x 3 c 127.0.0.3 2 0 1 1 0 1 0 0 0 0 0 0 - 9002 - 0 0 - - 0',
      '3 tg_x 4 d 127.0.0.4 0 5 3 3 1 1 0 0 8 0 0 0 - 9003 - 0 0 - - 0',
      '',
      '',
    ].join('\n');
    const servers = parseServersState(reply);
    expect(servers.map((s) => [s.name, s.address, s.port, s.state, s.weight])).toEqual([
      ['a', '127.0.0.1', 9000, 'maint', 5],
      ['b', '127.0.0.2', 9001, 'drain', 7],
      ['c', '127.0.0.3', 9002, 'ready', 1],
      ['d', '127.0.0.4', 9003, 'maint', 3],
    ]);
    expect(parseServersState(`1\n${serversHeader}\n\n`)).toEqual([]);
    expect(() => parseServersState("Can't find backend.\n\n")).toThrow(/show servers state/);
  });

  it('reads show proc: master counters and workers', () => {
    const reply =
      '#<PID>          <type>          <reloads>       <uptime>        <version>      \n' +
      '5619            master          2 [failed: 1]   0d00h10m25s     2.6.12-1+deb12u3\n' +
      '# workers\n' +
      '15632           worker          0               0d00h00m01s     2.6.12-1+deb12u3\n' +
      '5622            worker          1               0d00h10m01s     2.6.12-1+deb12u3\n' +
      '# programs\n\n';
    expect(parseShowProc(reply)).toEqual({
      masterPid: 5619,
      reloads: 2,
      failedReloads: 1,
      workers: [
        { pid: 15632, reloads: 0 },
        { pid: 5622, reloads: 1 },
      ],
    });
    expect(() => parseShowProc('Unknown command.\n')).toThrow(/show proc/);
  });

  it('reads show stat into typed rows', () => {
    const reply =
      '# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,weight,type,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,req_tot,rtime,-,\n' +
      'fe,FRONTEND,,,1,2,9980,10,OPEN,,0,0,8,0,1,1,0,10,,,\n' +
      'tg_x,t_1,0,0,0,1,,5,UP,100,2,0,5,0,0,0,0,,3,,\n\n';
    const [frontend, server] = parseShowStat(reply);
    expect(frontend).toMatchObject({
      pxname: 'fe',
      type: 'frontend',
      scur: 1,
      req_tot: 10,
      hrsp_2xx: 8,
      hrsp_5xx: 1,
    });
    expect(server).toMatchObject({
      pxname: 'tg_x',
      svname: 't_1',
      type: 'server',
      stot: 5,
      rtime: 3,
      weight: 100,
    });
    expect(server?.fields.status).toBe('UP');
  });
});
