#!/usr/bin/env bash
# Opens `docpipe view` reports of framework/view/tests/data/sample.jsonl in
# headless Chromium: the index page and each document page must render (the
# script marks <body data-ready="1"> when done), show the expected elements
# and log nothing to the console. Screenshots are kept in OUT_DIR.
# Usage: browser_test.sh DOCPIPE SAMPLE.jsonl OUT_DIR [CHROMIUM]
# Exits 77 (skipped) when Chromium is not installed.
set -u
docpipe=$1 sample=$2 out=$3 chromium=${4:-}
if [[ -z $chromium || $chromium == *NOTFOUND ]]; then chromium=$(command -v chromium || true); fi
if [[ -z $chromium || ! -x $chromium ]]; then
  echo "SKIP: chromium is not installed (apt-get install chromium)"
  exit 77
fi
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

"$docpipe" view "$sample" -o "$out/report.html" --title 'sample <report>' || { echo "FAIL: docpipe view"; exit 1; }
"$docpipe" view "$sample" -o "$out/single.html" --doc example-summit || { echo "FAIL: docpipe view --doc"; exit 1; }

# browse URL NAME [shot]: dumps the DOM after load (and takes a screenshot
# with "shot"); the console goes to NAME.log (Chromium logs console messages
# as "CONSOLE").
browse() {
  local url=$1 name=$2 shot=${3:-} profile
  profile=$(mktemp -d "$work/profile.XXXX")
  local flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
    --disable-sync --no-first-run --no-default-browser-check --disable-extensions --mute-audio
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --hide-scrollbars --window-size=1280,1600
    --virtual-time-budget=3000)
  timeout 60 "$chromium" "${flags[@]}" --dump-dom "$url" >"$out/$name.dom.html" 2>"$out/$name.log"
  if [[ $shot == shot ]]; then
    timeout 60 "$chromium" "${flags[@]}" --screenshot="$out/$name.png" "$url" >/dev/null 2>>"$out/$name.log"
    [[ -s "$out/$name.png" ]] || { echo "FAIL: $name: no screenshot"; failures=$((failures + 1)); }
  fi
  if grep -E 'CONSOLE|Uncaught|Content Security Policy|Refused to' "$out/$name.log"; then
    echo "FAIL: $name: console output (above)"; failures=$((failures + 1))
  fi
}
dom_has() {  # dom_has NAME EXTENDED-REGEX WHAT
  if ! grep -Eq -- "$2" "$out/$1.dom.html"; then echo "FAIL: $1: $3 (/$2/ not in the DOM)"; failures=$((failures + 1)); fi
}
dom_lacks() {
  if grep -Eq -- "$2" "$out/$1.dom.html"; then echo "FAIL: $1: $3 (/$2/ in the DOM)"; failures=$((failures + 1)); fi
}

# Control: a page that logs an error must be caught, or the checks below
# would pass whatever the viewer logs.
printf '<!DOCTYPE html><title>control</title><script>console.error("control-error")</script>\n' >"$out/control.html"
browse "file://$out/control.html" control >/dev/null
if ((failures != 1)) || ! grep -q 'control-error' "$out/control.log"; then
  echo "FAIL: a console error on a control page went unnoticed; Chromium's log format may have changed"
  exit 1
fi
failures=0

url="file://$out/report.html"
browse "$url" index shot
dom_has index 'data-ready="1"' 'the script finished'
dom_has index 'id="dp-docs"' 'document table'
dom_has index 'href="#doc=2"' 'a row per document'
dom_has index 'id="dp-top-speakers"' 'top speakers'
dom_has index '<td>Helena Marques</td>' 'the top speaker'
dom_has index '<circle [^>]*>' 'points on the corpus map'
dom_has index '<use href="#dp-land" class="land"' 'land on the map'

browse "$url#doc=0" summit shot
dom_has summit 'data-ready="1"' 'the script finished'
dom_has summit 'id="dp-summary"' 'summary on top'
dom_has summit 'class="a q"[^>]*background-color' 'quotes coloured by speaker'
dom_has summit 'class="a[^"]* qs' 'speaker mentions marked'
dom_has summit 'class="a[^"]* p[ "]' 'places underlined'
dom_has summit 'class="a[^"]* s[ "]' 'summary sentences marked'
dom_has summit 'box-shadow: rgb' 'custom layer highlighted'
dom_has summit 'id="dp-places"' 'place table'
dom_has summit '<td>Youssef Benali</td>|Youssef Benali</td>' 'speaker list'

browse "$url#doc=0&quote=3" quote
dom_has quote 'Quote 3 of 9' 'a quote named in the address is shown in the side panel'
dom_has quote 'class="a q sel"' 'and highlighted in the text'

