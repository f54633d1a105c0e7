#!/usr/bin/env bash
# Tests bench/serve on a small synthetic AG News in a temp dir, with a fake textclf launcher (TEXTCLF_BIN) whose
# `train` is the real one and whose `serve` is a Python HTTP server that keeps serve's contract (the ready line,
# POST /v1/models/NAME:predict, one prediction per instance) and can answer 503 to every Nth request: the harness
# is what is tested here (the wrk script's counting, parsing, the report, the ratios, the soak, --save, failures).
# Needs wrk, java and the built jars (mvn -o -q -B -DskipTests package). About a minute.
# Ends with the line 'N passed, N failed'. KEEP=1 keeps the temp dir (its path is printed first) to look at.
#
#   bash bench/tests/serve_test.sh
set -uo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
serve="$bench/serve"
# shellcheck source=bench/tests/lib.sh
source "$bench/tests/lib.sh"
work_dir serve-test; [ -n "${KEEP:-}" ] && trap - EXIT && echo "work: $work"
cell() { grep -E "^\| $1 \| $2 \| $3 \|" "$4" | awk -F'|' -v c="$5" '{ gsub(/ /, "", $(c + 1)); print $(c + 1) }'; }

data="$work/data"
mkdir -p "$data/ag_news"
/usr/bin/python3 - "$data/ag_news" <<'EOF'
import csv, random, sys
rng = random.Random(3)
words = {1: "election minister war treaty", 2: "match goal season coach", 3: "shares profit market bank",
         4: "software chip internet space"}
filler = "the a new on in of and said to week".split()
for name, n in (("train_sample_12000", 400), ("test", 200)):
    with open(f"{sys.argv[1]}/{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for i in range(n):
            label = 1 + i % 4
            text = rng.sample(filler, 5) + rng.sample(words[label].split(), 2) + ['"quoted"', "back\\slash"]
            rng.shuffle(text)
            w.writerow([str(label), "Title", " ".join(text)])
EOF

cat > "$work/fake_serve.py" <<'EOF'
import http.server, json, os, re, sys
names = [a.split("=", 1)[0] for a in sys.argv[1:] if "=" in a]
every = int(os.environ.get("FAKE_503_EVERY", "0"))
count = 0
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body go in two segments and each answer waits 40 ms
    def do_POST(self):
        global count
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        m = re.fullmatch(r"/v1/models/([^:]+):predict", self.path)
        count += 1
        if m is None or m.group(1) not in names:
            status, out = 404, {"error": "unknown model"}
        elif every and count % every == 0:
            status, out = 503, {"error": "overloaded"}
        else:
            status, out = 200, {"predictions": [{"label": "World", "probabilities": {"World": 1.0}}
                                                for _ in body["instances"]]}
        data = json.dumps(out).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"textclf: serving {', '.join(names)} on http://127.0.0.1:{server.server_port}", file=sys.stderr, flush=True)
server.serve_forever()
EOF
launcher="$work/textclf"
cat > "$launcher" <<EOF
#!/usr/bin/env bash
if [ "\$1" = serve ]; then shift; [ -n "\${FAKE_SERVE_FAILS:-}" ] && { echo "textclf: \$FAKE_SERVE_FAILS" >&2; exit 1; }
  exec /usr/bin/python3 "$work/fake_serve.py" "\$@"; fi
exec "$bench/../bin/textclf" "\$@"
EOF
chmod +x "$launcher"

run() {  # run NAME ENV... -- ARGS...: bench/serve with TEXTCLF_BIN=the fake launcher; output in $work/NAME.{out,err,rc}
  local name="$1"; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  env TEXTCLF_DATA="$data" TEXTCLF_BIN="$launcher" SERVE_RESULTS_DIR="$work/results" SERVE_SECONDS=1 \
    ${envs[@]+"${envs[@]}"} "$serve" "$@" > "$work/$name.out" 2> "$work/$name.err"
  echo $? > "$work/$name.rc"
}
rc() { cat "$work/$1.rc"; }

# The Java programs bench/serve runs: bad input is one line, exit 1 (a file) or 2 (the command line).
jar="$bench/../textclf-bench/target/benchmarks.jar"
head -n 3 "$data/ag_news/test.csv" > "$work/three.csv"
java -cp "$jar" org.textclf.bench.RequestBodies "$work/three.csv" "$work/b" > /dev/null 2> "$work/few.err"
check "RequestBodies, too few texts: exit 1" test $? = 1
check "RequestBodies, too few texts: one line" test "$(cat "$work/few.err")" = \
  "RequestBodies: $work/three.csv: 3 records; expected at least 64 (one 64-text batch)"
java -cp "$jar" org.textclf.bench.PredictThroughput "$work/none.textclf" "$work/three.csv" > /dev/null 2> "$work/nomodel.err"
check "PredictThroughput, no model: exit 1" test $? = 1
check "PredictThroughput, no model: one line naming it" \
  test "$(wc -l < "$work/nomodel.err")/$(grep -c "^PredictThroughput: $work/none.textclf: " "$work/nomodel.err")" = 1/1
