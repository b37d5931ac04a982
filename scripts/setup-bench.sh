#!/usr/bin/env bash
# What `npm run bench` needs beyond scripts/setup.sh: its peers and load generator — nginx (the
# reverse proxy the ALB listener is measured against, and the static backend), wrk, Debian's
# docker-registry (distribution, the peer of Berth's ECR registry), and moto's server
# (python3 -m moto.server, preinstalled on these machines). Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
[ -x "${BENCH_NGINX:-/usr/sbin/nginx}" ] || need_apt+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
[ -x "${BENCH_DOCKER_REGISTRY:-/usr/bin/docker-registry}" ] || need_apt+=(docker-registry)
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
# Debian's docker-registry package enables and starts a service on :5000 (where no policy-rc.d
# forbids it). The bench runs its own instances, on configs of its own: stop and disable that one.
# (Here a policy-rc.d denies the start; its unit stays enabled for the next boot unless disabled.)
if command -v systemctl >/dev/null 2>&1; then
  if systemctl is-active --quiet docker-registry 2>/dev/null; then as_root systemctl stop docker-registry; fi
  if systemctl is-enabled --quiet docker-registry 2>/dev/null; then
    as_root systemctl disable --quiet docker-registry 2>/dev/null || true
  fi
fi
if [ -f /run/docker-registry.pid ]; then as_root /etc/init.d/docker-registry stop >/dev/null 2>&1 || true; fi
python3 -c 'import moto.server' 2>/dev/null || { echo "setup-bench: python3 moto[server] is missing (pip install 'moto[server]')" >&2; exit 1; }
