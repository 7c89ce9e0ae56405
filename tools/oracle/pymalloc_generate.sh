#!/usr/bin/env bash
# Regenerates allocator-obmalloc/src/test/resources/differential/cpython-3.1x.json from the real
# interpreters (pyenv): tools/oracle/pymalloc_streams.py drives CPython's pymalloc through ctypes
# and records the changes in sys._debugmallocstats() figures; DifferentialTest replays the same
# streams on obmalloc. Fails loudly if an interpreter is missing or the oracle fails.
# Usage: tools/oracle/pymalloc_generate.sh        (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="$root/allocator-obmalloc/src/test/resources/differential"
script="$here/pymalloc_streams.py"
versions=(3.11.7 3.12.1 3.13.0)

die() { echo "pymalloc_generate.sh: ERROR: $*" >&2; exit 1; }

[[ -f "$script" ]] || die "$script not found"
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
  actual="$(cd "$here" && PYENV_VERSION="$v" python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')" \
    || die "cannot run CPython $v through pyenv"
  [[ "$actual" == "$v" ]] || die "PYENV_VERSION=$v runs Python $actual"
  # PYTHONMALLOC must not be set: the oracle measures the default allocator, pymalloc.
  (cd "$here" && env -u PYTHONMALLOC PYENV_VERSION="$v" PYTHONHASHSEED=0 python3 pymalloc_streams.py) >"$tmp" \
    || die "pymalloc_streams.py failed under CPython $v"
  PYENV_VERSION="$v" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp" \
    || die "CPython $v produced invalid JSON"
  chmod 644 "$tmp"
  mv -f "$tmp" "$dest"
  echo "wrote $dest ($(wc -c <"$dest") bytes, CPython $v)"
done
