#!/usr/bin/env bash
# Installs what the browser tests render with (run as root on Debian; .ci/run calls it on every fresh clone):
#   chromium  - Debian's package, driven by Playwright through ExecutablePath (Playwright downloads no browser)
#   graphviz  - dot, which must render the DOT output unchanged
#   mermaid   - the npm package, into node_modules beside this script (from package-lock.json), to parse the Mermaid output
# Nothing here is bundled into AzSpokeTools' outputs. Without them the browser tests fail, saying what is missing;
# AZSPOKE_SKIP_BROWSER_TESTS=1 skips them on purpose on a machine without a browser.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
