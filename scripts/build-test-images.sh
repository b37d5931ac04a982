#!/usr/bin/env bash
# Builds the local test images (no registry is reachable on these machines): FROM scratch plus the
# static busybox from Debian's busybox-static. Idempotent and quick when the images exist.
#   berth-test/busybox:latest  httpd on $PORT (default 80) serving /www, a `curl -f URL` shim for
#                              health checks, and a shell that exits 0 on SIGTERM.
# The seed documents' images (nginx:alpine, web-app, fluentd) are retagged from it by the e2e suite.
set -euo pipefail
BUSYBOX=${BUSYBOX:-/bin/busybox}
# The image carries the hash of this script: a changed script means a rebuild.
version=$(sha256sum "$0" | cut -c1-16)
current=$(docker image inspect -f '{{ index .Config.Labels "dev.berth.test-image" }}' berth-test/busybox:latest 2>/dev/null || true)
if [ "$current" = "$version" ] && [ "${FORCE:-}" != 1 ]; then
  exit 0
fi
if ! [ -x "$BUSYBOX" ]; then
  echo "build-test-images: need a static busybox at $BUSYBOX (apt-get install busybox-static)" >&2
  exit 1
fi
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$BUSYBOX" "$ctx/busybox"
cat >"$ctx/serve" <<'SH'
#!/bin/sh
# Serve /www over HTTP on $PORT; exit 0 on SIGTERM (as a well-behaved web server does).
trap 'exit 0' TERM INT
httpd -f -p "${PORT:-80}" -h /www &
wait
SH
cat >"$ctx/curl" <<'SH'
#!/bin/sh
# Minimal `curl [-f] [-s] URL` for health checks, on busybox wget.
for arg in "$@"; do url="$arg"; done
# (busybox 1.35's wget crashes with -T, so the time limit comes from timeout.)
exec timeout 3 wget -q -O /dev/null "$url"
SH
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY serve curl /bin/
RUN chmod 755 /bin/serve /bin/curl && mkdir -p /www /tmp && echo 'hello from berth' > /www/index.html
CMD ["/bin/serve"]
DOCKERFILE
echo "LABEL dev.berth.test-image=$version" >>"$ctx/Dockerfile"
docker build -q -t berth-test/busybox:latest "$ctx" >/dev/null
echo "built berth-test/busybox:latest"
