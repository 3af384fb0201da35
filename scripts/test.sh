#!/usr/bin/env bash
# Run every Sorot test stage, stopping at the first failure (non-zero exit).
#
#   bash scripts/test.sh
#
# Stages:
#   0 setup          scripts/setup.sh --test (installs what is missing, checks versions)
#   1 native tests   cargo test --no-fail-fast (unit + integration tests, native target)
#   2 clippy         cargo clippy --all-targets -- -D warnings (native target)
#   3 browser tests  cargo test --target wasm32-unknown-unknown --test browser -- --nocapture
#                    (wasm-bindgen-test-runner + chromedriver + headless Chromium;
#                    then the throughput test again in the release profile; both
#                    print wasm MB/s with and without the learned tagger;
#                    skipped with a notice only while tests/browser.rs does not exist)
#   4 release build  trunk build --release into dist/, then bundle sizes (scripts/size.sh)
#   5 end-to-end     node --test tests/e2e/ against dist/ (playwright-core + Chromium)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

# Offline machine: no update checks, no colour codes in logs.
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

T0=$(date +%s.%N)
TIMINGS=()
CURRENT=""
PASSED=0
SKIPPED=0

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

header() {
  CURRENT="$1"
  printf '\n==============================================================================\n'
  printf '== %s\n' "$1"
  printf '==============================================================================\n'
}

print_timings() {
  printf '\nStage timings:\n'
  for t in "${TIMINGS[@]}"; do printf '  %s\n' "$t"; done
  printf '  %-42s %7ss\n' "total" "$(elapsed "$T0")"
}

on_exit() {
  local rc=$?
  if (( rc != 0 )); then
    [[ -n "$CURRENT" ]] && TIMINGS+=("$(printf '%-42s %7ss  FAILED' "$CURRENT" "$(elapsed "$STAGE_T0")")")
    print_timings
    printf '\nSUMMARY: FAILED in stage "%s" (exit %d); %d stage(s) passed before it.\n' "$CURRENT" "$rc" "$PASSED"
  fi
}
trap on_exit EXIT

# stage NAME COMMAND...: run, time, record; any failure ends the script (set -e).
stage() {
  local name="$1"; shift
  header "$name"
  STAGE_T0=$(date +%s.%N)
  "$@"
  TIMINGS+=("$(printf '%-42s %7ss  ok' "$name" "$(elapsed "$STAGE_T0")")")
  PASSED=$((PASSED + 1))
  CURRENT=""
}

skip() {
  local name="$1" why="$2"
  header "$name"
  printf 'SKIPPED: %s\n' "$why"
  TIMINGS+=("$(printf '%-42s %7s   skipped (%s)' "$name" "-" "$why")")
  SKIPPED=$((SKIPPED + 1))
  CURRENT=""
}

# --- 0: set-up (sourced: exports PATH with node_modules/.bin and ~/.cargo/bin) ---
header "0/5 setup (scripts/setup.sh --test)"
STAGE_T0=$(date +%s.%N)
source scripts/setup.sh --test
TIMINGS+=("$(printf '%-42s %7ss  ok' "0/5 setup" "$(elapsed "$STAGE_T0")")")
PASSED=$((PASSED + 1))
CURRENT=""

# --- 1: native tests ---
stage "1/5 native tests (cargo test)" cargo test --no-fail-fast

# --- 1b: exports read by the real tools (seqeval on CoNLL, spaCy on its JSON) ---
tool_checks() {
  local dir="$ROOT/target/tool-inputs"
  rm -rf "$dir"
  SOROT_TOOL_DIR="$dir" cargo test --test formats exports_for_external_tools
  "$ROOT/.tools/py/bin/python" tests/formats_tools.py "$dir"
}
stage "1b/5 exports read by real tools (seqeval, spaCy)" tool_checks

# --- 2: clippy, native target ---
if cargo clippy --version >/dev/null 2>&1; then
  stage "2/5 clippy (native, -D warnings)" cargo clippy --all-targets -- -D warnings
else
  skip "2/5 clippy (native, -D warnings)" "cargo clippy is not installed and rustup could not add it"
fi

# --- 3: wasm tests in headless Chromium ---
browser_tests() {
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --test browser -- --nocapture
  # The throughput test prints MB/s with and without the learned tagger
  # (console_log!, shown by --nocapture); again as the app ships the
  # analysis worker (the release profile: opt-level 3, LTO), since the test
  # profile's numbers are not.
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --release --target wasm32-unknown-unknown --test browser -- --nocapture throughput
}
if [[ -f tests/browser.rs ]]; then
  stage "3/5 browser tests (wasm, Chromium)" browser_tests
else
  skip "3/5 browser tests (wasm, Chromium)" "tests/browser.rs does not exist yet"
fi

# --- 4: release build + sizes ---
release_build() {
  trunk build --release
  echo
  echo "Bundle sizes (dist/):"
  bash scripts/size.sh dist
}
stage "4/5 release build (trunk --release)" release_build

# --- 5: end-to-end against dist/ ---
stage "5/5 end-to-end (node --test tests/e2e/)" node --test tests/e2e/

trap - EXIT
print_timings
printf '\nSUMMARY: all stages passed (%d passed, %d skipped) in %ss.\n' "$PASSED" "$SKIPPED" "$(elapsed "$T0")"
