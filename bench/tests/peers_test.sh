#!/usr/bin/env bash
# Tests bench/peers and its helpers on small synthetic corpora in a temp dir (about a minute: fastText allocates
# its 2M-bucket bigram table even for tiny data). The textclf under test is a fake launcher (TEXTCLF_BIN) that
# follows the CLI's contract, because the point here is the harness: timing, parsing, ratios, failures, --save.
# Needs fasttext, jq, python3-sklearn and a JDK, as bench/peers does; the Java peers run for real, on the tiny
# corpora (their jar is built first if missing). Ends with the line 'N passed, N failed'.
#
#   bash bench/tests/peers_test.sh
set -uo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="$bench/peers"
# shellcheck source=bench/tests/lib.sh
source "$bench/tests/lib.sh"
work_dir peers-test
row() { grep -F "| $1 | $2 |" "$3"; }                   # the table row of DATASET TOOL in FILE
cell() { row "$1" "$2" "$3" | awk -F'|' -v c="$4" '{ gsub(/ /, "", $(c + 1)); print $(c + 1) }'; }
not_contains() { ! grep -qF -- "$2" "$1"; }

# Synthetic corpora in the shared data's layout: class 1 reviews use negative words, class 2 positive ones,
# both mixed with common filler, so a bag-of-words model separates them and a broken pipeline does not.
data="$work/data"
/usr/bin/python3 - "$data" <<'EOF'
import csv, gzip, os, random, sys
root = sys.argv[1]
rng = random.Random(7)
neg = "awful boring dull terrible waste bad worst mess".split()
pos = "great superb moving brilliant fine best lovely gem".split()
filler = "the a film movie plot actor it was and of to scene story".split()
def rows(n, fields):
    out = []
    for i in range(n):
        label = 1 + i % 2
        words = rng.sample(filler, 6) + rng.sample(neg if label == 1 else pos, 2)
        rng.shuffle(words)
        text = " ".join(words)
        out.append([str(label), "Title\nline two", text] if fields == 3 else [str(label), text])
    return out
