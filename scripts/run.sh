#!/usr/bin/env bash
# The README's two commands:  bash scripts/run.sh start   |   bash scripts/run.sh test
# Each works on a fresh machine: it fetches Node 22 if needed, installs the packages, then starts or tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_packages
case "${1:-start}" in
  start) shift || true; exec npm start -- "$@" ;;
  test) ensure_chromium; exec npm test ;;
  bench) exec npm run bench ;;
  *) echo "Brug: bash scripts/run.sh start|test|bench" >&2; exit 2 ;;
esac
