#!/usr/bin/env bash
# CLI test of `docpipe eval`: runs the command on the tiny gold files in
# data/ (written for this test) and checks the scores worked out below.
# Usage: cli_test.sh DOCPIPE FIXTURE_PLUGIN_DIR DATA_DIR
set -u
docpipe=$1 plugins=$2 data=$3
failures=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
unset DOCPIPE_PLUGIN_PATH

run() {  # run EXPECTED_EXIT ARGS...: runs docpipe eval, checks the exit code
  local want=$1
  shift
  "$docpipe" --plugin-path "$plugins" eval "$@" >"$out" 2>"$err"
  local got=$?
  if [[ $got != "$want" ]]; then
    echo "FAIL: docpipe eval $* exited $got, expected $want"; cat "$out" "$err"; failures=$((failures + 1))
  fi
}
expect() {  # expect REGEX: a line of the last output matches
  if ! grep -Eq -- "$1" "$out" "$err"; then
    echo "FAIL: no line matches /$1/ in:"; cat "$out" "$err"; failures=$((failures + 1))
  fi
}

# Pipeline mode. t1: the fixture's tokens Hello | world. | It's | late. match
# 2 of the 6 gold tokens (Hello, It's) and 1 of the 7 gold words (Hello); its
# two sentences are right. t2 fails in the pipeline: an empty prediction
# (3 gold tokens, 3 words, 1 sentence) and exit code 1.
# tokens P 2/4, R 2/9, F1 .3077; words P 1/4, R 1/10, F1 .1429; sentences 2/2, 2/3, .8.
run 1 "$data/fixture.yaml" "$data/tokens_gold.jsonl" -j1
expect '2 documents, 1 failed in the pipeline'
expect '^ +tokens +50\.00 +22\.22 +30\.77 +2 +4 +9$'
expect '^ +words +25\.00 +10\.00 +14\.29 +1 +4 +10$'
expect '^ +sentences +100\.00 +66\.67 +80\.00 +2 +2 +3$'
expect 'fails on purpose'

# --layers and --json: only sentences are scored.
run 1 "$data/fixture.yaml" "$data/tokens_gold.jsonl" --layers sentences --json
expect '"scores":\{"sentences":\{"precision":1\.0,'
run 2 "$data/fixture.yaml" "$data/tokens_gold.jsonl" --layers places
expect "scores tokens, words, sentences, not 'places'"
run 2 "$data/tokens_gold.jsonl"
expect 'give a pipeline and a gold file'

# Golden rules: r1 splits right; r2 is split after "Dr." too: 1 of 2 passes.
# Spans: r1 2 of 2, r2 only "Yes." -> 3 matched, 5 predicted, 4 gold.
run 0 "$data/fixture.yaml" "$data/sbd_gold.jsonl"
expect '^ +golden_rules +1 +2 +50\.00$'
expect '^ +sentences +60\.00 +75\.00 +66\.67 +3 +5 +4$'
expect 'failed rule: r2 \(title abbreviation\)'
# --limit 1 scores r1 only.
run 0 "$data/fixture.yaml" "$data/sbd_gold.jsonl" --limit 1
expect '^ +golden_rules +1 +1 +100\.00$'

# Prediction mode. Quotes: q1 found with its speaker; q2 is missing from the
# predictions, so the indirect quote is not found.
run 0 --pred "$data/quotes_pred.jsonl" "$data/quotes_gold.jsonl" --json
expect '"missing":1'
expect '"direct\+mixed":\{"precision":1\.0,"recall":1\.0,"f1":1\.0,.*"speaker_accuracy":1\.0,.*"e2e_f1":1\.0\}'
expect '"indirect":\{"precision":0\.0,"recall":0\.0,"f1":0\.0,"matched":0,"predicted":0,"gold":1,'

# Places: Rome right and placed right, "and" wrong, Paris missed.
run 0 --pred "$data/places_pred.jsonl" "$data/places_gold.jsonl"
expect '^ +recognition_exact +50\.00 +50\.00 +50\.00 +1 +2 +2$'
expect '^ +resolution +1 +100\.00 +0\.000 +0\.000 +0\.000$'

# Summary (the prediction has no text: the gold text is used): identical.
run 0 --pred "$data/summary_pred.jsonl" "$data/summary_gold.jsonl"
expect '^ +rouge1 +100\.00 +100\.00 +100\.00$'
expect '^ +rougeLsum +100\.00 +100\.00 +100\.00$'
# The summary gold told as tokens has nothing to score.
run 2 --pred "$data/summary_pred.jsonl" "$data/summary_gold.jsonl" --kind tokens
expect "nothing to score|missing 'text'|tokens"
# Predictions of other documents (no gold id among them) are refused.
other=$(mktemp)
echo '{"id":"other-1","text":"Some text.","summary":[{"begin":0,"end":10,"score":1.0}]}' >"$other"
run 2 --pred "$other" "$data/summary_gold.jsonl"
expect "no predicted document has the id of a gold document"
rm -f "$other"

if ((failures > 0)); then echo "$failures checks failed"; exit 1; fi
echo "all docpipe eval CLI checks passed"
