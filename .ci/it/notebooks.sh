#!/usr/bin/env bash
# Integration test of ./hamlab reproduce (run by ./hamlab test after mvn verify): the whole notebook
# set at the quick scale through the in-process runner and, when Jupyter and the kernel installer
# are available, through nbclient and the hamlab kernel; then checks that every expected file exists,
# that figures arrived as Plotly JSON and PNG, and that no temporary file was left behind.
set -euo pipefail
ROOT="${HAMLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "notebooks.sh: FAIL: $*" >&2; exit 1; }

# HAMLAB_IT_RUNNERS="inprocess" limits the runners (the nbclient pass takes ~15 min on a loaded 2-core box)
runners=()
for r in ${HAMLAB_IT_RUNNERS:-inprocess nbclient}; do
  if [[ "$r" == nbclient ]] && ! { /usr/bin/python3 -c 'import nbclient, nbformat, nbconvert' 2>/dev/null \
      && grep -q '^cmd_install()' "$ROOT/hamlab"; }; then
    echo "notebooks.sh: nbclient or the kernel installer is missing; skipping the nbclient runner" >&2
    continue
  fi
  runners+=("$r")
done
((${#runners[@]})) || fail "no runner to test (HAMLAB_IT_RUNNERS='${HAMLAB_IT_RUNNERS:-}')"

# 13-sweeps ends with the same sweep in-process and on Spark local[2] (one changed argument). ./hamlab reproduce
# never downloads Spark (the cell then says how to add it); here the module is built so the cell really runs,
# through the real kernel too, and check() insists on its result line.
"$ROOT/hamlab" build --spark >&2 || fail "./hamlab build --spark failed"

check() { # check OUT RUNNER
  local out="$1" runner="$2" nb name n
  [[ -s "$out/SUMMARY.md" && -s "$out/timings.csv" ]] || fail "$runner: SUMMARY.md or timings.csv missing"
  grep -q "runner \*\*$runner\*\*" "$out/SUMMARY.md" || fail "$runner: SUMMARY.md does not name the runner"
  for nb in "$ROOT"/notebooks/*.ipynb; do
    name="$(basename "$nb" .ipynb)"
    [[ -s "$out/notebooks/$name.ipynb" ]] || fail "$runner: executed notebook $name missing"
    [[ -s "$out/html/$name.html" ]] || fail "$runner: HTML of $name missing"
    grep -q "^| $name |" "$out/SUMMARY.md" || fail "$runner: $name missing from SUMMARY.md"
    # every figure output carries Plotly JSON and a PNG, and both were written as files
    /usr/bin/python3 - "$out/notebooks/$name.ipynb" "$out" "$name" "$runner" <<'PY'
import base64, json, os, sys
path, out, name, runner = sys.argv[1:5]
nb = json.load(open(path))
figs = 0
for cell in nb["cells"]:
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error":
            sys.exit("%s: %s has an error output: %s" % (runner, name, o.get("evalue")))
        d = o.get("data", {})
        if "application/vnd.plotly.v1+json" in d:
            figs += 1
            fig = d["application/vnd.plotly.v1+json"]
            if not isinstance(fig, dict) or not fig.get("data"):
                sys.exit("%s: %s figure %d: Plotly JSON is not a figure object with data" % (runner, name, figs))
            png = d.get("image/png")
            png = "".join(png) if isinstance(png, list) else png
            if not png or not base64.b64decode(png).startswith(b"\x89PNG"):
                sys.exit("%s: %s figure %d: no PNG next to the Plotly JSON" % (runner, name, figs))
            for ext in ("png", "html"):
                f = os.path.join(out, "figures", "%s-fig%d.%s" % (name, figs, ext))
                if not os.path.getsize(f):
                    sys.exit("%s: %s is empty" % (runner, f))
expected = {"00-tour": 6, "08-f8-baselines": 6}
if figs < expected.get(name, 1):
    sys.exit("%s: %s produced %d figures" % (runner, name, figs))
PY
  done
  for n in 03-f3-error-map-grid 08-f8-baselines 09-f9-memory 10-t1-hamiltonian-error 11-gradients 12-energy-drift; do
    ls "$out/tables/$n-table1.csv" "$out/tables/$n-table1.md" >/dev/null || fail "$runner: tables of $n missing"
  done
  grep -q 'on Spark local\[2\]: 4 of 4 runs bitwise equal to in-process' "$out/notebooks/13-sweeps.ipynb" \
    || fail "$runner: 13-sweeps did not show the Spark local[2] sweep equal to the in-process one"
  ls "$out"/provenance/*.json >/dev/null 2>&1 || fail "$runner: no provenance JSON"
  grep -q "T1 goal" "$out/SUMMARY.md" || fail "$runner: the T1 outcome is not in SUMMARY.md"
  [[ -z "$(find "$out" -name '*.tmp*' -print -quit)" ]] || fail "$runner: temporary files left in $out"
}

for runner in "${runners[@]}"; do
  echo "notebooks.sh: ./hamlab reproduce --scale quick --runner $runner" >&2
  start=$SECONDS
  "$ROOT/hamlab" reproduce --scale quick --runner "$runner" --out "$tmp/$runner" || fail "reproduce ($runner) failed"
  check "$tmp/$runner" "$runner"
  echo "notebooks.sh: $runner OK in $((SECONDS - start)) s" >&2
done

# a failing cell stops the run, names the notebook and the cell, and exits non-zero
mkdir -p "$tmp/bad/notebooks"
cat > "$tmp/bad/notebooks/01-bad.ipynb" <<'NB'
{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["var x = 1;"]},
           {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["system(\"no-such-system\")"]}],
 "metadata": {"kernelspec": {"name": "hamlab", "display_name": "Java (hamlab)", "language": "java"}},
 "nbformat": 4, "nbformat_minor": 5}
NB
cp="$ROOT/kernel/target/classes:$(cat "$ROOT/kernel/target/classpath.txt")"
if "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -Djava.awt.headless=true -cp "$cp" org.hamlab.kernel.reproduce.Reproduce \
    --notebooks "$tmp/bad/notebooks" --out "$tmp/bad/out" --scale quick --runner inprocess 2> "$tmp/bad/err"; then
  fail "a failing cell did not make reproduce exit non-zero"
fi
grep -q "notebook 01-bad, code cell 2" "$tmp/bad/err" || fail "the failure does not name the notebook and cell: $(cat "$tmp/bad/err")"
[[ -z "$(find "$tmp/bad/out" -name '*.tmp*' -print -quit)" ]] || fail "temporary files left after a failure"
echo "notebooks.sh: all OK" >&2
