#!/usr/bin/env bash
# CLI test of `docpipe view`: writes reports from data/sample.jsonl (made by
# data/make_sample.mjs) and checks files, exit codes and messages.
# Usage: cli_test.sh DOCPIPE DATA_DIR [EXAMPLE.jsonl]
set -u
docpipe=$1 data=$2 example=${3:-}
failures=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$data/sample.jsonl" "$dir/out.jsonl"

run() {  # run EXPECTED_EXIT ARGS...: runs docpipe view, checks the exit code
  local want=$1
  shift
  (cd "$dir" && "$docpipe" view "$@" >"$dir/stdout" 2>"$dir/stderr")
  local got=$?
  if [[ $got != "$want" ]]; then
    echo "FAIL: docpipe view $* exited $got, expected $want"; cat "$dir/stderr"; failures=$((failures + 1))
  fi
}
has() {  # has FILE FIXED-STRING
  if ! grep -qF -- "$2" "$1"; then echo "FAIL: '$2' not in $1"; failures=$((failures + 1)); fi
}
lacks() {  # lacks FILE FIXED-STRING
  if grep -qF -- "$2" "$1"; then echo "FAIL: '$2' unexpectedly in $1"; failures=$((failures + 1)); fi
}

# Default output: the input with .html, every document.
run 0 out.jsonl
has "$dir/out.html" '<!DOCTYPE html>'
has "$dir/out.html" 'id="dp-doc-2"'
has "$dir/stderr" 'wrote out.html (3 documents)'

# --doc: one document; -o names the file.
run 0 out.jsonl --doc example-summit -o one.html
has "$dir/one.html" 'id="dp-doc-0"'
lacks "$dir/one.html" 'id="dp-doc-1"'
has "$dir/one.html" 'Helena Marques'
lacks "$dir/one.html" 'Nothing was found'

# Two ids, one with markup characters; --title.
run 0 out.jsonl --doc plain --doc 'hostile-<b>&"id"' --title 'Two <docs>' -o two.html
has "$dir/two.html" 'id="dp-doc-1"'
lacks "$dir/two.html" 'id="dp-doc-2"'
has "$dir/two.html" '<title>Two &lt;docs&gt; - docpipe view</title>'

# An unknown id is a usage error that names it.
run 2 out.jsonl --doc nope
has "$dir/stderr" "no document with id 'nope'"

# -o - writes the page to stdout.
run 0 out.jsonl -o -
has "$dir/stdout" '</html>'

# Standard input, as after `docpipe run ... -o -`.
(cd "$dir" && "$docpipe" view - -o stdin.html <out.jsonl 2>"$dir/stderr") || { echo "FAIL: view -"; failures=$((failures + 1)); }
has "$dir/stdin.html" 'id="dp-doc-2"'

# The bundled example, not annotated yet: shown with its text and title.
if [[ -n $example ]]; then
  cp "$example" "$dir/example.jsonl"
  run 0 example.jsonl
  has "$dir/example.html" 'Harbour Deal Stalls'
  has "$dir/example.html" '"layers":[]'
fi

# A line that cannot be read: the others are shown, the error listed, exit 1.
{ head -n 1 "$data/sample.jsonl"; echo '{"id": "broken", "text": '; echo '{"id": "no-text"}'; } >"$dir/bad.jsonl"
run 1 bad.jsonl -o bad.html
has "$dir/bad.html" 'id="dp-doc-0"'
lacks "$dir/bad.html" 'id="dp-doc-1"'
has "$dir/bad.html" 'bad.jsonl:2'
has "$dir/bad.html" 'bad.jsonl:3'
has "$dir/stderr" 'bad.jsonl:2'

# Nothing readable at all is an error, and no page is written.
echo 'not json' >"$dir/none.jsonl"
run 2 none.jsonl -o none.html
has "$dir/stderr" 'no documents to show'
[[ -e "$dir/none.html" ]] && { echo "FAIL: none.html written"; failures=$((failures + 1)); }

# An output written with --no-text: the first few lines warned, then a count,
# and the message says why (no page: nothing has a text).
for i in $(seq 1 25); do echo "{\"id\":\"d$i\",\"tokens\":[]}"; done >"$dir/notext.jsonl"
run 2 notext.jsonl -o notext.html
has "$dir/stderr" 'notext.jsonl:1: no "text" field (an output written with --no-text has none'
has "$dir/stderr" 'notext.jsonl:10:'
lacks "$dir/stderr" 'notext.jsonl:11:'
has "$dir/stderr" '15 more unreadable records not shown (25 in all)'

if ((failures > 0)); then echo "$failures failure(s)"; exit 1; fi
echo "all docpipe view CLI checks passed"
