#!/usr/bin/env bash
# Provisions a real VS Code (code-server 4.100.3 = VS Code 1.100.3) and Chromium for the host tests.
# Idempotent and quiet: does nothing (in well under a second) when everything is already there.
# Needs root (or sudo) for apt-get, and only when a Debian package is missing.
# See ../shared/notes/real-vscode.md for why each step exists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PG_VSCODE_CACHE:-$here/.vscode-test/code-server}"
bin="$cache/node_modules/.bin/code-server"
manifest="$cache/node_modules/code-server/package.json"
version="4.100.3"

# 1. Debian packages: install only the ones that are missing.
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "provision: need root or sudo to install ${need_apt[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  echo "provision: apt-get install ${need_apt[*]}"
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. code-server: the package manifest tells the installed version without starting Node.
if [ -x "$bin" ] && [ -f "$manifest" ] && grep -q "\"version\": \"$version\"" "$manifest"; then
  exit 0
fi

# @vscode/ripgrep looks for a cached archive before downloading from GitHub: hand it Debian's rg.
tmp="${TMPDIR:-/tmp}"
d="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$d/pack"
cp "$(command -v rg)" "$d/pack/rg"
tar czf "$d/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$d/pack" rg

echo "provision: installing code-server $version into $cache (about 2 minutes)"
mkdir -p "$cache"
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error --prefix "$cache" "code-server@$version" >/dev/null
[ -x "$bin" ] || { echo "provision: code-server did not install into $cache" >&2; exit 1; }
echo "provision: code-server $version ready"
