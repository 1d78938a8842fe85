#!/usr/bin/env bash
# Chromium for the console's browser tests (test/browser): the system's own, driven by playwright-core.
# Installs Debian's package when it is missing and we may (root); otherwise says what to do.
set -euo pipefail

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "Chromium: $candidate"
    exit 0
  fi
done

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  echo "Chromium: $(command -v chromium)"
else
  echo "No Chromium found: install the chromium package (e.g. sudo apt-get install chromium)," >&2
  echo "or set CHROMIUM_PATH to a Chromium binary. The browser tests fail without it." >&2
  exit 1
fi