check "PredictThroughput, no model: said once" bash -c "! grep -q 'no such file\$' '$work/nomodel.err'"
java -cp "$jar" org.textclf.bench.PredictThroughput "$work/none.textclf" "$work/three.csv" --seconds 0 > /dev/null \
  2> "$work/badopt.err"
check "PredictThroughput, bad option: exit 2" test $? = 2
check "PredictThroughput, bad option: one line" test "$(cat "$work/badopt.err")" = \
  "PredictThroughput: --seconds expects a positive integer, found '0'"

run usage -- --frobnicate
check "unknown option: exit 2" test "$(rc usage)" = 2
check "unknown option: named" contains "$work/usage.err" "serve: unknown option --frobnicate; expected"
run dataset -- mnist
check "unknown dataset: exit 2 and the choices" test "$(rc dataset)" = 2
check "unknown dataset: the choices" contains "$work/dataset.err" "unknown dataset 'mnist'; expected one of: imdb ag_news sst2"

mkdir -p "$work/nowrk"
for tool in bash java awk sed cat env dirname mktemp rm; do ln -s "$(command -v "$tool")" "$work/nowrk/$tool"; done
run nowrk PATH="$work/nowrk" -- --quick ag_news
check "no wrk: exit 1" test "$(rc nowrk)" = 1
check "no wrk: how to install" contains "$work/nowrk.err" "serve: wrk is not installed; install it with: apt-get install -y wrk"

run ok SERVE_SOAK_SECONDS=4 -- --save --work "$work/w" ag_news
check "run: exit 0" test "$(rc ok)" = 0
check "run: trained the model" test -s "$work/w/ag_news.textclf"
check "run: in-process figures" test "$(grep -cE '^\| ag_news \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \|$' "$work/ok.out")" = 1
for body in single batch64; do
  for c in 1 8 32 64; do
    check "run: $body c=$c measured, no error" test "$(cell ag_news "$body" "$c" "$work/ok.out" 8)/$(cell ag_news "$body" \
      "$c" "$work/ok.out" 9)" = 0/0
  done
done
check "run: batch texts/s = 64 x requests/s" test "$(grep -E '^\| ag_news \| batch64 \| 8 \|' "$work/ok.out" |
  awk -F'|' '{ d = $6 - 64 * $5; print (d < 64 && d > -64) ? "yes" : "no" }')" = yes
check "run: a target row" contains "$work/ok.out" "| ag_news | "
check "run: soak without errors" grep -qE '^Soak: .*, 4 s: [0-9]+ requests/s, .* 0 non-2xx, 0 socket errors \(met: none\)\.$' "$work/ok.out"
check "run: soak RSS sampled" grep -qE '^Server RSS, [3-9] samples: peak of the first [0-9] s [0-9]+ MB' "$work/ok.out"
check "run: --save" cmp -s "$work/ok.out" "$work/results/serve-$(date +%F).md"
server_pid="$(sed -n 's/^serve: server pid \([0-9]*\) at .*/\1/p' "$work/ok.err")"
check "run: the server was stopped" test -n "$server_pid" -a ! -e "/proc/${server_pid:-0}"

run reuse SERVE_SOAK_SECONDS=0 -- --quick --work "$work/w" ag_news
check "rerun: reuses the model" contains "$work/reuse.err" "ag_news: reusing $work/w/ag_news.textclf (delete it to retrain)"
check "quick, no soak: no soak line" bash -c "! grep -q '^Soak' '$work/reuse.out'"

run overload FAKE_503_EVERY=5 SERVE_SOAK_SECONDS=3 -- --work "$work/w" ag_news
check "503s: exit 0, the report says" test "$(rc overload)" = 0
check "503s: counted by predict.lua" test "$(cell ag_news single 8 "$work/overload.out" 8)" -gt 0
check "503s: target missed" grep -qE '^\| ag_news \| [0-9]+ \| [0-9.]+ \([0-9.]+\) \| [0-9.]+ \| \*\*missed\*\*' "$work/overload.out"
check "503s: soak missed" grep -qE 'non-2xx, 0 socket errors \(\*\*missed\*\*: expected none\)' "$work/overload.out"
check "503s: the first one shown" contains "$work/overload.err" 'first non-2xx answer: 503 {"error": "overloaded"}'

run nostart FAKE_SERVE_FAILS="model.textclf: not a textclf model" -- --quick --work "$work/w" ag_news
check "server fails to start: exit 1" test "$(rc nostart)" = 1
check "server fails to start: its line shown" contains "$work/nostart.err" "textclf: model.textclf: not a textclf model"
check "server fails to start: what was expected" contains "$work/nostart.err" \
  "serve: the server did not print 'textclf: serving NAMES on http://127.0.0.1:PORT' within 60 s"

summary
