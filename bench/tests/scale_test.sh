#!/usr/bin/env bash
# Tests bench/scale on a small synthetic IMDB in a temp dir, with fake textclf launchers (TEXTCLF_BIN) that keep
# the CLI's contract (the 'n-gram tf-idf: N documents ... in S s' log line, --csv-log, one JSON object on
# stdout): parsing, examples/s, the ratios against the targets, OOM and failures, --save. A few seconds.
# Ends with the line 'N passed, N failed'.
#
#   bash bench/tests/scale_test.sh
set -uo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="$bench/scale"
# shellcheck source=bench/tests/lib.sh
source "$bench/tests/lib.sh"
work_dir scale-test
cell() { grep -E "^\| $1 \|" "$2" | awk -F'|' -v c="$3" '{ gsub(/ /, "", $(c + 1)); print $(c + 1) }'; }

data="$work/data"
mkdir -p "$data/imdb"
/usr/bin/python3 - "$data/imdb" <<'EOF'
import csv, gzip, sys
for name, n in (("train", 200), ("test", 50)):
    with gzip.open(f"{sys.argv[1]}/{name}.csv.gz", "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for i in range(n):
            w.writerow([str(1 + i % 2), f"review {i} was {'bad' if i % 2 == 0 else 'good'} and long enough"])
EOF

# fake_launcher FILE SECONDS-EXPRESSION: a textclf whose epochs take SECONDS-EXPRESSION (awk, of d = documents).
fake_launcher() {
  cat > "$1" <<EOF
#!/usr/bin/env bash
corpus="\$2"; log=""
while [ \$# -gt 0 ]; do [ "\$1" = "--csv-log" ] && log="\$2"; shift; done
docs=\$(( \$(wc -l < "\$corpus") * 4 / 5 ))
echo "n-gram tf-idf: \$(printf "%'d" "\$docs") documents, 2 classes, ... selected 20,000 by ANOVA F (lowest 1.5) in 1.5 s" >&2
{ echo "epoch,loss,accuracy,val_loss,val_accuracy,seconds"
  for e in 1 2 3; do awk -v d="\$docs" -v e="\$e" 'BEGIN { printf "%d,0.5,0.8,0.5,0.8,%.3f\\n", e, $2 }'; done
} > "\$log"
echo '{"test_accuracy": 0.875, "test_loss": 0.3, "best_epoch": 3, "seconds": 2.0}'
EOF
  chmod +x "$1"
}
linear="$work/textclf-linear"; fake_launcher "$linear" 'd / 1000 * (e == 2 ? 1 : e == 1 ? 0.5 : 3)'  # median epoch: constant examples/s
slow="$work/textclf-slow"; fake_launcher "$slow" 'd * d / 1e6'                     # examples/s falls with N
oom="$work/textclf-oom"
printf '#!/usr/bin/env bash\necho "Exception in thread \\"main\\" java.lang.OutOfMemoryError: Java heap space" >&2\nexit 1\n' > "$oom"
chmod +x "$oom"

echo "# scale_linearLauncher_tableAndTargetsMet"
out="$work/linear.md"
TEXTCLF_DATA="$data" TEXTCLF_BENCH_DIR="$work/bench" TEXTCLF_BIN="$linear" SCALE_RESULTS_DIR="$work/results" \
  "$scale" 1 3 > "$out" 2> "$work/linear.err"
status=$?
check "exit status 0" test "$status" -eq 0
check "corpora built in TEXTCLF_BENCH_DIR" test -f "$work/bench/imdb-x3-seed1.csv"
check "3x corpus has 600 records" test "$(wc -l < "$work/bench/imdb-x3-seed1.csv")" -eq 600
check "1x training documents from the log" test "$(cell 1 "$out" 2)" = "160"
check "3x training documents from the log" test "$(cell 3 "$out" 2)" = "480"
check "fit seconds from the log" test "$(cell 3 "$out" 7)" = "1.5"
check "three epochs counted" test "$(cell 3 "$out" 8)" = "3"
check "median epoch seconds (0.24, 0.48, 1.44 -> 0.48)" test "$(cell 3 "$out" 9)" = "0.480"
check "examples/s = documents / median epoch s" test "$(cell 3 "$out" 10)" = "1000"
check "accuracy from the JSON" test "$(cell 3 "$out" 11)" = "0.8750"
check "peak RSS is a positive number" awk -v r="$(cell 3 "$out" 6)" 'BEGIN { exit !(r > 0) }'
check "targets met" contains "$out" "examples/s 1.00x (target 0.85-1.15x: met)"
check "ran with -Xmx256m" contains "$out" "JAVA_OPTS='-Xmx256m'"
check "no --save, no results file" test ! -e "$work/results"

echo "# scale_slowerPerExample_speedTargetMissed"
out="$work/slow.md"
TEXTCLF_DATA="$data" TEXTCLF_BENCH_DIR="$work/bench" TEXTCLF_BIN="$slow" SCALE_RESULTS_DIR="$work/results" \
  "$scale" --save 1 3 > "$out" 2> "$work/slow.err"
status=$?
check "exit status 1" test "$status" -eq 1
check "speed ratio about 1/3 reported as missed" contains "$out" "examples/s 0.34x (target 0.85-1.15x: MISSED)"
check "--save writes results/scale-DATE.md" cmp -s "$out" "$work/results/scale-$(date +%F).md"

echo "# scale_outOfMemory_failure"
out="$work/oom.md"
TEXTCLF_DATA="$data" TEXTCLF_BENCH_DIR="$work/bench" TEXTCLF_BIN="$oom" "$scale" 1 > "$out" 2> /dev/null
status=$?
check "exit status 1" test "$status" -eq 1
check "OOM named in the failures" contains "$out" "1x: OutOfMemoryError under JAVA_OPTS=-Xmx256m"

echo "# scale_arguments_bad_usageError"
"$scale" 0 > /dev/null 2> "$work/usage.err"; status=$?
check "N=0 exits 2" test "$status" -eq 2
check "message says what N should be" contains "$work/usage.err" "bad N '0'; expected a positive number of copies"
TEXTCLF_DATA="$data" TEXTCLF_BENCH_DIR="$bench/../scale-work" "$scale" 1 > /dev/null 2> "$work/inside.err"; status=$?
check "work dir inside the repository exits 2" test "$status" -eq 2
check "and says so" contains "$work/inside.err" "is inside the repository"

summary
