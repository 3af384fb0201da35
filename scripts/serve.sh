#!/usr/bin/env bash
# Install what is missing (scripts/setup.sh), then serve the app with Trunk
# (debug build, rebuilt on change). Extra arguments go to `trunk serve`,
# e.g. `bash scripts/serve.sh --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
export TRUNK_SKIP_VERSION_CHECK=true   # no internet: skip the update check
echo
echo "=================================================================="
echo "  Sorot will be served at   http://127.0.0.1:8080"
echo "  (first build takes a minute; Ctrl-C stops)"
echo "=================================================================="
echo
exec trunk serve "$@"
