#!/usr/bin/env bash
# pyperformance_programs.sh: runs pyperformance's pure-Python benchmark programs once each on the lab and on
# CPython 3.13, and prints whether each ran and the whole process's wall time on both.
#
# The programs are not part of this repository: give a checkout of https://github.com/python/pyperformance
# (any recent one). Each runs in a copy of its bm_*/ directory whose .py files get a small stand-in for the pyperf
# module (one call of the benchmark function, default arguments) in place of "import pyperf"; nothing else is
# changed.
#
# Usage: tools/bench/pyperformance_programs.sh PYPERFORMANCE_CHECKOUT [BENCHMARK ...]
# Environment: PYTHON (default: PYENV_VERSION=3.13.0 python3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
checkout="${1:?usage: $0 PYPERFORMANCE_CHECKOUT [BENCHMARK ...]}"
shift
benchmarks=("$@")
if [[ ${#benchmarks[@]} -eq 0 ]]; then
  benchmarks=(richards nbody float chaos spectral_norm fannkuch nqueens deltablue go hexiom raytrace generators
              unpack_sequence comprehensions meteor_contest coroutines pidigits async_generators richards_super
              deepcopy scimark json_dumps json_loads gc_collect gc_traversal barnes_hut btree regex_v8 regex_effbot
              regex_dna regex_compile pyflate mdp pprint typing_runtime_protocols)
fi
python=(env PYENV_VERSION=3.13.0 python3)
if [[ -n "${PYTHON:-}" ]]; then read -r -a python <<<"$PYTHON"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the stand-in for pyperf: a Runner whose bench functions call the benchmark once
cat >"$work/shim.py" <<'PY'
class _Args:
    def __init__(self, values):
        self.__dict__.update(values)
class _ArgParser:
    def __init__(self):
        self.values = {}
    def add_argument(self, *names, **kw):
        long_names = [n for n in names if n.startswith('--')]
        key = (long_names[0] if long_names else names[0]).lstrip('-').replace('-', '_')
        self.values[key] = kw.get('default')
    def parse_args(self, *a):
        return _Args(self.values)
class _Runner:
    def __init__(self, *a, **kw):
        self.metadata = {}
        self.argparser = _ArgParser()
        self.args = None
    def parse_args(self, *a):
        self.args = self.argparser.parse_args()
        return self.args
    def bench_func(self, name, func, *args, **kw):
        return func(*args)
    def bench_time_func(self, name, func, *args, **kw):
        return func(1, *args)
    def bench_async_func(self, name, func, *args, **kw):
        # no event loop: the coroutine is run by sending None until it returns (enough when it awaits no I/O)
        coro = func(*args)
        try:
            while True:
                coro.send(None)
        except StopIteration as stop:
            return stop.value
class pyperf:
    Runner = _Runner
    @staticmethod
    def perf_counter():
        import time
        return time.perf_counter()
PY

"$root/pymem" list >/dev/null # builds the jar and the AOT cache first, outside the timings
printf "%-16s %-10s %10s %10s %8s\n" benchmark lab "lab (s)" "CPython(s)" ratio
for b in "${benchmarks[@]}"; do
  src="$checkout/pyperformance/data-files/benchmarks/bm_$b/run_benchmark.py"
  [[ -f "$src" ]] || { printf "%-16s missing\n" "$b"; continue; }
  # a copy of the benchmark's directory (some import their siblings or read data files), every .py file with
  # the shim in place of pyperf
  cp -r "$(dirname "$src")" "$work/$b"
  "${python[@]}" - "$(dirname "$src")" "$work/shim.py" "$work/$b" <<'PY'
import pathlib, re, sys
src, shim, out = pathlib.Path(sys.argv[1]), open(sys.argv[2]).read(), pathlib.Path(sys.argv[3])
for f in src.glob("*.py"):
    (out / f.name).write_text(re.sub(r'^import pyperf\s*$', shim, f.read_text(), flags=re.M))
PY
  start=$(date +%s.%N)
  "${python[@]}" "$work/$b/run_benchmark.py" >/dev/null 2>&1 || true
  mid=$(date +%s.%N)
  if "$root/pymem" run --report none "$work/$b/run_benchmark.py" >"$work/$b.out" 2>&1; then status=runs; else status="fails"; fi
  end=$(date +%s.%N)
  if [[ $status == runs ]]; then
    "${python[@]}" -c "import sys; l, c = float(sys.argv[1]), float(sys.argv[2]); print('%-16s %-10s %10.2f %10.2f %7.1fx' % (sys.argv[3], 'runs', l, c, l / c))" \
      "$(echo "$end - $mid" | bc)" "$(echo "$mid - $start" | bc)" "$b"
  else
    printf "%-16s %-10s %s\n" "$b" "fails" "$(tail -1 "$work/$b.out" | cut -c1-90)"
  fi
done
