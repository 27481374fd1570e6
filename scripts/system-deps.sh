#!/usr/bin/env bash
# Installs the system packages Bangfu needs (redis-server; chromium + a CJK font for browser tests).
# Idempotent: does nothing when they are present.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${BANGFU_SKIP_BROWSER:-}" != "1" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then missing+=(fonts-wqy-microhei); fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[bangfu] installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
  exit 0
fi
echo "[bangfu] missing system packages: ${missing[*]} -- install them, e.g. 'sudo apt-get install -y ${missing[*]}', then retry." >&2
exit 1