def write(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    f = gzip.open(path, "wt", encoding="utf-8", newline="") if path.endswith(".gz") else \
        open(path, "w", encoding="utf-8", newline="")
    with f:
        csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(records)
write(f"{root}/imdb/train.csv.gz", rows(400, 2))
write(f"{root}/imdb/test.csv.gz", rows(200, 2))
write(f"{root}/ag_news/train_sample_12000.csv", rows(400, 3))
write(f"{root}/ag_news/test.csv", rows(200, 3))
write(f"{root}/sst2/train.csv.gz", rows(400, 2))
write(f"{root}/sst2/dev.csv", rows(150, 2))  # 150 rows: tells the dev split from a 200-row test split
write(f"{root}/sst2/test.csv", rows(200, 2))
EOF

# A launcher that keeps the CLI's contract: logs on stderr, one JSON object last on stdout, the model at -o.
fake="$work/textclf"
cat > "$fake" <<'EOF'
#!/usr/bin/env bash
if [ "$1 ${2:-}" = "train --help" ]; then echo "Usage: textclf train [OPTIONS] DATASET"; exit 0; fi
[ -d "$TEXTCLF_DATA/$2" ] || { echo "no dataset $2 under $TEXTCLF_DATA" >&2; exit 1; }
echo "$*" >> "${FAKE_CALLS:-/dev/null}"
echo "epoch 1/3 ..." >&2
sleep 2
[ "$4" = "-o" ] && echo model > "$5"
echo "progress line that is not JSON"
echo '{"test_accuracy": 0.5, "test_loss": 0.69, "best_epoch": 2, "seconds": 2.0}'
EOF
no_train="$work/textclf-no-train"
printf '#!/usr/bin/env bash\necho "Usage: textclf [-hV]"\n' > "$no_train"
no_json="$work/textclf-no-json"
sed 's/^echo .{"test_accuracy.*$/echo "done"/' "$fake" > "$no_json"
chmod +x "$fake" "$no_train" "$no_json"

echo "# peers_main_allToolsAllDatasetsSave_tableWithRatiosAndReadme"
# Every tool on every dataset with --save: the one kind of run that rewrites the README's peers table.
out="$work/all.md"
readme="$work/README.md"
printf '%s\n' '# A README' '' 'before' '<!-- peers-table:start (bench/peers --save) -->' 'old table' \
  '<!-- peers-table:end -->' 'between' '<!-- peers-accuracy:start -->' 'old summary' '<!-- peers-accuracy:end -->' \
  'after' > "$readme"
FAKE_CALLS="$work/calls" TEXTCLF_DATA="$data" TEXTCLF_BIN="$fake" PEERS_RESULTS_DIR="$work/all-results" \
  PEERS_README="$readme" "$peers" --save > "$out" 2> "$work/all.err"
status=$?
check "exit status 0 when every run succeeds" test "$status" -eq 0
for tool in textclf textclf-linear fasttext fasttext-best sklearn-logreg sklearn-mlp opennlp tribuo; do
  check "row for $tool" row imdb "$tool" "$out"
done
check "opennlp-gis runs only when named" not_contains "$out" "| opennlp-gis |"
check "textclf-linear trains with --model linear" grep -q -- '^train imdb --json -o .* --model linear$' "$work/calls"
check "textclf trains with the defaults" grep -qx -- 'train imdb --json -o [^ ]*' "$work/calls"
check "textclf-linear ratio is textclf wall / its wall" awk -v t="$(cell imdb textclf "$out" 3)" \
  -v p="$(cell imdb textclf-linear "$out" 3)" -v r="$(cell imdb textclf-linear "$out" 6)" \
  'BEGIN { exit !(p > 0 && r == sprintf("%.2f", t / p)) }'
check "textclf accuracy is the JSON's test_accuracy" test "$(cell imdb textclf "$out" 5)" = "0.5000"
check "textclf wall time covers its 2 s sleep" awk -v w="$(cell imdb textclf "$out" 3)" 'BEGIN { exit !(w >= 2) }'
for tool in textclf fasttext sklearn-logreg sklearn-mlp opennlp tribuo; do
  check "$tool peak RSS is a positive number" awk -v r="$(cell imdb "$tool" "$out" 4)" 'BEGIN { exit !(r > 0) }'
done
for tool in sklearn-logreg sklearn-mlp opennlp tribuo; do
  for d in imdb ag_news sst2; do
    check "$tool learns the separable $d corpus (accuracy >= 0.9)" \
      awk -v a="$(cell "$d" "$tool" "$out" 5)" 'BEGIN { exit !(a >= 0.9) }'
  done
done
check "fasttext accuracy is in [0, 1]" awk -v a="$(cell imdb fasttext "$out" 5)" 'BEGIN { exit !(a >= 0 && a <= 1) }'
check "fasttext-best accuracy is in [0, 1]" awk -v a="$(cell imdb fasttext-best "$out" 5)" \
  'BEGIN { exit !(a >= 0 && a <= 1) }'
for tool in fasttext fasttext-best sklearn-logreg sklearn-mlp opennlp tribuo; do
  check "$tool ratio is textclf wall / $tool wall" awk -v t="$(cell imdb textclf "$out" 3)" \
    -v p="$(cell imdb "$tool" "$out" 3)" -v r="$(cell imdb "$tool" "$out" 6)" \
    'BEGIN { exit !(p > 0 && r == sprintf("%.2f", t / p)) }'
  check "$tool RSS ratio is textclf RSS / $tool RSS" awk -v t="$(cell imdb textclf "$out" 4)" \
    -v p="$(cell imdb "$tool" "$out" 4)" -v r="$(cell imdb "$tool" "$out" 7)" \
    'BEGIN { exit !(p > 0 && r == sprintf("%.2f", t / p)) }'
done
check "the Java peers' stage times are logged" grep -q '"train_seconds": ' "$work/all.err"
check "the Java peers evaluate on the 150-row dev split of sst2" grep -q '"test_examples": 150, "classes": 2' \
  "$work/all.err"
check "the README keeps what surrounds its tables" test "$(grep -v '^[|M]' "$readme" | grep -v '^$' | tr '\n' '|')" = \
  "# A README|before|<!-- peers-table:start (bench/peers --save) -->|<!-- peers-table:end -->|between|\
<!-- peers-accuracy:start -->|From the same run ($(date +%F)): textclf's defaults against the most accurate peer of each\
 dataset.|<!-- peers-accuracy:end -->|after|"
check "the README's old tables are gone" not_contains "$readme" "old"
check "the accuracy summary has a row per dataset" test "$(grep -c '^| [IAS].* | [+-][0-9]*\.[0-9][0-9] | ' "$readme")" -eq 3
check "the README's table has a row per dataset and tool" test "$(grep -c '^| [IAS].* | [0-9.–]* | [0-9.–]* |$' \
  "$readme")" -eq 24
check "the README names the tools" contains "$readme" "| IMDB | Tribuo, bigram tf-idf + LibLinear logistic regression |"
check "the README links the saved results" contains "$readme" "](all-results/peers-$(date +%F).md)"
check "the README's ratio is the saved table's" contains "$readme" \
  "| $(cell imdb tribuo "$out" 3) | $(cell imdb tribuo "$out" 4) | "
check "the README bolds each dataset's best accuracy" test "$(grep -c '| \*\*[01]\.[0-9]*\*\* |' "$readme")" -ge 3

echo "# peers_save_agNewsThreeFields_writesSameTable"
out="$work/save.md"
TEXTCLF_DATA="$data" TEXTCLF_BIN="$fake" PEERS_RESULTS_DIR="$work/results" \
  "$peers" --save --tools textclf,sklearn-logreg ag_news > "$out" 2> "$work/save.err"
status=$?
check "exit status 0" test "$status" -eq 0
saved="$work/results/peers-$(date +%F).md"
check "--save writes results/peers-DATE.md" test -f "$saved"
check "saved file equals the printed table" cmp -s "$out" "$saved"
check "only the selected tools run" test "$(grep -c '^| ag_news |' "$out")" -eq 2
check "a run of some tools leaves the README alone" contains "$work/save.err" "README not updated: its table is one run"

echo "# peers_sst2_trainOnTrainEvaluateOnDev"
out="$work/sst2.md"
TEXTCLF_DATA="$data" TEXTCLF_BIN="$fake" PEERS_RESULTS_DIR="$work/no-save" "$peers" --tools textclf,sklearn-logreg sst2 \
  > "$out" 2> "$work/sst2.err"
status=$?
check "exit status 0" test "$status" -eq 0
check "textclf row for sst2" row sst2 textclf "$out"
check "sklearn-logreg row for sst2" row sst2 sklearn-logreg "$out"
check "peers evaluate on the 150-row dev split" contains "$work/sst2.err" '"test_examples": 150'
check "and train on the 400-row train split" contains "$work/sst2.err" '"train_examples": 400'
check "no --save, no results file" test ! -e "$work/no-save"

echo "# peers_textclf_noTrainCommand_failsClearlyAndRunsPeers"
out="$work/no-train.md"
TEXTCLF_DATA="$data" TEXTCLF_BIN="$no_train" "$peers" --tools textclf,sklearn-logreg imdb > "$out" 2> "$work/no-train.err"
status=$?
check "exit status 1" test "$status" -eq 1
check "message names the missing train command" contains "$out" "the CLI has no 'train' command yet"
check "textclf row marked failed" test "$(cell imdb textclf "$out" 5)" = "failed"
check "peer still measured, its ratio n/a" test "$(cell imdb sklearn-logreg "$out" 6)" = "n/a"

echo "# peers_textclf_noJson_fails"
out="$work/no-json.md"
TEXTCLF_DATA="$data" TEXTCLF_BIN="$no_json" "$peers" --tools textclf imdb > "$out" 2> /dev/null
status=$?
check "exit status 1" test "$status" -eq 1
check "message says no JSON object" contains "$out" "printed no JSON object with test_accuracy"

echo "# peers_data_missing_failsWithHint"
out="$work/missing.md"
TEXTCLF_DATA="$work/nowhere" TEXTCLF_BIN="$fake" "$peers" --tools textclf imdb > "$out" 2> /dev/null
status=$?
check "exit status 1" test "$status" -eq 1
check "message says to set TEXTCLF_DATA" contains "$out" "set TEXTCLF_DATA"

echo "# peers_javaPeers_badRecord_failWithTheirFileLineMessage"
bad_data="$work/bad-data"
mkdir -p "$bad_data/imdb"
cp "$data/imdb/train.csv.gz" "$bad_data/imdb/"
printf '"1","fine"\n"2","a","b"\n' | gzip > "$bad_data/imdb/test.csv.gz"
out="$work/bad-data.md"
TEXTCLF_DATA="$bad_data" "$peers" --tools opennlp,tribuo imdb > "$out" 2> "$work/bad-data.err"
status=$?
check "exit status 1" test "$status" -eq 1
check "opennlp row marked failed" test "$(cell imdb opennlp "$out" 5)" = "failed"
check "tribuo row marked failed" test "$(cell imdb tribuo "$out" 5)" = "failed"
check "the failure quotes the peer's FILE:LINE line" contains "$out" \
  "exited non-zero: OpenNlpPeer: $bad_data/imdb/test.csv.gz:2: wrong number of fields"
check "no stack trace" not_contains "$work/bad-data.err" "at org."

echo "# peers_javaPeers_noJson_fails"
fake_java="$work/java-no-json"
printf '#!/usr/bin/env bash\necho "training..."\necho done\n' > "$fake_java"
chmod +x "$fake_java"
out="$work/java-no-json.md"
TEXTCLF_DATA="$data" PEERS_JAVA="$fake_java" "$peers" --tools tribuo imdb > "$out" 2> /dev/null
status=$?
check "exit status 1" test "$status" -eq 1
check "message says no JSON line" contains "$out" "TribuoPeer printed no JSON line with test_accuracy"

echo "# peers_openNlpGis_heapOption_reachesTheJvm"
out="$work/java-opts.md"
TEXTCLF_DATA="$data" PEERS_JAVA_OPTS="-Xmx64m -XX:+PrintFlagsFinal" "$peers" --tools opennlp-gis imdb > "$out" \
  2> "$work/java-opts.err"
status=$?
check "exit status 0" test "$status" -eq 0
check "opennlp-gis, named, learns the separable corpus" awk -v a="$(cell imdb opennlp-gis "$out" 5)" \
  'BEGIN { exit !(a >= 0.9) }'
check "and trains by GIS" contains "$work/java-opts.err" '"settings": "OpenNLP DocumentCategorizerME MAXENT,'
check "the command line shows the options" contains "$work/java-opts.err" "-Xmx64m -XX:+PrintFlagsFinal -cp"
check "the table's header names them" contains "$out" "-Xmx64m -XX:+PrintFlagsFinal)"

echo "# peersReadme_resultsWithoutEveryTool_refusesAndKeepsReadme"
cp "$readme" "$work/README.before"
grep -v '| tribuo |' "$work/all-results/peers-$(date +%F).md" > "$work/partial.md"
/usr/bin/python3 "$bench/peers_readme.py" "$work/partial.md" "$readme" 2> "$work/partial.err"; status=$?
check "exits 1" test "$status" -eq 1
check "names the missing rows" contains "$work/partial.err" \
  "peers_readme: $work/partial.md: no row for imdb / tribuo, ag_news / tribuo, sst2 / tribuo; the README's tables"
check "leaves the README as it was" cmp -s "$work/README.before" "$readme"
printf 'no markers\n' > "$work/README.plain"
/usr/bin/python3 "$bench/peers_readme.py" "$work/all-results/peers-$(date +%F).md" "$work/README.plain" \
  2> "$work/plain.err"; status=$?
check "a README without markers: exits 1" test "$status" -eq 1
check "and says which marker is missing" contains "$work/plain.err" "no '<!-- peers-table:start ...' line"

echo "# peers_arguments_unknown_usageError"
"$peers" nosuchset > /dev/null 2> "$work/usage.err"; status=$?
check "unknown dataset exits 2" test "$status" -eq 2
check "unknown dataset message lists the datasets" contains "$work/usage.err" "expected one of: imdb ag_news sst2"
"$peers" --tools fasttext,nosuchtool imdb > /dev/null 2>&1; status=$?
check "unknown tool exits 2" test "$status" -eq 2

echo "# csvToFasttext_multiFieldMultiLine_oneLabelledLine"
/usr/bin/python3 "$bench/fasttext/csv_to_fasttext.py" "$data/ag_news/test.csv" "$work/ag.txt" 2> /dev/null
check "one line per record" test "$(wc -l < "$work/ag.txt")" -eq 200
check "label prefix, fields joined, lowercased, newline removed" \
  test "$(head -n 1 "$work/ag.txt" | cut -d' ' -f1-4)" = "__label__1 title line two"
printf '"2","Great movie.<br /><br />It\x27s ""fine"", (really)!","Title: a; b?"\n' > "$work/punct.csv"
/usr/bin/python3 "$bench/fasttext/csv_to_fasttext.py" "$work/punct.csv" "$work/punct.txt" 2> /dev/null
check "fastText's normalize_text: lowercase, punctuation split off, <br /> ; : and quotes dropped" \
  test "$(cat "$work/punct.txt")" = "__label__2 great movie . it ' s fine , ( really ) ! title a b ?"
printf '"x","no label"\n' > "$work/bad.csv"
/usr/bin/python3 "$bench/fasttext/csv_to_fasttext.py" "$work/bad.csv" "$work/bad.txt" 2> "$work/bad.err"; status=$?
check "bad class id exits non-zero" test "$status" -ne 0
check "bad class id message has FILE:LINE" contains "$work/bad.err" "$work/bad.csv:1: bad record"

echo "# guidePipeline_badClassId_fileLineMessage"
/usr/bin/python3 "$bench/sklearn/guide_pipeline.py" --model logreg "$work/bad.csv" "$work/bad.csv" 2> "$work/gp.err"
status=$?
check "exits non-zero" test "$status" -ne 0
check "message has FILE:LINE and the bad value" contains "$work/gp.err" "$work/bad.csv:1: class id is not an integer"

summary
