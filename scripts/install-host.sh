#!/usr/bin/env bash
# Installs VS Code 1.100.3 as code-server 4.100.3 into .vscode-test/, the host in which
# `npm start` and the integration and UI tests run (see README, "Real VS Code here").
# Idempotent: a finished install leaves a stamp and later runs return at once.
set -euo pipefail
VERSION=4.100.3
root=$(cd "$(dirname "$0")/.." && pwd)
D="$root/.vscode-test/code-server-$VERSION"
stamp="$D/.installed"
[ -f "$stamp" ] && exit 0

bash "$root/scripts/ensure-debian-packages.sh" libkrb5-dev ripgrep chromium g++ make python3

echo "Installing code-server $VERSION (VS Code 1.100.3) into ${D#$root/} ..."
rm -rf "$D" && mkdir -p "$D" && cd "$D"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false
npm init -y >/dev/null
# --ignore-scripts: its postinstall refuses root and its ripgrep step downloads from the internet.
npm install --no-save --ignore-scripts --loglevel=error code-server@$VERSION >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null
npm rebuild --loglevel=error @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >/dev/null
# Debian's ripgrep stands in for the binary @vscode/ripgrep would download.
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)
# argon2 is hoisted to $D: rebuilt anywhere else, npm reports success and builds nothing.
cd "$D" && npm rebuild --loglevel=error argon2 >/dev/null
test -f "$D/node_modules/code-server/out/node/entry.js"
date -u +%FT%TZ > "$stamp"
echo "code-server $VERSION installed."
