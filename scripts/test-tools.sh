#!/usr/bin/env bash
# The suites read warning letters back with pdftotext (poppler-utils), as a person would read the PDF:
# install Debian's package when it is missing, the way e2e/run.sh does for chromium.
set -euo pipefail
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "pdftotext is missing: installing Debian's poppler-utils"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq poppler-utils >/dev/null
fi
