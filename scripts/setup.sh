#!/usr/bin/env bash
# Sets up a fresh machine for Berth: Docker Engine (Debian's docker.io, started when `docker info`
# fails), HAProxy (Debian's haproxy: the load balancers' data plane, started by `berth server`
# itself), skopeo (a registry client the ECR tests push OCI layouts with), the static busybox for
# test images, npm dependencies, the build, and the test images.
# Idempotent: on a machine that has everything it only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
[ -x /usr/sbin/haproxy ] || need_apt+=(haproxy)
command -v skopeo >/dev/null 2>&1 || need_apt+=(skopeo)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || need_apt+=(busybox-static)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "setup: starting dockerd"
  as_root sh -c 'nohup dockerd >/var/log/berth-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "setup: dockerd did not start; see /var/log/berth-dockerd.log" >&2; exit 1; }
fi

# `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional bindings out of the
# lockfile and then refuses `npm ci`; install follows the lockfile all the same.
npm install --no-audit --no-fund --loglevel=error
npm run build --silent
bash scripts/build-test-images.sh
