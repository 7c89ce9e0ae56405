#!/usr/bin/env bash
# Regenerates runtime/src/test/resources/conformance/cpython-3.1x.json from the
# real interpreters (pyenv).  Fails loudly if one is missing or the oracle fails.
# Usage: tools/oracle/generate.sh        (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="$root/runtime/src/test/resources/conformance"
script="$here/conformance.py"
versions=(3.11.7 3.12.1 3.13.0)

die() { echo "generate.sh: ERROR: $*" >&2; exit 1; }

command -v pyenv >/dev/null 2>&1 || die "pyenv not found on PATH"
installed="$(pyenv versions --bare)"
for v in "${versions[@]}"; do
  grep -qxF "$v" <<<"$installed" || die "CPython $v is not installed (pyenv install $v)"
done
mkdir -p "$out_dir"

tmps=()
cleanup() { for t in "${tmps[@]}"; do rm -f "$t"; done; }
trap cleanup EXIT

for v in "${versions[@]}"; do
  minor="${v%.*}"                       # 3.12.1 -> 3.12
  dest="$out_dir/cpython-$minor.json"
  tmp="$(mktemp "$out_dir/.cpython-$minor.json.XXXXXX")"
  tmps+=("$tmp")
  # cd to the script's directory: the output must not depend on the caller's cwd
  actual="$(cd "$here" && PYENV_VERSION="$v" PYTHONHASHSEED=0 python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')" \
    || die "cannot run CPython $v through pyenv"
  [[ "$actual" == "$v" ]] || die "PYENV_VERSION=$v runs Python $actual"
  (cd "$here" && PYENV_VERSION="$v" PYTHONHASHSEED=0 python3 conformance.py) >"$tmp" \
    || die "conformance.py failed under CPython $v"
  PYENV_VERSION="$v" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp" \
    || die "CPython $v produced invalid JSON"
  chmod 644 "$tmp"
  mv -f "$tmp" "$dest"
  echo "wrote $dest ($(wc -c <"$dest") bytes, CPython $v)"
done
