#!/usr/bin/env bash
# Jupyter kernel integration tests: install the kernelspec (same installer as `./hamlab install`)
# into a temporary JUPYTER_PATH, then run the protocol conformance suite (jupyter_kernel_test),
# behaviour tests (interrupt, display, stop on error, HMAC, bind address) and a notebook through
# nbclient, all with the Debian Jupyter packages under /usr/bin/python3 (kernel.md §0.6, §4).
set -euo pipefail
ROOT="${HAMLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="$ROOT/kernel/target/hamlab-kernel.jar"
[[ -f "$JAR" ]] || { echo "kernel.sh: $JAR missing; run mvn package (./hamlab build) first" >&2; exit 1; }
for mod in jupyter_client jupyter_kernel_test nbclient nbformat zmq; do
  /usr/bin/python3 -c "import $mod" 2>/dev/null || {
    echo "kernel.sh: python module $mod missing; apt-get install -y python3-jupyter-client" \
         "python3-jupyter-kernel-test python3-nbclient python3-nbformat" >&2; exit 1; }
done
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$JAR" \
  org.hamlab.kernel.install.KernelspecInstaller --kernel-dir "$TMP/jupyter/kernels/hamlab" --jar "$JAR"
export JUPYTER_PATH="$TMP/jupyter" JUPYTER_DATA_DIR="$TMP/data" JUPYTER_RUNTIME_DIR="$TMP/runtime"
export HAMLAB_SHADED=1 HAMLAB_IT_OUT="${HAMLAB_IT_OUT:-$TMP}" TMPDIR="$TMP"
cd "$ROOT/kernel/src/test/python"
/usr/bin/python3 -m unittest -v test_conformance test_behaviour test_notebook
