/**
 * Debian's nginx, run by the bench with a prefix, configuration, pidfile, error log and temp
 * paths of its own in a temp directory (never the system configuration), in the foreground
 * (`daemon off`) so that it is a child of the bench. Two roles: the static backends (one port per
 * backend, each serving a small file with a body of its own) and the reverse-proxy peer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { spawnUntilReady, type RunningProcess } from '../child-process.js';
import { answersHttp } from '../net.js';

export const NGINX_BINARY = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export interface StaticSite {
  readonly port: number;
  /** The whole body of GET / (also what tells the backends apart through a proxy). */
  readonly body: string;
}

export interface NginxProxy {
  readonly port: number;
  readonly upstreamPort: number;
  readonly workers: number;
  /** Idle keep-alive connections each worker keeps to the upstream. */
  readonly keepalive: number;
}

/** Paths nginx would otherwise take from its compiled-in prefix (/var/lib/nginx, /var/log/nginx). */
const commonLines = (prefix: string, workers: number): string[] => [
  'daemon off;',
  'master_process on;',
  `worker_processes ${workers};`,
  `pid ${join(prefix, 'nginx.pid')};`,
  `error_log ${join(prefix, 'error.log')} warn;`,
  'events { worker_connections 4096; }',
];

const httpCommon = (prefix: string): string[] => [
  '    access_log off;',
  '    keepalive_requests 1000000;',
  ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (kind) => `    ${kind}_temp_path ${join(prefix, `${kind}_temp`)};`,
  ),
];

/** One worker serving every site: a static file per port, through sendfile and the open-file cache. */
export const backendConfig = (prefix: string, sites: readonly StaticSite[]): string => {
  const servers = sites.flatMap((site) => {
    const root = join(prefix, `site-${site.port}`);
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), site.body);
    return [
      '    server {',
      `        listen 127.0.0.1:${site.port} backlog=4096;`,
      `        root ${root};`,
      '        location / { index index.html; }',
      '    }',
    ];
  });
  return [
    ...commonLines(prefix, 1),
    'http {',
    ...httpCommon(prefix),
    '    default_type text/html;',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    open_file_cache max=100 inactive=60s;',
    '    open_file_cache_valid 60s;',
    ...servers,
    '}',
    '',
  ].join('\n');
};

/**
 * The reverse-proxy peer: an upstream keep-alive pool (HTTP/1.1, Connection cleared) and the
 * X-Forwarded-* headers an ALB adds too, so both proxies do comparable work per request.
 */
export const proxyConfig = (prefix: string, proxy: NginxProxy): string =>
  [
    ...commonLines(prefix, proxy.workers),
    'http {',
    ...httpCommon(prefix),
    '    upstream backend {',
    `        server 127.0.0.1:${proxy.upstreamPort};`,
    `        keepalive ${proxy.keepalive};`,
    '    }',
    '    server {',
    `        listen 127.0.0.1:${proxy.port} backlog=4096;`,
    '        location / {',
    '            proxy_pass http://backend;',
    '            proxy_http_version 1.1;',
    '            proxy_set_header Connection "";',
    '            proxy_set_header Host $http_host;',
    '            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '            proxy_set_header X-Forwarded-Proto $scheme;',
    '            proxy_set_header X-Forwarded-Port $server_port;',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');

/**
 * Writes `config` into `prefix` and starts nginx on it; ready once every port answers HTTP.
 * Stopped with SIGTERM (nginx's fast shutdown: the master stops its workers, then exits).
 */
export const startNginx = async (
  prefix: string,
  config: string,
  ports: readonly number[],
): Promise<RunningProcess> => {
  mkdirSync(prefix, { recursive: true });
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, config);
  const args = ['-p', prefix, '-c', file, '-e', join(prefix, 'error.log')];
  const probe = async (): Promise<boolean> =>
    (await Promise.all(ports.map((port) => answersHttp(port)))).every(Boolean);
  return spawnUntilReady(NGINX_BINARY, args, { probe }, 15_000);
};
