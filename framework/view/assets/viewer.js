// docpipe view: draws the report from this page's JSON blocks (inlined into
// every report). Plain JavaScript, no libraries. Document text and attribute
// values only ever reach the page through textContent or setAttribute, never
// as markup. Offsets in the data are UTF-16 units (converted by docpipe).
'use strict';
(function () {
  const app = document.getElementById('dp-app');
  const tip = document.getElementById('dp-tip');
  const index = JSON.parse(document.getElementById('dp-index').textContent);
  const SPEAKER_COLOURS = ['#ffd6a5', '#b9f3c4', '#a8e6ff', '#d5ccff', '#ffc9f0', '#f6f7a8', '#ffb4b4',
    '#c7d8ff', '#d9f0c0', '#f0d2b8', '#c9f1ec', '#ead1ff'];
  const LAYER_COLOURS = ['#e76f51', '#2a9d8f', '#8e44ad', '#e9a23b', '#3a86ff', '#6a994e'];
  const TOKEN_KINDS = { w: 'word', n: 'number', p: 'punct', s: 'symbol', u: 'url', e: 'email', j: 'emoji', o: 'other' };
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const ROWS_SHOWN = 300;
  const SPEAKERS_SHOWN = 12;  // on the index, until "show all"
  const META_CHARS = 400;  // a meta value is cut here (gold annotations can be long)

  // Element builders: attributes with setAttribute, children as text nodes.
  function build(el, attrs, kids) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid != null && kid !== false) el.append(kid instanceof Node ? kid : String(kid));
    }
    return el;
  }
  const h = (tag, attrs, ...kids) => build(document.createElement(tag), attrs, kids);
  const svg = (tag, attrs, ...kids) => build(document.createElementNS(SVG_NS, tag), attrs, kids);

  const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : '\u2014');
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + 's'}`;
  const mount = (...kids) => app.replaceChildren(...kids.flat().filter((k) => k != null && k !== false));
  const loadDoc = (i) => JSON.parse(document.getElementById('dp-doc-' + i).textContent);

  function colourOf(list, i) {
    if (i < list.length) return list[i];
    return `hsl(${(i * 137.5) % 360}, 75%, 82%)`;
  }

  // Tooltip -----------------------------------------------------------------
  function showTip(blocks, x, y) {
    tip.replaceChildren(...blocks);
    tip.hidden = false;
    const w = tip.offsetWidth;
    const ht = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 8)) + 'px';
    tip.style.top = (y + 18 + ht > window.innerHeight ? Math.max(4, y - ht - 10) : y + 18) + 'px';
  }
  function hideTip() { tip.hidden = true; }

  // World map ---------------------------------------------------------------
  // points: {lat, lon, weight (0..1), label?, title, key}. Equirectangular,
  // 10 units a degree, as the embedded land path.
  function worldMap(points, options) {
    const valid = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    let vb = [0, 60, 3600, 1440];  // 84N to 60S: Antarctica left out
    if (options.fit && valid.length) {
      const xs = valid.map((p) => (p.lon + 180) * 10);
      const ys = valid.map((p) => (90 - p.lat) * 10);
      const x0 = Math.min(...xs); const x1 = Math.max(...xs);
      const y0 = Math.min(...ys); const y1 = Math.max(...ys);
      let w = Math.max(x1 - x0, 250) * 1.25 + 120;
      let ht = Math.max(y1 - y0, 125) * 1.25 + 80;
      w = Math.max(w, ht * 2);
      ht = w / 2;
      if (w < 3000) {
        const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
        vb = [clamp((x0 + x1 - w) / 2, 0, 3600 - w), clamp((y0 + y1 - ht) / 2, 0, 1800 - ht), w, ht];
      }
    }
    const unit = vb[2] / options.px;  // about one screen pixel
    const root = svg('svg', { class: 'map', viewBox: vb.map((v) => v.toFixed(1)).join(' '), role: 'img',
      'aria-label': options.label });
    root.append(svg('use', { href: '#dp-land', class: 'land' }));
    const circles = new Map();
    const sorted = valid.slice().sort((a, b) => b.weight - a.weight);
    const labels = [];
    const taken = [];  // label boxes placed so far: a label that would overlap one is left out
    const free = (box) => taken.every((t) => box[2] < t[0] || box[0] > t[2] || box[3] < t[1] || box[1] > t[3]);
    for (const p of sorted) {
      const x = (p.lon + 180) * 10;
      const y = (90 - p.lat) * 10;
      const r = unit * (options.minR + (options.maxR - options.minR) * Math.sqrt(p.weight));
      const c = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(2) }, svg('title', null, p.title));
      root.append(c);
      circles.set(p.key, c);
      if (!p.label) continue;
      const fs = 11 * unit;
      const w = 0.6 * fs * p.label.length;
      const right = [x + r + 2 * unit, y - 0.5 * fs, x + r + 2 * unit + w, y + 0.5 * fs];
      const left = [x - r - 2 * unit - w, right[1], x - r - 2 * unit, right[3]];
      const box = free(right) ? right : free(left) ? left : null;
      if (!box) continue;
      taken.push(box);
      labels.push(svg('text', { x: (box === right ? box[0] : box[2]).toFixed(1), y: (y + 0.36 * fs).toFixed(1),
        'font-size': fs.toFixed(1), 'text-anchor': box === right ? 'start' : 'end' }, p.label));
    }
    root.append(...labels);
    return { root, circles };
  }

  // Index page --------------------------------------------------------------
  function stat(value, label) { return h('div', { class: 'stat' }, h('b', null, value.toLocaleString('en')), label); }

  // The index's search and filter outlive a visit to a document.
  const indexState = { search: '', speaker: null, place: null, allSpeakers: false, sort: null };

  function showIndex() {
    document.title = index.title + ' - docpipe view';
    const docs = index.docs;
    const quotes = docs.reduce((n, d) => n + d.q, 0);
    const mentions = docs.reduce((n, d) => n + d.pl, 0);

    const speakerRows = index.speakers.map(([name, count, ndocs], k) => h('tr', {
      class: 'row' + (indexState.speaker === k ? ' hl' : ''), title: 'Show only the documents quoting ' + name,
      onclick: () => { indexState.speaker = indexState.speaker === k ? null : k; showIndex(); } },
      h('td', null, name),
      h('td', { class: 'n' }, count),
      h('td', { style: 'width:35%' }, h('div', { class: 'bar', style: `width:${(100 * count / index.speakers[0][1]).toFixed(1)}%` })),
      h('td', { class: 'n muted' }, plural(ndocs, 'doc'))));
    const maxMentions = index.places.length ? index.places[0][4] : 1;
    const map = worldMap(index.places.map(([name, cc, lat, lon, count, ndocs], i) => ({
      lat, lon, weight: count / maxMentions, key: i, label: i < 8 ? name : null,
      title: `${name}${cc ? ' (' + cc + ')' : ''}: ${plural(count, 'mention')} in ${plural(ndocs, 'document')}`,
    })), { fit: false, px: 700, minR: 2, maxR: 9, label: 'Places of all documents, sized by mentions' });
    map.circles.forEach((c, k) => {
      c.style.cursor = 'pointer';
      if (indexState.place === k) c.classList.add('hl');
      c.addEventListener('click', () => { indexState.place = indexState.place === k ? null : k; showIndex(); });
    });
    const chip = (label, clear) => h('button', { class: 'chip', type: 'button', title: 'Remove this filter',
      onclick: () => { clear(); showIndex(); } }, label + ' \u00d7');
    const chips = [
      indexState.speaker != null ? chip('quoting ' + index.speakers[indexState.speaker][0], () => { indexState.speaker = null; }) : null,
      indexState.place != null ? chip('mentioning ' + index.places[indexState.place][0], () => { indexState.place = null; }) : null,
    ].filter(Boolean);

    const search = h('input', { type: 'search', placeholder: `Search ${plural(docs.length, 'document')} by id or title`,
      'aria-label': 'Search documents by id or title', id: 'dp-search' });
    search.value = indexState.search;
    const tbody = h('tbody');
    const note = h('p', { class: 'muted small' });
    function fill() {
      indexState.search = search.value;
      const q = search.value.trim().toLowerCase();
      const filtered = q || chips.length;
      const rows = [];
      let matches = 0;
      let order = docs.map((_, i) => i);
      if (indexState.sort) {
        const key = indexState.sort;
        order = order.sort((a, b) => docs[b][key] - docs[a][key] || a - b);
      }
      order.forEach((i) => {
        const d = docs[i];
        if (q && !d.id.toLowerCase().includes(q) && !d.title.toLowerCase().includes(q)) return;
        if (indexState.speaker != null && !d.ts.includes(indexState.speaker)) return;
        if (indexState.place != null && !d.tp.includes(indexState.place)) return;
        if (++matches > ROWS_SHOWN) return;
        rows.push(h('tr', { class: 'row', onclick: () => { location.hash = '#doc=' + i; } },
          h('td', { class: 'id' }, h('a', { href: '#doc=' + i }, d.id)),
          h('td', null, d.title || h('span', { class: 'muted' }, d.snip || '')),
          h('td', { class: 'n' }, d.q), h('td', { class: 'n' }, d.sp), h('td', { class: 'n' }, d.pl),
          h('td', { class: 'n' }, d.su)));
      });
      tbody.replaceChildren(...rows);
      note.textContent = matches > ROWS_SHOWN ? `Showing ${ROWS_SHOWN} of ${matches} matching documents; search to narrow them.`
        : (filtered ? (matches === 1 ? '1 document matches.' : `${matches} documents match.`) : '');
    }
    search.addEventListener('input', fill);
    fill();

    mount(
      h('h1', null, index.title),
      h('div', { class: 'stats' }, stat(docs.length, 'documents'), stat(quotes, 'quotes'),
        stat(index.speaker_count, 'speakers'), stat(mentions, 'place mentions'), stat(index.place_count, 'distinct places')),
      index.errors ? h('div', { class: 'errors' }, h('b', null, plural(index.errors, 'input record') + ' could not be read'),
        h('ul', null, index.error_list.map((e) => h('li', null, e)))) : null,
      h('div', { class: 'grid2' },
        h('section', { class: 'panel', id: 'dp-top-speakers' }, h('h2', null, 'Top speakers'),
          index.speakers.length ? h('table', null, h('tbody', null,
            indexState.allSpeakers ? speakerRows : speakerRows.slice(0, SPEAKERS_SHOWN)))
            : h('p', { class: 'muted' }, 'No resolved speakers.'),
          speakerRows.length > SPEAKERS_SHOWN ? h('p', { class: 'small' }, h('a', { href: '#', onclick: (e) => {
            e.preventDefault(); indexState.allSpeakers = !indexState.allSpeakers; showIndex();
          } }, indexState.allSpeakers ? 'show fewer' : `show all ${speakerRows.length}`)) : null),
        h('section', { class: 'panel', id: 'dp-corpus-map' }, h('h2', null, 'Places, sized by mentions'), map.root)),
      h('h2', null, 'Documents'), h('div', { class: 'filters' }, search, chips), note,
      h('table', { id: 'dp-docs' }, h('thead', null, h('tr', null,
        h('th', { class: 'sort' + (indexState.sort ? '' : ' on'), title: 'In input order',
          onclick: () => { indexState.sort = null; showIndex(); } }, 'id'),
        h('th', null, 'title'),
        [['q', 'quotes'], ['sp', 'speakers'], ['pl', 'places'], ['su', 'summary']].map(([key, label]) => h('th', {
          class: 'n sort' + (indexState.sort === key ? ' on' : ''), title: `Most ${label} first`,
          onclick: () => { indexState.sort = key; showIndex(); } }, label)))), tbody));
  }

  // Document page -----------------------------------------------------------
  function speakerGroups(d) {
    const groups = new Map();
    (d.quotes || []).forEach((q) => {
      let key; let label; let resolved = true;
      if (q.s) { key = 's:' + q.s; label = q.s; }
      else if (q.sb != null) { resolved = false; label = '\u201c' + d.text.slice(q.sb, q.se) + '\u201d'; key = 'm:' + label.toLowerCase(); }
      else { resolved = false; key = 'none'; label = 'no speaker'; }
      if (!groups.has(key)) groups.set(key, { key, label, resolved, count: 0 });
      groups.get(key).count++;
      q.group = key;
    });
    const list = [...groups.values()].sort((a, b) => (b.resolved - a.resolved) || (b.count - a.count));
    list.forEach((g, i) => { g.colour = colourOf(SPEAKER_COLOURS, i); });
    return { groups, list };
  }

  function describe(d, marks) {
    const block = (title, ...lines) => h('div', null, h('b', null, title), lines.map((l) => [h('br'), l]));
    return marks.map((m) => {
      if (m.t === 'q' || m.t === 'qs' || m.t === 'qc') {
        const q = d.quotes[m.i];
        const role = m.t === 'q' ? '' : m.t === 'qs' ? ' \u00b7 speaker mention' : ' \u00b7 speech cue';
        return block(`Quote ${m.i + 1}${role}`,
          `Speaker: ${q.s || '(unresolved)'}${q.sb != null ? ' \u2014 mention \u201c' + d.text.slice(q.sb, q.se) + '\u201d' : ''}`,
          `Cue: ${q.cb != null ? d.text.slice(q.cb, q.ce) : '\u2014'}`,
          `Kind: ${q.k} \u00b7 confidence ${fmt(q.c, 2)}`);
      }
      if (m.t === 'p') {
        const p = d.places[m.i];
        return block(`Place: ${p.n || '(unnamed)'}`, `${p.cc || 'no country'} \u00b7 ${p.f || 'no feature code'}`,
          `${fmt(p.lat, 4)}, ${fmt(p.lon, 4)}${p.g != null ? ' \u00b7 GeoNames ' + p.g : ''}`, `confidence ${fmt(p.c, 2)}`);
      }
      if (m.t === 's') return block(`Summary sentence ${m.i + 1}`, `score ${fmt(d.summary[m.i].score, 3)}`);
      if (m.t === 'x') {
        const a = d.custom[m.layer][m.i];
        const attrs = Object.entries(a.a);
        return block(`${m.layer} ${m.i + 1}`, ...(attrs.length ? attrs.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`) : ['(no attributes)']));
      }
      if (m.t === 'tok') return block(`Token ${m.i + 1}`, TOKEN_KINDS[(d.token_kinds || '')[m.i]] || '');
      return block(`Sentence ${m.i + 1}`);
    }).filter(Boolean);
  }

  // Splits the text at every annotation boundary; each piece is a text node,
  // or one span carrying the classes and styles of every annotation over it.
  function renderText(d, st, speakers, box) {
    const text = d.text;
    const n = text.length;
    const marks = [];
    const add = (b, e, t, i, extra) => {
      b = Math.max(0, Math.min(n, b)); e = Math.max(0, Math.min(n, e));
      if (e > b) marks.push(Object.assign({ b, e, t, i }, extra));
    };
    (d.quotes || []).forEach((q, i) => {
      add(q.b, q.e, 'q', i);
      if (q.sb != null) add(q.sb, q.se, 'qs', i);
      if (q.cb != null) add(q.cb, q.ce, 'qc', i);
    });
    (d.places || []).forEach((p, i) => add(p.b, p.e, 'p', i));
    (d.summary || []).forEach((s, i) => add(s.b, s.e, 's', i));
    st.customNames.forEach((name, li) => {
      if (st.layersOn.has(name)) d.custom[name].forEach((a, i) => add(a.b, a.e, 'x', i, { layer: name, li }));
    });
    const badges = new Map();
    const badge = (pos, el) => { if (!badges.has(pos)) badges.set(pos, []); badges.get(pos).push(el); };
    if (st.tokens && d.tokens) for (let i = 0; 2 * i < d.tokens.length; i++) add(d.tokens[2 * i], d.tokens[2 * i + 1], 'tok', i);
    if (st.sentences && d.sentences) {
      for (let i = 0; 2 * i < d.sentences.length; i++) {
        add(d.sentences[2 * i], d.sentences[2 * i + 1], 'sen', i);
        badge(d.sentences[2 * i], h('span', { class: 'badge sn', title: 'sentence ' + (i + 1) }, i + 1));
      }
    }
    (d.summary || []).forEach((s, i) => badge(s.b, h('span', { class: 'badge sm', title: 'summary sentence ' + (i + 1) }, 'S' + (i + 1))));

    const cuts = new Set([0, n]);
    marks.forEach((m) => { cuts.add(m.b); cuts.add(m.e); });
    badges.forEach((_, pos) => cuts.add(Math.max(0, Math.min(n, pos))));
    const points = [...cuts].sort((a, b) => a - b);
    marks.sort((a, b) => a.b - b.b);
    const segs = [];
    const frag = document.createDocumentFragment();
    let active = [];
    let next = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const pos = points[k];
      active = active.filter((m) => m.e > pos);
      while (next < marks.length && marks[next].b <= pos) {
        if (marks[next].e > pos) active.push(marks[next]);
        next++;
      }
      if (badges.has(pos)) frag.append(...badges.get(pos));
      const piece = text.slice(pos, points[k + 1]);
      if (!active.length) { frag.append(piece); continue; }
      const classes = ['a'];
      const shadows = [];
      let background = '';
      let ring = '';
      for (const m of active) {
        if (m.t === 'q') {
          const q = d.quotes[m.i];
          classes.push('q');
          if (!st.focus || st.focus === q.group) background = speakers.groups.get(q.group).colour;
          if (st.selected === m.i) classes.push('sel');
        } else if (m.t === 'qs') {
          classes.push('qs');
          ring = speakers.groups.get(d.quotes[m.i].group).colour;
        } else if (m.t === 'qc' || m.t === 'p' || m.t === 's') {
          classes.push(m.t);
        } else if (m.t === 'x') {
          shadows.push(`inset 0 -${3 * (m.li + 1)}px 0 ${colourOf(LAYER_COLOURS, m.li)}`);
        } else if (m.t === 'tok') {
          shadows.push('inset 0 0 0 1px #0005');
        }
      }
      const el = h('span', { class: classes.join(' '), 'data-k': segs.length, 'data-b': pos }, piece);
      if (background) el.style.backgroundColor = background;
      if (ring) el.style.setProperty('--ql', `color-mix(in srgb, ${ring} 55%, #000)`);
      if (shadows.length) el.style.boxShadow = shadows.join(', ');
      segs.push(active.slice());
      frag.append(el);
    }
    box.replaceChildren(frag);
    box.onmousemove = (e) => {
      const el = e.target.closest && e.target.closest('span.a');
      if (!el) { hideTip(); return; }
      showTip(describe(d, segs[+el.dataset.k]), e.clientX, e.clientY);
    };
    box.onmouseleave = hideTip;
    box.onclick = (e) => {
      const el = e.target.closest && e.target.closest('span.a');
      const quote = el && segs[+el.dataset.k].find((m) => m.t === 'q' || m.t === 'qs' || m.t === 'qc');
      const placeMark = el && segs[+el.dataset.k].find((m) => m.t === 'p');
      if (quote) st.select(quote.i);
      else if (placeMark) st.selectPlace(placeMark.i);
    };
  }

  function scrollToOffset(box, pos) {
    const el = [...box.querySelectorAll('span.a')].find((s) => +s.dataset.b >= pos);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.animate([{ outline: '3px solid #1f5fbf' }, { outline: '3px solid transparent' }], 1200);
  }

  function showDoc(i, quote) {
    const d = loadDoc(i);
    document.title = (d.title || d.id) + ' - docpipe view';
    const speakers = speakerGroups(d);
    const customNames = Object.keys(d.custom || {});
    const box = h('div', { class: 'text', id: 'dp-text' });
    const detail = h('div', { class: 'detail', id: 'dp-detail' },
      h('p', { class: 'muted small' }, d.quotes && d.quotes.length ? 'Click a quote to see it here; hover any mark for details.'
        : 'Hover a mark in the text for details.'));
    const st = { tokens: false, sentences: false, layersOn: new Set(customNames), customNames, focus: null, selected: null };
    const redraw = () => renderText(d, st, speakers, box);

    // Speakers.
    const speakerItems = speakers.list.map((g) => h('tr', { class: 'row', 'data-key': g.key, title: 'Show only this speaker\'s quotes',
      onclick: () => { st.focus = st.focus === g.key ? null : g.key; markSpeakers(); redraw(); } },
      h('td', null, h('span', { class: 'swatch', style: 'background:' + g.colour }),
        g.resolved ? g.label : h('i', { class: 'muted' }, g.label + (g.key === 'none' ? '' : ' (unresolved)'))),
      h('td', { class: 'n' }, plural(g.count, 'quote'))));
    const markSpeakers = () => speakerItems.forEach((r) => r.classList.toggle('hl', r.dataset.key === st.focus));

    // Places: one row and one point per resolved place, mentions counted.
    const placeGroups = new Map();
    (d.places || []).forEach((p, k) => {
      const key = `${p.n}|${fmt(p.lat, 3)}|${fmt(p.lon, 3)}`;
      if (!placeGroups.has(key)) placeGroups.set(key, { key, p, mentions: [], first: k });
      placeGroups.get(key).mentions.push(d.text.slice(p.b, p.e));
      p.key = key;
    });
    const groups = [...placeGroups.values()];
    const maxCount = Math.max(1, ...groups.map((g) => g.mentions.length));
    const map = worldMap(groups.map((g) => ({ lat: g.p.lat, lon: g.p.lon, key: g.key, weight: g.mentions.length / maxCount,
      label: groups.length <= 25 ? g.p.n : null, title: `${g.p.n} (${g.p.cc || '\u2014'}): ${plural(g.mentions.length, 'mention')}` })),
    { fit: true, px: 400, minR: 3, maxR: 6.5, label: 'Places of this document' });
    const placeRows = new Map();
    const placeTable = h('table', { id: 'dp-places' }, h('thead', null, h('tr', null, h('th', null, 'mention'), h('th', null, 'resolved'),
      h('th', null, 'country'), h('th', null, 'lat, lon'), h('th', { class: 'n' }, 'n'))),
    h('tbody', null, groups.map((g) => {
      const row = h('tr', { class: 'row', title: `${g.p.f || ''}${g.p.g != null ? ' \u00b7 GeoNames ' + g.p.g : ''}`,
        onmouseenter: () => highlightPlace(g.key, true), onmouseleave: () => highlightPlace(g.key, false),
        onclick: () => scrollToOffset(box, g.p.b) },
      h('td', null, [...new Set(g.mentions)].join(', ')), h('td', null, g.p.n), h('td', null, g.p.cc || '\u2014'),
      h('td', { class: 'small' }, `${fmt(g.p.lat, 2)}, ${fmt(g.p.lon, 2)}`), h('td', { class: 'n' }, g.mentions.length));
      placeRows.set(g.key, row);
      return row;
    })));
    function highlightPlace(key, on) {
      const c = map.circles.get(key);
      if (c) { c.classList.toggle('hl', on); if (on) c.parentNode.append(c); }
      const r = placeRows.get(key);
      if (r) r.classList.toggle('hl', on);
    }
    map.circles.forEach((c, key) => {
      c.addEventListener('mouseenter', () => highlightPlace(key, true));
      c.addEventListener('mouseleave', () => highlightPlace(key, false));
    });

    st.select = (qi) => {
      st.selected = st.selected === qi ? null : qi;
      // The address names the selected quote, so it can be shared.
      history.replaceState(null, '', `#doc=${i}${st.selected == null ? '' : '&quote=' + (qi + 1)}`);
      redraw();
      if (st.selected == null) { detail.replaceChildren(h('p', { class: 'muted small' }, 'No quote selected.')); return; }
      const q = d.quotes[qi];
      const g = speakers.groups.get(q.group);
      detail.replaceChildren(h('h2', null, `Quote ${qi + 1} of ${d.quotes.length}`),
        h('p', null, h('span', { class: 'swatch', style: 'background:' + g.colour }), '\u201c' + d.text.slice(q.b, q.e) + '\u201d'),
        h('dl', null, h('dt', null, 'speaker'), h('dd', null, q.s || '(unresolved)'),
          h('dt', null, 'mention'), h('dd', null, q.sb != null ? d.text.slice(q.sb, q.se) : '\u2014'),
          h('dt', null, 'cue'), h('dd', null, q.cb != null ? d.text.slice(q.cb, q.ce) : '\u2014'),
          h('dt', null, 'kind'), h('dd', null, q.k), h('dt', null, 'confidence'), h('dd', null, fmt(q.c, 2))));
    };
    st.selectPlace = (pi) => {
      const key = d.places[pi].key;
      placeRows.forEach((r, k) => highlightPlace(k, k === key));
      const row = placeRows.get(key);
      if (row) row.scrollIntoView({ block: 'nearest' });
    };

    // Toggles: sentences, tokens, and one per custom layer.
    const toggle = (label, present, on, set, legend) => h('label', null,
      h('input', { type: 'checkbox', checked: on, disabled: !present, onchange: (e) => { set(e.target.checked); redraw(); } }),
      h('span', null, legend || null, label + (present ? '' : ' (not in output)')));
    const controls = h('div', { class: 'controls', id: 'dp-controls' },
      h('span', { class: 'muted' }, 'Show:'),
      toggle('sentences', !!d.sentences, false, (v) => { st.sentences = v; }),
      toggle('tokens', !!d.tokens, false, (v) => { st.tokens = v; }),
      customNames.map((name, li) => toggle(`${name} (${d.custom[name].length})`, true, true,
        (v) => { if (v) st.layersOn.add(name); else st.layersOn.delete(name); },
        h('span', { class: 'legend', style: `background:${colourOf(LAYER_COLOURS, li)}` }))));

    const layerCounts = (d.layers || []).map((name) => {
      const v = d.custom && d.custom[name] ? d.custom[name] : d[name];
      const count = !v ? null : (name === 'sentences' || name === 'tokens' || name === 'paragraphs') ? v.length / 2 : v.length;
      return count == null ? name : `${name} ${count}`;
    });
    const summary = d.summary && d.summary.length ? h('section', { class: 'summary', id: 'dp-summary' },
      h('h2', { style: 'margin-top:6px' }, 'Summary'),
      h('ol', null, d.summary.map((s) => h('li', { title: `score ${fmt(s.score, 3)} \u00b7 click to find it in the text`,
        onclick: () => scrollToOffset(box, s.b) }, d.text.slice(s.b, s.e))))) : null;
    const metaEntries = Object.entries(d.meta || {}).filter(([k]) => k !== 'title');

    mount(
      index.docs.length > 1 ? h('p', { class: 'small' }, h('a', { href: '#' }, '\u2190 all documents'),
        h('span', { class: 'muted' }, ` \u00b7 document ${i + 1} of ${index.docs.length} \u00b7 `),
        i > 0 ? h('a', { href: '#doc=' + (i - 1) }, '\u2039 previous') : h('span', { class: 'muted' }, '\u2039 previous'), ' ',
        i + 1 < index.docs.length ? h('a', { href: '#doc=' + (i + 1) }, 'next \u203a') : h('span', { class: 'muted' }, 'next \u203a')) : null,
      h('h1', null, d.title || d.id),
      h('div', { class: 'id' }, 'id: ' + d.id, ' \u00b7 layers: ' + (layerCounts.join(', ') || 'none')),
      summary,
      h('div', { class: 'grid' },
        h('section', null, controls,
          h('div', { class: 'small muted' }, 'Quotes are coloured by speaker (speaker mentions ringed, cues in italics); ',
            h('span', { style: 'border-bottom:2.5px solid var(--place)' }, 'places underlined'), '; ',
            h('b', null, 'summary sentences in bold'), '.'),
          box),
        h('aside', null,
          h('section', { class: 'panel' }, detail),
          h('h2', null, `Speakers (${speakers.list.filter((g) => g.resolved).length})`),
          speakers.list.length ? h('table', { id: 'dp-speakers' }, h('tbody', null, speakerItems)) : h('p', { class: 'muted' }, 'No quotes.'),
          h('h2', null, `Places (${groups.length})`),
          groups.length ? [map.root, placeTable] : h('p', { class: 'muted' }, d.places ? 'No places.' : 'No places layer.'),
          metaEntries.length ? [h('h2', null, 'Meta'), h('div', { class: 'kv' },
            metaEntries.map(([k, v]) => {
              const text = typeof v === 'string' ? v : JSON.stringify(v);
              return `${k}: ${text.length > META_CHARS ? text.slice(0, META_CHARS) + '\u2026' : text}\n`;
            }))] : null)));
    if (quote != null && d.quotes && quote >= 0 && quote < d.quotes.length) st.select(quote);
    else redraw();
  }

  function route() {
    hideTip();
    const m = /^#doc=(\d+)(?:&quote=(\d+))?$/.exec(location.hash);
    if (m && +m[1] < index.docs.length) showDoc(+m[1], m[2] == null ? null : +m[2] - 1);
    else if (index.docs.length === 1) showDoc(0);
    else showIndex();
    window.scrollTo(0, 0);
  }
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = '1';
})();
