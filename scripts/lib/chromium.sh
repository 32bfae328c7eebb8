#!/usr/bin/env bash
# Makes sure Debian's headless browser for the dashboard's end-to-end test is installed:
# /usr/bin/chromium and /usr/bin/chromedriver (packages chromium and chromium-driver). Installs
# them with apt-get when either is missing (as root, or through sudo); Selenium then uses this
# driver and never downloads one.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "chromium.sh: installing chromium and chromium-driver with apt-get..." >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
for binary in /usr/bin/chromium /usr/bin/chromedriver; do
  if [ ! -x "$binary" ]; then
    echo "chromium.sh: $binary still missing after apt-get install" >&2
    exit 1
  fi
done
