#!/usr/bin/env bash
# The plugin author's path, end to end, exactly as docs/writing-plugins.md
# tells it: install docpipe into a prefix, build the example plugin out of
# tree with find_package(docpipe), put it on the plugin path, and run a
# pipeline with it through the installed `docpipe`.
#   usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

prefix=$work/prefix
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

cp -r "$source_dir/sdk/example" "$work/keywords"
cmake -S "$work/keywords" -B "$work/keywords/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/keywords/build" >/dev/null

export DOCPIPE_PLUGIN_PATH=$work/keywords/build
"$prefix/bin/docpipe" plugins | tee "$work/plugins.txt"
grep -q "^keywords .*Marks occurrences" "$work/plugins.txt"
grep -q "$work/keywords/build/keywords.so" "$work/plugins.txt"
"$prefix/bin/docpipe" describe keywords | grep -q "Provides      keywords"

echo '{"id":"d1","text":"Talks in Moscow and Washington."}' >"$work/in.jsonl"
"$prefix/bin/docpipe" run "$work/keywords/keywords.yaml" "$work/in.jsonl" -o "$work/out.jsonl"
cat "$work/out.jsonl"
expected='{"id":"d1","text":"Talks in Moscow and Washington.","keywords":[{"begin":9,"end":15,"word":"moscow"},{"begin":20,"end":30,"word":"washington"}]}'
if [[ "$(cat "$work/out.jsonl")" != "$expected" ]]; then
  echo "unexpected output; wanted: $expected" >&2
  exit 1
fi
echo "consumer build: ok"
