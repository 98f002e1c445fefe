#!/usr/bin/env bash
# Browser tests need Debian's Chromium and CJK fonts. Install them when we can
# (root with apt); otherwise stop with what to install. Never skip silently.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing chromium and fonts-noto-cjk with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "ensure-chromium: $CHROMIUM (or the Noto CJK fonts) is missing and cannot be installed here." >&2
echo "  Install them as root:  apt-get install chromium fonts-noto-cjk" >&2
echo "  or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
