#!/usr/bin/env bash
# run-gc-bench.sh: issue 4's collector benchmark, the lab against CPython 3.13, side by side in one run.
#
#   1. CPython: tools/bench/gc_bench.py times gc.collect() on pyperformance's gc_collect (100 rings of
#      21 nodes, and 47,619 rings = 999,999 nodes) and gc_traversal (1,000 levels of lists) shapes,
#      median of repeated rounds; "frozen" with the interpreter's own objects moved out of the way by
#      gc.freeze() (the collection sees the shape alone, as ours does), "as-is" as pyperformance runs it;
#   2. JMH steady state: org.pymemlab.benchmarks.gc.GcCollectBenchmark (one collect() per single shot,
#      the shape rebuilt before each), median ns per object of the measured shots;
#   3. JMH cold: the same benchmarks with no warm-up in COLD_FORKS fresh JVMs, first collection only:
#      what a short `pymem run` pays (skipped with --no-cold);
#   4. GcCpuTimeHarness, one JVM per case: the collecting thread's CPU time, first collection and
#      median after warm-up (CPython's thread CPU time comes from step 1); other processes on the
#      machine move CPU time much less than wall time;
#   5. prints one table of ns per object, with the ratios CPython/lab (above 1: the lab is faster).
#
# Usage: benchmarks/run-gc-bench.sh [--rebuild] [--no-cold] [--flags] [JMH options ...]
#   --rebuild   rebuild benchmarks.jar (mvn -pl benchmarks -am package) even if it exists
#   --no-cold   skip the first-collection (cold JVM) runs
#   --flags     also compare JVM flag sets for warm-up (FLAG_SETS, one per line; @AOT@ stands for an AOT
#               cache trained first): GcWarmupCurve (20 collections of 21,000 garbage nodes in a fresh
#               JVM, CURVE_REPEATS times, thread CPU per collection) and, when cli-runner/target/pymem.jar
#               exists, `pymem run --workload W --report none` for W in FLAG_WORKLOADS (wall and CPU)
#   JMH options passed to the steady-state run, e.g. -f 1 for a quick look, -prof gc
# Environment: PYTHON (default: PYENV_VERSION=3.13.0 python3), PY_ROUNDS (31), COLD_FORKS (5),
#              FLAG_SETS, CURVE_REPEATS (3), FLAG_WORKLOADS (mixed-small gc-collect gc-traversal btree),
#              PYMEM_JAR (cli-runner/target/pymem.jar; build it with ./pymem list or mvn package).
# Everything the run wrote is in benchmarks/target/gc-bench/.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
out="$root/benchmarks/target/gc-bench"
# The JMH host JVM: JMH 1.37 reads field offsets with sun.misc.Unsafe (JDK 24+ would warn).
host_flags=(--sun-misc-unsafe-memory-access=allow)
run_flags=(--enable-native-access=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dguice_custom_class_loading=CHILD)

command_line="benchmarks/run-gc-bench.sh${*:+ $*}"
rebuild=false
cold=true
flags=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rebuild) rebuild=true; shift ;;
    --no-cold) cold=false; shift ;;
    --flags) flags=true; shift ;;
    *) break ;;
  esac
done

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "[.+-]"); print v[1]; exit }'
}

find_jdk() {
  local dir major
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" ]] || continue
    major="$(java_major "$dir/bin/java")"
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 25 )); then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! jdk="$(find_jdk)"; then
  echo "run-gc-bench: no JDK 25 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
java="$jdk/bin/java"
if [[ -n "${PYTHON:-}" ]]; then
  python=($PYTHON)
else
  python=(env PYENV_VERSION=3.13.0 python3)
fi
if ! "${python[@]}" -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then
  echo "run-gc-bench: CPython 3.13 not found (pyenv install 3.13.0, or set PYTHON)" >&2
  exit 1
fi

if [[ "$rebuild" == true || ! -f "$jar" ]]; then
  echo "run-gc-bench: building $jar ..." >&2
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl benchmarks -am package) >&2
fi

mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.jsonl
{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) CPUs, $(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JDK:     $("$java" -version 2>&1 | sed -n 2p)"
  echo "Python:  $("${python[@]}" -c 'import sys; print(sys.version.split()[0])')"
  echo "command: $command_line"
} | tee "$out/machine.txt"

echo "== CPython gc.collect() (tools/bench/gc_bench.py)"
"${python[@]}" "$root/tools/bench/gc_bench.py" --rounds "${PY_ROUNDS:-31}" | tee "$out/cpython.jsonl"