# Hover and click, which a screenshot cannot do: a copy of the report gets a
# script that (on the index) filters by a speaker and a place, or (on a
# document) moves the mouse over a quote and a custom-layer span, clicks a
# quote and a place, turns sentences on, and records
# what the page showed in <body data-probe>. (The report ends in
# "</body>\n</html>\n"; the probe goes in before them.)
cat >"$work/probe.js" <<'PROBE'
<script>
(function () {
  const out = [];
  const rows = () => document.querySelectorAll('#dp-docs tbody tr').length;
  if (!location.hash) {  // the index: filter by a speaker, then by a place
    document.querySelector('#dp-top-speakers tr.row').click();
    out.push('speaker-filter-rows:' + rows());
    document.querySelector('button.chip').click();
    out.push('unfiltered-rows:' + rows());
    [...document.querySelectorAll('#dp-corpus-map circle')].find((c) => c.textContent.startsWith('São Tomé'))
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    out.push('place-filter-rows:' + rows() + ' ' + document.querySelector('button.chip').textContent);
    document.querySelector('button.chip').click();
    const first = () => document.querySelector('#dp-docs tbody tr td').textContent;
    out.push('input-order-first:' + first());
    [...document.querySelectorAll('#dp-docs th')].find((th) => th.textContent === 'quotes').click();
    out.push('most-quotes-first:' + first());
    document.body.dataset.probe = out.join(' | ');
    return;
  }
  const quote = document.querySelector('#dp-text span.a.q');
  quote.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 20, clientY: 20 }));
  const tip = document.getElementById('dp-tip');
  out.push(tip.hidden ? 'tip-hidden' : 'tip:' + tip.textContent);
  const custom = [...document.querySelectorAll('#dp-text span.a')].find((s) => s.style.boxShadow);
  custom.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 20, clientY: 20 }));
  out.push('custom-tip:' + tip.textContent);
  quote.click();
  out.push('detail:' + document.getElementById('dp-detail').textContent);
  document.querySelector('#dp-text span.a.p').click();
  out.push('place-rows-highlighted:' + document.querySelectorAll('#dp-places tr.hl').length);
  document.querySelector('#dp-controls input').click();  // sentences on
  out.push('sentence-badges:' + document.querySelectorAll('#dp-text .badge.sn').length);
  document.body.dataset.probe = out.join(' | ');
})();
</script>
PROBE
{ head -n -2 "$out/report.html"; cat "$work/probe.js"; echo '</body></html>'; } >"$out/probe.html"
browse "file://$out/probe.html#doc=0" probe
dom_has probe 'data-probe="tip:[^|]*Quote 1Speaker: Helena Marques' 'hovering a quote shows its speaker'
dom_has probe 'tip:[^|]*Cue: toldKind: direct' 'hovering a quote shows its cue and kind'
dom_has probe 'custom-tip:[^|]*entities 1linked: truescore: 0.9type: PERSON' 'hovering a custom layer shows its attributes'
dom_has probe 'detail:Quote 1 of 9' 'clicking a quote shows it in the side panel'
dom_has probe 'place-rows-highlighted:1 ' 'clicking a place highlights its row'
dom_has probe 'sentence-badges:13"' 'the sentences toggle numbers the sentences'

# The index probe runs on a report of the sample in reverse order, so that
# sorting by quotes changes the first row.
tac "$sample" >"$work/reversed.jsonl"
"$docpipe" view "$work/reversed.jsonl" -o "$out/reversed.html" 2>/dev/null || { echo "FAIL: docpipe view reversed"; exit 1; }
{ head -n -2 "$out/reversed.html"; cat "$work/probe.js"; echo '</body></html>'; } >"$out/probe-index.html"
browse "file://$out/probe-index.html" probe-index
dom_has probe-index 'data-probe="speaker-filter-rows:1 \| unfiltered-rows:3 \| place-filter-rows:1 mentioning São Tomé' \
  'clicking a top speaker or a place on the corpus map filters the documents'
dom_has probe-index 'input-order-first:plain \| most-quotes-first:example-summit"' 'sorting by a column'

browse "$url#doc=1" hostile shot
dom_has hostile 'data-ready="1"' 'the script finished'
dom_has hostile '&lt;script&gt;alert' 'markup in the text shown as text'
dom_lacks hostile '<script>alert' 'markup in the text parsed as markup'
dom_lacks hostile '<b>bold' 'markup in the text parsed as markup'
dom_has hostile 'Zürich &lt;&amp;&gt;' 'escaped place name in the table'

browse "file://$out/single.html" single
dom_has single 'data-ready="1"' 'the script finished'
dom_has single 'id="dp-text"' 'a single document opens directly'

if ((failures > 0)); then echo "$failures failure(s); pages, DOMs and logs in $out"; exit 1; fi
echo "browser checks passed; screenshots in $out"
