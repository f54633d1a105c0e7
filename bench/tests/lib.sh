# The bench scripts' tests share this: sourced after `set -uo pipefail`, it gives each test script a temp dir
# ($work, deleted at exit), the assertions and the closing summary.
#   work_dir PREFIX          makes $work
#   check NAME COMMAND...    one assertion: passes when COMMAND succeeds
#   contains FILE TEXT       whether FILE holds TEXT
#   summary                  prints 'N passed, N failed' and returns non-zero if any failed
passed=0
failed=0

work_dir() {
  work="$(mktemp -d -t "$1.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
}

check() {
  local name="$1"; shift
  if "$@" > /dev/null; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; fi
}

contains() { grep -qF -- "$2" "$1"; }

summary() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
