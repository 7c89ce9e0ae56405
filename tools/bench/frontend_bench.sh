#!/usr/bin/env bash
# frontend_bench.sh: issue 5's benchmark, the python-frontend against CPython 3.13, side by side in one run.
#
# Runs python-frontend/src/test/resources/bench/{gc_collect,gc_traversal}.py RUNS times on each interpreter,
# alternating (lab, CPython, lab, CPython, ...), each run ROUNDS rounds in one process. Every round prints
# its whole time and its gc.collect() time (time.perf_counter() inside the program). Then prints, per
# program, medians over the runs of:
#   cold      round 1: the program as a user runs it once (the lab's JIT warming up);
#   warm      rounds 3..ROUNDS: steady state (pyperf, too, discards warm-up values per process);
#   process   the wall time of the whole process with ROUNDS rounds (JVM or interpreter start included).
# The lab runs through ./pymem (its AOT cache included) on the cpython-3.13 profile, obmalloc +
# generational + cpython interning, --report none.
#
# Usage: tools/bench/frontend_bench.sh [RUNS (5)] [ROUNDS (5)]
# Environment: PYTHON (default: PYENV_VERSION=3.13.0 python3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
rounds="${2:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python=(env PYENV_VERSION=3.13.0 python3)
if [[ -n "${PYTHON:-}" ]]; then read -r -a python <<<"$PYTHON"; fi

"$root/pymem" list >/dev/null # builds the jar and trains the AOT cache first, outside the timings
for program in gc_collect gc_traversal; do
  file="$root/python-frontend/src/test/resources/bench/$program.py"
  for ((i = 1; i <= runs; i++)); do
    for side in lab cpython; do
      start=$(date +%s%N)
      if [[ $side == lab ]]; then
        "$root/pymem" run --profile cpython-3.13 --report none "$file" "$rounds" >"$out/$program.$side.$i"
      else
        "${python[@]}" "$file" "$rounds" >"$out/$program.$side.$i"
      fi
      end=$(date +%s%N)
      echo "process $(( (end - start) / 1000000 ))" >>"$out/$program.$side.$i"
    done
  done
done

"${python[@]}" - "$out" "$runs" <<'PY'
import re, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def med(xs): return statistics.median(xs) if xs else float("nan")
print("%-13s %-8s %10s %10s %10s %10s %10s" % ("program", "side", "cold s", "cold gc s", "warm s", "warm gc s", "process s"))
for program in ("gc_collect", "gc_traversal"):
    rows = {}
    for side in ("lab", "cpython"):
        cold, coldgc, warm, warmgc, proc = [], [], [], [], []
        for i in range(1, runs + 1):
            for line in open(f"{out}/{program}.{side}.{i}"):
                m = re.match(r"round (\d+): collected \d+, whole ([\d.]+) s, collect ([\d.]+) s", line)
                if m:
                    r, w, c = int(m[1]), float(m[2]), float(m[3])
                    if r == 1: cold.append(w); coldgc.append(c)
                    elif r >= 3: warm.append(w); warmgc.append(c)
                elif line.startswith("process "):
                    proc.append(int(line.split()[1]) / 1000)
        rows[side] = [med(cold), med(coldgc), med(warm), med(warmgc), med(proc)]
        print("%-13s %-8s %10.3f %10.3f %10.3f %10.3f %10.3f" % (program, side, *rows[side]))
    ratio = [a / b for a, b in zip(rows["lab"], rows["cpython"])]
    print("%-13s %-8s %9.1fx %9.1fx %9.1fx %9.1fx %9.1fx" % (program, "lab/cpy", *ratio))
PY
