#!/usr/bin/env bash
# Regenerates runtime/src/test/resources/gc/cpython-3.1x.json from the real
# interpreters (pyenv) by running tools/oracle/gc_scenarios.py.  Each file is
# written to a temporary file in the same directory and renamed into place, so a
# failed run leaves the committed files untouched.  Fails loudly if an
# interpreter is missing or the script fails.
# Usage: tools/oracle/gc_generate.sh        (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="$root/runtime/src/test/resources/gc"
script="$here/gc_scenarios.py"
versions=(3.11.7 3.12.1 3.13.0)

die() { echo "gc_generate.sh: ERROR: $*" >&2; exit 1; }

command -v pyenv >/dev/null 2>&1 || die "pyenv not found on PATH"
[[ -f "$script" ]] || die "$script is missing"
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
  actual="$(cd "$here" && PYENV_VERSION="$v" PYTHONHASHSEED=0 python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')" \
    || die "cannot run CPython $v through pyenv"
  [[ "$actual" == "$v" ]] || die "PYENV_VERSION=$v runs Python $actual"
  (cd "$here" && PYENV_VERSION="$v" PYTHONHASHSEED=0 python3 gc_scenarios.py) >"$tmp" \
    || die "gc_scenarios.py failed under CPython $v"
  PYENV_VERSION="$v" python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert d["scenarios"]' "$tmp" \
    || die "CPython $v produced invalid JSON"
  chmod 644 "$tmp"
  mv -f "$tmp" "$dest"
  echo "wrote $dest ($(wc -c <"$dest") bytes, CPython $v)"
done
