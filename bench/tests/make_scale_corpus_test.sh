#!/usr/bin/env bash
# Tests bench/make-scale-corpus on a small synthetic source in a temp dir (a few seconds). Ends with the line
# 'N passed, N failed'.
#
#   bash bench/tests/make_scale_corpus_test.sh
set -uo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
make="$bench/make-scale-corpus"
# shellcheck source=bench/tests/lib.sh
source "$bench/tests/lib.sh"
work_dir scale-corpus-test
differ() { ! cmp -s "$1" "$2"; }

# 300 reviews of 20-120 words, with quotes and commas to exercise the CSV quoting; gzip like the shared data.
source="$work/source.csv.gz"
/usr/bin/python3 - "$source" <<'EOF'
import csv, gzip, random, sys
rng = random.Random(11)
vocab = 'the a film "great" bad, plot actor it was and of to scene story <br /> twist ending'.split(" ")
with gzip.open(sys.argv[1], "wt", encoding="utf-8", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for i in range(300):
        w.writerow([str(1 + i % 2), " ".join(rng.choice(vocab) for _ in range(rng.randint(20, 120)))])
EOF

echo "# makeScaleCorpus_sameSeed_byteIdentical"
"$make" 4 "$work/a.csv" --seed 5 --source "$source" 2> "$work/a.err"; status=$?
check "exit status 0" test "$status" -eq 0
"$make" 4 "$work/b.csv" --seed 5 --source "$source" 2> /dev/null
check "same seed, same bytes" cmp -s "$work/a.csv" "$work/b.csv"
"$make" 4 "$work/a.csv.gz" --seed 5 --source "$source" 2> /dev/null
"$make" 4 "$work/b.csv.gz" --seed 5 --source "$source" 2> /dev/null
check "same seed, same gzip bytes" cmp -s "$work/a.csv.gz" "$work/b.csv.gz"
check "gzip holds the same records" cmp -s <(gzip -dc "$work/a.csv.gz") "$work/a.csv"
"$make" 4 "$work/c.csv" --seed 6 --source "$source" 2> /dev/null
check "another seed, other bytes" differ "$work/a.csv" "$work/c.csv"
check "no .part file left" test ! -e "$work/a.csv.part"
check "reports the count" contains "$work/a.err" "4 x 300 = 1,200 documents"

echo "# makeScaleCorpus_fourCopies_perturbedShuffledZhangFormat"
/usr/bin/python3 - "$source" "$work/a.csv" > "$work/stats.txt" <<'EOF'
import collections, csv, gzip, sys
def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
source, out = rows(sys.argv[1]), rows(sys.argv[2])
texts = [" ".join(r[1].split()) for r in source]
raw = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
print("records", len(out))
print("physical_lines", len(raw))
print("all_quoted", all(l.startswith('"') and l.endswith('"') for l in raw))
print("fields", sorted({len(r) for r in out}))
originals = collections.Counter(texts)
print("originals_kept", sum(1 for r in out if r[1] in originals) >= len(texts))
print("distinct", len({(r[0], r[1]) for r in out}))
print("label_balance", sorted(collections.Counter(r[0] for r in out).items()))
# Each output text is within a few edits of its source: compare word multisets.
close = 0
for r in out:
    words = collections.Counter(r[1].split())
    best = min(sum(((words - collections.Counter(t.split())) + (collections.Counter(t.split()) - words)).values())
               for t in texts if abs(len(t.split()) - len(r[1].split())) <= 5)
    close += best <= 6
print("close_to_source", close)
print("first_ten_in_source_order", [r[1] for r in out[:10]] == texts[:10])
EOF
check "1,200 records" contains "$work/stats.txt" "records 1200"
check "one record per physical line" contains "$work/stats.txt" "physical_lines 1200"
check "every line starts and ends with a quote" contains "$work/stats.txt" "all_quoted True"
check "two fields per record" contains "$work/stats.txt" "fields [2]"
check "copy 0 keeps every source review" contains "$work/stats.txt" "originals_kept True"
check "no exact duplicates among synthetic copies" awk '$1 == "distinct" { exit !($2 >= 1190) }' "$work/stats.txt"
check "labels keep the source's balance" contains "$work/stats.txt" "label_balance [('1', 600), ('2', 600)]"
check "every document within 6 word edits of a source review" contains "$work/stats.txt" "close_to_source 1200"
check "order is shuffled" contains "$work/stats.txt" "first_ten_in_source_order False"

echo "# makeScaleCorpus_badInput_errors"
"$make" 0 "$work/z.csv" --source "$source" > /dev/null 2> "$work/zero.err"; status=$?
check "N=0 exits 2" test "$status" -eq 2
check "N=0 message" contains "$work/zero.err" "N must be at least 1, found 0"
printf '"x","no label"\n' > "$work/bad.csv"
"$make" 1 "$work/z.csv" --source "$work/bad.csv" > /dev/null 2> "$work/bad.err"; status=$?
check "bad class id exits non-zero" test "$status" -ne 0
check "bad class id message has FILE:LINE" contains "$work/bad.err" "$work/bad.csv:1: bad record"
"$make" 1 "$work/z.csv" --source "$work/nowhere.csv" > /dev/null 2> "$work/missing.err"; status=$?
check "missing source exits non-zero" test "$status" -ne 0
check "missing source message" contains "$work/missing.err" "nowhere.csv not found"

summary