echo "== JMH steady state (log: $out/jmh.log)"
LC_ALL=C "$java" "${host_flags[@]}" -jar "$jar" 'org\.pymemlab\.benchmarks\.gc\.GcCollectBenchmark' \
    -rf json -rff "$out/steady.json" "$@" > "$out/jmh.log" 2>&1 || true
grep -E '^Gc|^Benchmark ' "$out/jmh.log" || true
if [[ ! -s "$out/steady.json" ]]; then
  echo "run-gc-bench: JMH wrote no results; see $out/jmh.log" >&2
  exit 1
fi

if [[ "$cold" == true ]]; then
  echo "== JMH cold: first collection in ${COLD_FORKS:-5} fresh JVMs (log: $out/jmh-cold.log)"
  LC_ALL=C "$java" "${host_flags[@]}" -jar "$jar" \
      'org\.pymemlab\.benchmarks\.gc\.GcCollectBenchmark\.(gcCollect|gcTraversal)$' \
      -wi 0 -i 1 -f "${COLD_FORKS:-5}" -rf json -rff "$out/cold.json" > "$out/jmh-cold.log" 2>&1 || true
  grep -E '^Gc|^Benchmark ' "$out/jmh-cold.log" || true
fi

echo "== thread CPU time: GcCpuTimeHarness, one JVM per case"
for case in gc_collect gc_collect_1m gc_traversal; do
  "$java" "${run_flags[@]}" -cp "$jar" org.pymemlab.benchmarks.gc.GcCpuTimeHarness "$case" | tee -a "$out/cpu.jsonl"
done

python3 - "$out" <<'PY' | tee "$out/table.txt"
import json, os, statistics, sys
out = sys.argv[1]
names = {"gcCollect": "gc_collect", "gcCollect1m": "gc_collect_1m", "gcTraversal": "gc_traversal"}
py = {}
for line in open(os.path.join(out, "cpython.jsonl")):
    r = json.loads(line)
    py[(r["case"], r["mode"])] = r

def jmh(file):
    path = os.path.join(out, file)
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return {}
    res = {}
    for b in json.load(open(path)):
        case = names.get(b["benchmark"].rsplit(".", 1)[1])
        shots = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        res[case] = (statistics.median(shots), len(shots))
    return res

steady, cold = jmh("steady.json"), jmh("cold.json")
cpu = {}
for line in open(os.path.join(out, "cpu.jsonl")):
    r = json.loads(line)
    cpu[r["case"]] = r
fmt = lambda x: "-" if x is None else (f"{x:,.1f}" if x < 100_000 else f"{x:,.0f}")
ratio = lambda a, b: "-" if a is None or b is None else f"{a / b:.2f}"
print()
print("ns per object of the shape, median; ratio = CPython / lab (above 1: the lab is faster)")
print(f"{'case':<15}{'objects':>9}{'lab steady':>12}{'lab cold':>11}{'CPy frozen':>12}{'CPy as-is':>11}"
      f"{'frozen/lab':>12}{'as-is/lab':>11}{'as-is/cold':>12}")
for case in ("gc_collect", "gc_collect_1m", "gc_traversal"):
    fz, asis = py.get((case, "frozen")), py.get((case, "as-is"))
    s = steady.get(case, (None, 0))[0]
    c = cold.get(case, (None, 0))[0]
    f = fz["ns_per_object"] if fz else None
    a = asis["ns_per_object"] if asis else None
    objects = (fz or asis or {}).get("objects", "-")
    print(f"{case:<15}{objects:>9}{fmt(s):>12}{fmt(c):>11}{fmt(f):>12}{fmt(a):>11}"
          f"{ratio(f, s):>12}{ratio(a, s):>11}{ratio(a, c):>12}")
base = py.get(("baseline", "as-is"))
if base:
    print(f"CPython as-is: an empty gc.collect() takes {base['median_ns'] / 1000:,.0f} us "
          f"({base['tracked_outside_shape']:,} tracked interpreter objects); the lab's runtime has almost none.")
print()
print("thread CPU ns per object, median (lab: GcCpuTimeHarness; CPython: time.thread_time_ns, frozen)")
print(f"{'case':<15}{'lab first':>11}{'lab steady':>12}{'CPy frozen':>12}{'frozen/lab':>12}")
for case in ("gc_collect", "gc_collect_1m", "gc_traversal"):
    r, fz = cpu.get(case), py.get((case, "frozen"))
    s = r["cpu_ns_per_object"] if r else None
    f = fz.get("cpu_ns_per_object") if fz else None
    print(f"{case:<15}{fmt(r['first_cpu_ns_per_object'] if r else None):>11}{fmt(s):>12}{fmt(f):>12}{ratio(f, s):>12}")
