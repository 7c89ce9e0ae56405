#!/usr/bin/env bash
# run-allocator-bench.sh: the allocator benchmarks side by side in one run.
#
#   1. compiles benchmarks/src/main/c/malloc_baseline.c with gcc -O2 and runs it (the C library's
#      malloc/free on the same loops, median ns per malloc+free pair);
#   2. runs the JMH allocator suite (org.pymemlab.benchmarks.allocator) from
#      benchmarks/target/benchmarks.jar on a JDK 25+, for the obmalloc and system plugins;
#   3. prints one table: ns per malloc+free pair per case for obmalloc, system and C, with the
#      ratios system/obmalloc and C/obmalloc (above 1: obmalloc is faster).
#
# Usage: benchmarks/run-allocator-bench.sh [--rebuild] [JMH options ...]
#   --rebuild      rebuild benchmarks.jar (mvn -pl benchmarks -am package) even if it exists
#   JMH options    passed to JMH after the suite's include pattern, e.g. -f 1 -wi 2 -i 3 for a quick
#                  run, -p size=64, or -prof gc
# Environment: C_WARMUP, C_ROUNDS  warm-up and measured rounds of the C baseline (default 5 and 11).
# Everything the run wrote (C output, JMH log and CSV, the table) is in benchmarks/target/allocator-bench/.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
out="$root/benchmarks/target/allocator-bench"
jvm_flags=(--enable-native-access=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dguice_custom_class_loading=CHILD --sun-misc-unsafe-memory-access=allow)

rebuild=false
if [[ "${1:-}" == "--rebuild" ]]; then
  rebuild=true
  shift
fi

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
  echo "run-allocator-bench: no JDK 25 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
if ! command -v gcc >/dev/null 2>&1; then
  echo "run-allocator-bench: gcc is needed for the C baseline (apt-get install gcc)" >&2
  exit 1
fi

if [[ "$rebuild" == true || ! -f "$jar" ]]; then
  echo "run-allocator-bench: building $jar ..." >&2
  # -am: on a fresh machine the other modules are not installed in ~/.m2 yet.
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl benchmarks -am package) >&2
fi

mkdir -p "$out"
{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) CPUs, $(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "JDK:     $("$jdk/bin/java" -version 2>&1 | sed -n 2p)"
  echo "gcc:     $(gcc --version | head -1); $(ldd --version 2>&1 | head -1)"
  echo "command: benchmarks/run-allocator-bench.sh${*:+ $*}"
} | tee "$out/machine.txt"

echo "== C baseline (gcc -O2, C library malloc/free)"
gcc -O2 -Wall -Wextra -o "$out/malloc_baseline" "$root/benchmarks/src/main/c/malloc_baseline.c"
"$out/malloc_baseline" "${C_WARMUP:-5}" "${C_ROUNDS:-11}" | tee "$out/c.txt"

echo "== JMH (log: $out/jmh.log)"
rm -f "$out/jmh.csv"
LC_ALL=C "$jdk/bin/java" "${jvm_flags[@]}" -jar "$jar" 'org\.pymemlab\.benchmarks\.allocator\.' \
    -rf csv -rff "$out/jmh.csv" "$@" 2>&1 | tee "$out/jmh.log" \
    | grep -E --line-buffered '^# (Benchmark|Parameters):|^Result|^Benchmark |ns/op$' || true
if [[ ! -s "$out/jmh.csv" ]]; then
  echo "run-allocator-bench: JMH wrote no results; see $out/jmh.log" >&2
  exit 1
fi

# One row per case: pair-<size>[-lone] or batch-<order>; columns by name from the CSV header.
awk -v cfile="$out/c.txt" '
  function clean(s) { gsub(/"/, "", s); return s }
  function fmt(x) { return x == "" ? "-" : sprintf("%.1f", x) }
  function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
  BEGIN {
    FS = ","
    while ((getline line < cfile) > 0) {
      split(line, f, " ")
      if (f[1] != "case") c[f[1]] = f[2]
    }
  }
  { sub(/\r$/, "") }
  NR == 1 { for (i = 1; i <= NF; i++) col[clean($i)] = i; next }
  {
    bench = clean($col["Benchmark"])
    alloc = clean($col["Param: allocator"])
    if (bench ~ /MallocFreePairBenchmark/) {
      key = "pair-" clean($col["Param: size"])
      if (("Param: keepOneLive" in col) && clean($col["Param: keepOneLive"]) == "false") key = key "-lone"
    } else if (bench ~ /BatchAllocFreeBenchmark/) {
      key = "batch-" clean($col["Param: order"])
    } else {
      next
    }
    if (!(key in seen)) { seen[key] = 1; if (key ~ /^pair/) pairs[++np] = key; else batches[++nb] = key }
    score[key, alloc] = clean($col["Score"])
    err[key, alloc] = clean($col["Score Error (99.9%)"])
  }
  END {
    printf "%-14s %16s %16s %9s %16s %12s\n", "case (ns/pair)", "obmalloc", "system", "C", "system/obmalloc", "C/obmalloc"
    for (i = 1; i <= nb; i++) pairs[np + i] = batches[i]
    for (i = 1; i <= np + nb; i++) {
      k = pairs[i]
      o = score[k, "obmalloc"]; s = score[k, "system"]; cc = (k in c) ? c[k] : ""
      oe = err[k, "obmalloc"]; se = err[k, "system"]
      printf "%-14s %16s %16s %9s %16s %12s\n", k,
          (o == "" ? "-" : fmt(o) (oe ~ /^[0-9.]+$/ ? " ± " fmt(oe) : "")),
          (s == "" ? "-" : fmt(s) (se ~ /^[0-9.]+$/ ? " ± " fmt(se) : "")),
          fmt(cc), ratio(s, o), ratio(cc, o)
    }
    print "targets: system/obmalloc >= 1.50 per pair; C/obmalloc >= 1.00 (JMH error: 99.9% interval)"
  }
' "$out/jmh.csv" | tee "$out/table.txt"
