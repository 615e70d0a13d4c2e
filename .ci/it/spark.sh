#!/usr/bin/env bash
# Spark sweeps (optional module, -Pspark): the module's JUnit tests (local[2], local-cluster on a javaHome of
# its own, the executor-JDK checks), then a standalone Master + Worker on 127.0.0.1 started from the Maven jars
# alone (distributed.md §2.8) running, through `./hamlab run` (the DSL loads the module beside it), an 8-run sweep
# that must equal the in-process one bitwise, and one on Java 17 executors that must fail clearly and soon.
# Both daemons are stopped by PID on exit.
set -euo pipefail
ROOT="${HAMLAB_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
JAVA="$JAVA_HOME/bin/java"
FLAGS=(--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

mvn -B -ntp -q -f "$ROOT/pom.xml" -Pspark -pl spark -am package -Dtest='SparkSweepTest,ExecutorJdkTest' -Dsurefire.failIfNoSpecifiedTests=false

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# SPARK_HOME/jars: the module's class path (Spark's jars and hamlab's dependencies), as links
CP="$(cat "$ROOT/spark/target/classpath.txt")"
mkdir -p "$WORK/home/jars"
IFS=: read -ra JARS <<< "$CP"
for j in "${JARS[@]}"; do ln -sf "$j" "$WORK/home/jars/"; done
export SPARK_HOME="$WORK/home"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
"$JAVA" "${FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port "$PORT" --webui-port "$(free_port)" >"$WORK/master.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do grep -qs "I have been elected leader" "$WORK/master.log" && break; sleep 1; done
grep -q "I have been elected leader" "$WORK/master.log" || { cat "$WORK/master.log" >&2; echo "master did not start" >&2; exit 1; }
"$JAVA" "${FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 \
  --memory 2g --webui-port "$(free_port)" --work-dir "$WORK/worker" "spark://127.0.0.1:$PORT" >"$WORK/worker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do grep -qs "Successfully registered with master" "$WORK/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$WORK/worker.log" || { cat "$WORK/worker.log" >&2; echo "worker did not register" >&2; exit 1; }

# the user's path: `./hamlab run` (a JVM with only the DSL's class path; .on(...) loads the built module beside it).
# With the machine's Java 17 as the executors' JDK the sweep must stop soon with an error naming it.
JDK17=""
for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/*17*; do
  [[ -x "$d/bin/java" ]] && { JDK17="$d"; break; }
done
[[ -n "$JDK17" ]] || echo "spark.sh: no Java 17 in /usr/lib/jvm; the wrong-JDK check is skipped" >&2
if ! HAMLAB_IT_MASTER="spark://127.0.0.1:$PORT" HAMLAB_IT_JDK17="$JDK17" HAMLAB_IT_LIMIT=120 \
    timeout 600 "$ROOT/hamlab" run "$ROOT/.ci/it/spark-sweep.jsh" 2>"$WORK/driver.log"; then
  tail -50 "$WORK/driver.log" >&2
  find "$WORK/worker" -name stderr -exec tail -30 {} \; >&2 2>/dev/null || true
  exit 1
fi
