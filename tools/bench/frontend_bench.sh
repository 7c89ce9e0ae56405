#!/usr/bin/env bash
# frontend_bench.sh: issue 5's benchmark, the python-frontend against CPython 3.13, side by side in one run.
#
# Runs python-frontend/src/test/resources/bench/{gc_collect,gc_traversal}.py RUNS times on each interpreter,
# alternating (lab, CPython, lab, CPython, ...), each run ROUNDS rounds in one process. Every round prints
# its whole time and its gc.collect() time, as wall time (time.perf_counter()) and as the thread's CPU time
# (time.thread_time(), the steadier of the two on a shared machine). Then prints two tables, wall and CPU,
# with per program the medians over the runs of:
#   cold      round 1: the program as a user runs it once (the lab's JIT warming up);
#   warm      rounds 3..ROUNDS: steady state (pyperf, too, discards warm-up values per process);
#   process   the wall time of the whole process with ROUNDS rounds (JVM or interpreter start included;
#             in the CPU table: the process's user + system CPU time, the JVM's compiler threads included).
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
      if [[ $side == lab ]]; then
        command=("$root/pymem" run --profile cpython-3.13 --report none "$file" "$rounds")
      else
        command=("${python[@]}" "$file" "$rounds")
      fi
      # bash's time keyword: "process WALL USER SYS" in seconds after the program's own lines
      { TIMEFORMAT='process %R %U %S'; time "${command[@]}" >"$out/$program.$side.$i"; } 2>>"$out/$program.$side.$i"
    done
  done
done

"${python[@]}" - "$out" "$runs" <<'PY'
import re, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
ROUND = re.compile(r"round (\d+): collected \d+, whole ([\d.]+) s, collect ([\d.]+) s, cpu ([\d.]+) s, collect cpu ([\d.]+) s")

def med(xs):
    return statistics.median(xs) if xs else float("nan")

def columns(side_file, cpu):
    cold, cold_gc, warm, warm_gc, process = [], [], [], [], []
    for i in range(1, runs + 1):
        for line in open(f"{side_file}.{i}"):
            m = ROUND.match(line)
            if m:
                r = int(m[1])
                whole, collect = (float(m[4]), float(m[5])) if cpu else (float(m[2]), float(m[3]))
                if r == 1:
                    cold.append(whole); cold_gc.append(collect)
                elif r >= 3:
                    warm.append(whole); warm_gc.append(collect)
            elif line.startswith("process "):
                wall, user, system = map(float, line.split()[1:4])
                process.append(user + system if cpu else wall)
    return [med(cold), med(cold_gc), med(warm), med(warm_gc), med(process)]

for cpu in (False, True):
    print("CPU time (s)" if cpu else "wall time (s)")
    print("%-13s %-9s %9s %9s %9s %9s %9s" % ("program", "", "cold", "cold gc", "warm", "warm gc", "process"))
    for program in ("gc_collect", "gc_traversal"):
        rows = {side: columns(f"{out}/{program}.{side}", cpu) for side in ("lab", "cpython")}
        for side in ("lab", "cpython"):
            print("%-13s %-9s %9.3f %9.3f %9.3f %9.3f %9.3f" % (program, side, *rows[side]))
        ratios = [a / b for a, b in zip(rows["lab"], rows["cpython"])]
        print("%-13s %-9s %8.1fx %8.1fx %8.1fx %8.1fx %8.1fx" % (program, "lab/cpy", *ratios))
    print()
PY
