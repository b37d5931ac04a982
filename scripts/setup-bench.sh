#!/usr/bin/env bash
# What `npm run bench` needs beyond scripts/setup.sh: its peers and load generator — nginx (the
# reverse proxy the ALB listener is measured against, and the static backend), wrk, and moto's
# server (python3 -m moto.server, preinstalled on these machines). Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
[ -x "${BENCH_NGINX:-/usr/sbin/nginx}" ] || need_apt+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-bench: installing ${need_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Debian starts the packaged nginx on port 80; the bench runs its own instances only.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
  as_root systemctl stop nginx
fi
if [ -f /run/nginx.pid ]; then as_root nginx -s quit 2>/dev/null || true; fi
python3 -c 'import moto.server' 2>/dev/null || { echo "setup-bench: python3 moto[server] is missing (pip install 'moto[server]')" >&2; exit 1; }
