#!/usr/bin/env bash
# Browser suite: Debian's chromium through playwright-core (never a downloaded browser), axe on every page.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is missing: installing Debian's package"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
  fi
  export CHROMIUM_PATH="$(command -v chromium)"
fi
npm run build:web
npx vitest run --config vitest.e2e.config.ts "$@"
