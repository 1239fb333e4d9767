#!/usr/bin/env bash
# Runs each fuzz target for MINUTES (default 10), one after another, on one
# core at low priority, then prints per target: executions, executions per
# second, coverage (cov = edges, ft = features), corpus size and crashes.
# Not part of CI (CI only checks that the targets compile: see .ci/run).
#
#   fuzz/run.sh [MINUTES]                 every target
#   FUZZ_TARGETS="export" fuzz/run.sh 1   some targets
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Each target's corpus, fuzz/corpus/TARGET/ (not committed), starts from the
# repository's own inputs (roles/, examples/, tests/fixtures/) and the
# committed seeds in fuzz/seeds/TARGET/; libFuzzer adds what it finds there.
# A crash, timeout or out-of-memory input is saved in fuzz/artifacts/TARGET/
# and ends that target's run; see fuzz/README.md for what to do with it.
set -euo pipefail
shopt -s nullglob
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
cd "$here"
minutes="${1:-10}"
targets=(${FUZZ_TARGETS:-role_yaml config export diff_pair})

# seed TARGET FILE... — copies files into the corpus under the name of their
# content, as libFuzzer names its own, so seeding twice adds nothing.
seed() {
  local dir="corpus/$1"
  shift
  mkdir -p "$dir"
  local f
  for f in "$@"; do
    cp "$f" "$dir/$(sha1sum <"$f" | cut -c1-40)"
  done
}

mapfile -t fixture_yaml < <(find "$repo/tests/fixtures" -name '*.yaml' ! -name opsroles.yaml | sort)
mapfile -t fixture_configs < <(find "$repo/tests/fixtures" -name opsroles.yaml | sort)
seed role_yaml "$repo"/roles/*.yaml "${fixture_yaml[@]}" seeds/role_yaml/*
seed config "$repo/opsroles.yaml" "${fixture_configs[@]}" seeds/config/*
seed export "$repo"/examples/q[23]*.csv seeds/export/*
# diff_pair: each shipped role alone (compared with itself), each rule
# fixture's bad role file before its good one, and the committed pairs.
pairs="$(mktemp -d)"
trap 'rm -rf "$pairs"' EXIT
for bad in "$repo"/tests/fixtures/rules/*/bad/roles/*.yaml; do
  good="${bad/\/bad\//\/good\/}"
  if [ -f "$good" ]; then
    { cat "$bad"; printf '=====\n'; cat "$good"; } >"$pairs/$(basename "$(dirname "$(dirname "$(dirname "$bad")")")")-$(basename "$bad")"
  fi
done
seed diff_pair "$repo"/roles/*.yaml "$pairs"/* seeds/diff_pair/*

nice -n 10 cargo +nightly fuzz build -s none >&2
mkdir -p logs
results=()
for t in "${targets[@]}"; do
  mkdir -p "artifacts/$t"
  before="$(ls "artifacts/$t" | wc -l)"
  echo "fuzzing $t for $minutes min…" >&2
  # -close_fd_mask=3: the targets' own stdout/stderr (the diff driver's
  # warnings) are dropped; libFuzzer's report still reaches the log.
  nice -n 10 cargo +nightly fuzz run -s none "$t" "corpus/$t" -- \
    -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/dict/$t.dict" -close_fd_mask=3 -print_final_stats=1 >"logs/$t.log" 2>&1 || true
  execs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "logs/$t.log" | grep -oE '[0-9]+$' || echo '?')"
  rate="$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "logs/$t.log" | grep -oE '[0-9]+$' || echo '?')"
  cov="$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "logs/$t.log" | tail -1 || true)"
  crashes=$(($(ls "artifacts/$t" | wc -l) - before))
  results+=("$(printf '%-10s %10s %8s  %-32s %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$crashes")")
  if [ "$crashes" -gt 0 ]; then
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "logs/$t.log" >&2 || true
  fi
done

printf '%-10s %10s %8s  %-32s %s\n' target execs exec/s coverage crashes
printf '%s\n' "${results[@]}"
echo "logs: fuzz/logs/TARGET.log; new artifacts: fuzz/artifacts/TARGET/" >&2
