#!/usr/bin/env bash
# Integration: the JMH jar is built with its benchmark list and a benchmark runs in a fork;
# peer-workload validates its flags. Timings are not checked (the machine is shared).
set -euo pipefail
cd "${HAMLAB_ROOT:?run through ./hamlab test}"
jar="bench/target/benchmarks.jar"
./hamlab bench jmh -l >/dev/null
"$JAVA_HOME/bin/jar" tf "$jar" | grep -qx 'META-INF/BenchmarkList' || { echo "no META-INF/BenchmarkList in $jar" >&2; exit 1; }
out="$(./hamlab bench kernels 'SystemKernelsBenchmark.gradient' -f 1 -wi 1 -i 1 -w 100ms -r 100ms \
  -p system=double-well 2>&1)" || { echo "$out" >&2; exit 1; }
grep -qE '^SystemKernelsBenchmark\.gradient .* us/op$' <<<"$out" || { echo "$out" >&2; echo "no JMH result line" >&2; exit 1; }
rc=0; ./hamlab bench peer-workload --system pendulum >/dev/null 2>&1 || rc=$?
[[ $rc == 1 ]] || { echo "peer-workload accepted a bad --system (exit $rc)" >&2; exit 1; }
echo "bench smoke: ok"