print("target (issue 4): lab no slower than CPython, i.e. ratio >= 1.00")
PY

if [[ "$flags" == true ]]; then
  flag_sets="${FLAG_SETS:-$'\n-XX:AOTCache=@AOT@\n-XX:TieredStopAtLevel=1\n-XX:-TieredCompilation\n-XX:+UseSerialGC\n-XX:AOTCache=@AOT@ -XX:+UseSerialGC'}"
  echo "== JVM flags: warm-up curve, GcWarmupCurve 1000 rings x 21 nodes, 20 rounds, ${CURVE_REPEATS:-3} JVMs each"
  aot="$out/gc-curve.aot"
  rm -f "$aot"
  # JDK 25 (JEP 514): one training run writes the cache; its messages go to the log, not the table.
  "$java" "${run_flags[@]}" -XX:AOTCacheOutput="$aot" -cp "$jar" org.pymemlab.benchmarks.gc.GcWarmupCurve \
      1000 20 40 > "$out/aot-training.log" 2>&1
  for ((rep = 1; rep <= ${CURVE_REPEATS:-3}; rep++)); do
    while IFS= read -r flag_set; do
      # shellcheck disable=SC2086
      "$java" "${run_flags[@]}" ${flag_set//@AOT@/$aot} -cp "$jar" org.pymemlab.benchmarks.gc.GcWarmupCurve \
          1000 20 20 < /dev/null > "$out/curve.txt" 2>&1
      printf '%-36s ' "${flag_set:-(default)}"
      python3 - "$out/curve.txt" <<'PY'
import re, sys
c, w, tail = {}, 0, ""
for line in open(sys.argv[1]):
    m = re.match(r"round\s+(\d+)\s+build\s+\S+ ns/obj\s+collect\s+\S+ ns/obj\s+cpu\s+(\S+)", line)
    if m:
        c[int(m.group(1))] = float(m.group(2))
        continue
    m = re.search(r"cpu ([0-9.]+) ms\); process cpu (\d+) ms; wall since JVM start (\d+)", line)
    if m:
        tail = f"| all collects {float(m.group(1)):4.0f} ms cpu, process {m.group(2):>5} ms cpu, {m.group(3):>5} ms wall"
    elif re.search(r"warn|error", line, re.I):
        w += 1
print("collect cpu ns/obj " + " ".join(f"r{r} {c[r]:5.0f}" for r in (1, 2, 3, 5, 10, 20) if r in c), tail,
      f"OUTPUT: {w} warning/error lines" if w else "")
PY
    done <<< "$flag_sets"
  done
  cli="${PYMEM_JAR:-$root/cli-runner/target/pymem.jar}"
  if [[ -f "$cli" ]]; then
    echo "== JVM flags: pymem run --report none (cli-runner/target/pymem.jar), ${CURVE_REPEATS:-3} runs each, median"
    cli_aot="$out/pymem.aot"
    rm -f "$cli_aot"
    "$java" "${run_flags[@]}" -XX:AOTCacheOutput="$cli_aot" -jar "$cli" run --workload mixed-small --report none \
        > "$out/pymem-aot-training.log" 2>&1
    for workload in ${FLAG_WORKLOADS:-mixed-small gc-collect gc-traversal btree}; do
      while IFS= read -r flag_set; do
        walls=() cpus=() noise=0
        for ((rep = 1; rep <= ${CURVE_REPEATS:-3}; rep++)); do
          # shellcheck disable=SC2086
          /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$java" "${run_flags[@]}" ${flag_set//@AOT@/$cli_aot} \
              -jar "$cli" run --workload "$workload" --report none < /dev/null > "$out/run.txt" 2>&1
          read -r e u sy < "$out/time.txt"
          walls+=("$e")
          cpus+=("$(echo "$u + $sy" | bc)")
          [[ -s "$out/run.txt" ]] && noise=$((noise + 1))
        done
        printf '%-14s %-36s wall %s s, cpu %s s (median)%s\n' "$workload" "${flag_set:-(default)}" \
            "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (${#walls[@]} + 1) / 2 ))p")" \
            "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (${#cpus[@]} + 1) / 2 ))p")" \
            "$( ((noise)) && echo "  OUTPUT on $noise runs: $(head -c 200 "$out/run.txt")")"
      done <<< "$flag_sets"
    done
  fi
fi
