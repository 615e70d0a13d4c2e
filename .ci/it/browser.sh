#!/usr/bin/env bash
# Browser check (kernel.md §4.4): headless Chromium opens a notebook in classic Notebook 6 on
# 127.0.0.1, runs its plot cell through the live hamlab kernel and the plot renders offline; the
# same plot renders in nbconvert HTML. Installs chromium when root. Screenshot of the notebook
# page: $HAMLAB_BROWSER_SCREENSHOT (default kernel/target/browser-notebook.png).
set -euo pipefail
ROOT="${HAMLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="$ROOT/kernel/target/hamlab-kernel.jar"
[[ -f "$JAR" ]] || { echo "browser.sh: $JAR missing; run ./hamlab build first" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    echo "browser.sh: installing chromium (Debian) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "browser.sh: chromium is missing; run, as root: apt-get install -y chromium" >&2
    exit 1
  fi
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$JAR" \
  org.hamlab.kernel.install.KernelspecInstaller --kernel-dir "$TMP/jupyter/kernels/hamlab" --jar "$JAR"
export JUPYTER_PATH="$TMP/jupyter" JUPYTER_DATA_DIR="$TMP/data" JUPYTER_RUNTIME_DIR="$TMP/runtime"
export JUPYTER_CONFIG_DIR="$TMP/config" TMPDIR="$TMP"
export HAMLAB_BROWSER_SCREENSHOT="${HAMLAB_BROWSER_SCREENSHOT:-$ROOT/kernel/target/browser-notebook.png}"
cd "$ROOT/kernel/src/test/python"
/usr/bin/python3 -m unittest -v test_browser
