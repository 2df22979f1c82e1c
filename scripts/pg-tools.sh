#!/usr/bin/env bash
# `npm run backup` / `npm run restore` on PostgreSQL use pg_dump and pg_restore: install Debian's client
# tools when they are missing, the way scripts/test-tools.sh installs pdftotext. Their major version must be
# at least the server's (Debian 12's postgresql-client is 15).
set -euo pipefail
if ! command -v pg_dump >/dev/null 2>&1 || ! command -v pg_restore >/dev/null 2>&1; then
  echo "pg_dump/pg_restore are missing: installing Debian's postgresql-client"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq postgresql-client >/dev/null
fi
