// Writes sample.jsonl: hand-made docpipe output (quotes, places, summary,
// sentences, tokens and a custom `entities` layer) for the viewer's tests.
// Offsets are UTF-8 bytes, found by searching the text, so editing a text
// here and re-running (node make_sample.mjs) keeps them right.
import { writeFileSync } from 'node:fs';

const bytes = (s) => Buffer.byteLength(s, 'utf8');

function annotate(text) {
  const at = (needle, nth = 1) => {
    // Whole words only: "he" is not the one in "fishermen".
    const word = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    let i = -1;
    for (let k = 0; k < nth; k++) {
      do {
        i = text.indexOf(needle, i + 1);
      } while (i >= 0 && ((word(needle[0]) && word(text[i - 1])) ||
                          (word(needle[needle.length - 1]) && word(text[i + needle.length]))));
      if (i < 0) throw new Error(`'${needle}' (#${nth}) not in text`);
    }
    const b = bytes(text.slice(0, i));
    return [b, b + bytes(needle)];
  };
  const sentences = [];
  const re = /[^.!?\n]+(?:[.!?]+["”]?|$)/gm;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const b = bytes(text.slice(0, m.index + lead));
    sentences.push({ begin: b, end: b + bytes(body) });
  }
  const tokens = [];
  for (const m of text.matchAll(/\p{L}[\p{L}'’]*|\p{N}+|\S/gu)) {
    const b = bytes(text.slice(0, m.index));
    const kind = /^\p{L}/u.test(m[0]) ? 'word' : /^\p{N}/u.test(m[0]) ? 'number' : /\p{P}/u.test(m[0]) ? 'punct' : 'symbol';
    tokens.push({ begin: b, end: b + bytes(m[0]), kind });
  }
  return { at, sentences, tokens };
}

const quote = (a, content, speakerMention, speaker, cue, kind, confidence, nth = 1) => {
  const [b, e] = a.at(content);
  const q = { begin: b, end: e };
  if (speakerMention) [q.speaker_begin, q.speaker_end] = a.at(speakerMention[0], speakerMention[1]);
  if (speaker) q.speaker = speaker;
  if (cue) [q.cue_begin, q.cue_end] = a.at(cue[0], cue[1]);
  return { ...q, kind, confidence };
};
const place = (a, mention, name, lat, lon, geonameid, country, feature, nth = 1) => {
  const [b, e] = a.at(mention, nth);
  return { begin: b, end: e, name, lat, lon, geonameid, country, feature, confidence: 0.9 };
};

// 1. A news story with every core layer and a custom layer.
const summit = `Harbour Deal Stalls as Ministers Trade Blame

LISBON, Portugal -- Talks on a shared Atlantic shipping corridor broke up without agreement on Tuesday, after Portugal and Morocco failed to settle who would pay for new port inspections in Lisbon and Tangier.

"We came here ready to sign, and we are leaving with a list of questions," Portuguese Foreign Minister Helena Marques told reporters after six hours of talks. "Nobody should pretend otherwise."

Moroccan trade envoy Youssef Benali said the proposal put too much of the cost on smaller ports such as Agadir. He described the Portuguese offer as "generous on paper and thin in practice."

"Our fishermen in Agadir cannot carry the bill for a corridor that mostly serves Rotterdam and Hamburg," Benali said.

Marques, who took office in March, rejected that reading. She said the European Union had already promised money for the inspections, and that Brussels would confirm the sum before the summer.

"The money is there," she said. "What is missing is the will to use it."

Officials from Spain attended as observers. A spokesman for the Spanish delegation said Madrid hoped the two sides would meet again in Rabat next month.
`;
const a1 = annotate(summit);
const doc1 = {
  id: 'example-summit',
  text: summit,
  meta: { title: 'Harbour Deal Stalls as Ministers Trade Blame', source: 'docpipe example' },
  sentences: a1.sentences,
  tokens: a1.tokens,
  quotes: [
    quote(a1, 'We came here ready to sign, and we are leaving with a list of questions,', ['Helena Marques'], 'Helena Marques', ['told'], 'direct', 0.95),
    quote(a1, 'Nobody should pretend otherwise.', ['Helena Marques'], 'Helena Marques', ['told'], 'direct', 0.85),
    quote(a1, 'the proposal put too much of the cost on smaller ports such as Agadir', ['Youssef Benali'], 'Youssef Benali', ['said'], 'indirect', 0.8),
    quote(a1, 'generous on paper and thin in practice.', ['He'], 'Youssef Benali', ['described'], 'mixed', 0.75),
    quote(a1, 'Our fishermen in Agadir cannot carry the bill for a corridor that mostly serves Rotterdam and Hamburg,', ['Benali', 2], 'Youssef Benali', ['said', 2], 'direct', 0.9),
    quote(a1, 'the European Union had already promised money for the inspections, and that Brussels would confirm the sum before the summer', ['She'], 'Helena Marques', ['said', 3], 'indirect', 0.7),
    quote(a1, 'The money is there,', ['she'], 'Helena Marques', ['said', 4], 'direct', 0.9),
    quote(a1, 'What is missing is the will to use it.', ['she'], 'Helena Marques', ['said', 4], 'direct', 0.8),
    quote(a1, 'Madrid hoped the two sides would meet again in Rabat next month', ['A spokesman for the Spanish delegation'], null, ['said', 5], 'indirect', 0.6),
  ],
  places: [
    place(a1, 'LISBON', 'Lisbon', 38.71667, -9.13333, 2267057, 'PT', 'PPLC'),
    place(a1, 'Portugal', 'Portugal', 39.6945, -8.13057, 2264397, 'PT', 'PCLI'),
    place(a1, 'Portugal', 'Portugal', 39.6945, -8.13057, 2264397, 'PT', 'PCLI', 2),
    place(a1, 'Morocco', 'Morocco', 32, -6, 2542007, 'MA', 'PCLI'),
    place(a1, 'Lisbon', 'Lisbon', 38.71667, -9.13333, 2267057, 'PT', 'PPLC'),
    place(a1, 'Tangier', 'Tangier', 35.76727, -5.79975, 2530335, 'MA', 'PPLA'),
    place(a1, 'Agadir', 'Agadir', 30.42018, -9.59815, 2561668, 'MA', 'PPLA'),
    place(a1, 'Agadir', 'Agadir', 30.42018, -9.59815, 2561668, 'MA', 'PPLA', 2),
    place(a1, 'Rotterdam', 'Rotterdam', 51.9225, 4.47917, 2747891, 'NL', 'PPL'),
    place(a1, 'Hamburg', 'Hamburg', 53.57532, 10.01534, 2911298, 'DE', 'PPLA'),
    place(a1, 'Brussels', 'Brussels', 50.85045, 4.34878, 2800866, 'BE', 'PPLC'),
    place(a1, 'Spain', 'Spain', 40, -4, 2510769, 'ES', 'PCLI'),
    place(a1, 'Madrid', 'Madrid', 40.4165, -3.70256, 3117735, 'ES', 'PPLC'),
    place(a1, 'Rabat', 'Rabat', 34.01325, -6.83255, 2538475, 'MA', 'PPLC'),
  ],
  summary: [],
  entities: [],
};
for (const [i, s] of [[2, 1.0], [3, 0.8], [9, 0.6]]) {
  const sent = a1.sentences[i];
  doc1.summary.push({ begin: sent.begin, end: sent.end, score: s });
}
doc1.summary.sort((x, y) => x.begin - y.begin);
for (const [name, type, nth] of [['Helena Marques', 'PERSON', 1], ['Youssef Benali', 'PERSON', 1], ['European Union', 'ORG', 1], ['Marques', 'PERSON', 2], ['Benali', 'PERSON', 2]]) {
  const [b, e] = a1.at(name, nth);
  doc1.entities.push({ begin: b, end: e, type, linked: type === 'PERSON', score: 0.9 });
}
doc1.entities.sort((x, y) => x.begin - y.begin);

// 2. Hostile text: markup, quotes and ampersands must show as text; an emoji
// and accents before the annotations check the UTF-16 offsets.
const hostile = `Café owners in São Tomé 😀 said "<script>alert('x')</script> & <b>bold</b>" is just text.\u2028Line separated: </script><!-- not a comment --> & &amp; "quoted" 'single'.
The mayor of Zürich said: "Tom & Jerry's <i>show</i> stays."
`;
const a2 = annotate(hostile);
const doc2 = {
  id: 'hostile-<b>&"id"',
  text: hostile,
  meta: { title: 'Tags <script>alert("title")</script> & "quotes"', note: '</script><script>alert(1)</script>' },
  quotes: [
    quote(a2, `<script>alert('x')</script> & <b>bold</b>`, ['Café owners'], 'Café <owners> & "co"', ['said'], 'direct', 0.9),
    quote(a2, `Tom & Jerry's <i>show</i> stays.`, ['The mayor of Zürich'], null, ['said', 2], 'direct', 0.8),
  ],
  places: [
    place(a2, 'São Tomé', 'São Tomé', 0.33654, 6.72732, 2410763, 'ST', 'PPLC'),
    place(a2, 'Zürich', 'Zürich <&>', 47.36667, 8.55, 2657896, 'CH', 'PPLA'),
  ],
  summary: [{ ...a2.sentences[0], score: 1 }].map(({ begin, end, score }) => ({ begin, end, score })),
  sentences: a2.sentences,
  markup: [
    { begin: a2.at('<script>')[0], end: a2.at('</script>')[1], tag: '<script>', note: 'a "quoted" & <b>tagged</b> value' },
    { begin: a2.at('😀')[0], end: a2.at('😀')[1], tag: 'emoji', astral: true },
  ],
};

// 3. A document no stage annotated.
const plain = { id: 'plain', text: 'Nothing was found in this short note.\n', meta: {} };

writeFileSync(new URL('sample.jsonl', import.meta.url),
  [doc1, doc2, plain].map((d) => JSON.stringify(d)).join('\n') + '\n');
console.log('wrote sample.jsonl');
