// Run: the attribution of a direct quote (before or after its marks) and of
// a sentence with no quote marks (`X said …`, `…, X said.`, `according to X`).

#include "detail/run.hpp"

namespace docpipe::quotes::detail {

// `"…," X said.` / `"…," said X.` / `"…," X, a doctor who…, said.` /
// `"…," according to X.` right after the closing mark at `close`.
bool Run::post_attribution(Idx close, Idx e, bool sentence_closed, Attr& out) const {
  Idx k = close + 1;
  if (k < e && (t_[k].is(',') || (t_[k].kind == TokKind::punct && t_[k].ch == '-'))) ++k;
  if (k >= e) return false;
  const Idx lim = std::min(e, k + kWindow);
  Attr a;
  if (const Idx len = phrase_len(k, lim); len != 0) {
    const Span np = forward_np(k + len, lim);
    if (!np.ok()) return false;
    a.speaker = np;
    a.cue = {k, k + len};
  } else if (is_cue(k)) {
    Idx j = k + 1;
    const Span np = forward_np(j, lim);
    if (!np.ok()) return false;
    a.speaker = np;
    a.cue = {k, k + 1};
  } else {
    const Span np = forward_np(k, lim);
    if (!np.ok()) return false;
    Idx j = np.e;
    if (j < lim && (t_[j].is(',') || t_[j].is('('))) {
      const char closer = t_[j].is('(') ? ')' : ',';
      Idx c = j + 1;
      for (; c < lim && c - j <= 30; ++c) {
        if (t_[c].is(closer) || paired(t_[c]) || boundary_[c] != 0) break;
      }
      if (c < lim && t_[c].is(closer)) {
        // "Sergei Prikhodko, Medvedev's adviser, said": the name is before.
        j = c + 1;
        if (closer == ',' && !(j < lim && is_cue(j))) {
          // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": the
          // first verb after a comma within reach.
          for (Idx m = j; m < lim && m - np.e <= 40; ++m) {
            if (paired(t_[m]) || boundary_[m] != 0) break;
            if (is_cue(m) && t_[m - 1].is(',')) {
              j = m;
              break;
            }
          }
        }
      }
    } else if (j < lim && t_[j].word() && !t_[j].cap() && t_[j].has(kPrep)) {
      // "Jeffrey Lewis of the James Martin Center said"
      Idx c = j + 1;
      while (c < lim && c - j <= 10 && t_[c].word() && !is_cue(c) && !t_[c].has(kThat | kConj)) ++c;
      if (c < lim && is_cue(c)) j = c;
    }
    for (int skipped = 0; j < lim && skipped < 3; ++skipped) {
      if (t_[j].word() && (t_[j].has(kAux) || ly_adverb(j)) && !is_cue(j)) {
        ++j;
      } else {
        break;
      }
    }
    Span who = np;
    if (j >= lim || !is_cue(j)) {
      // "the bespectacled, 71-year-old diplomat said", "the Vermont senator
      // and Democratic presidential candidate said": a longer description.
      Idx m = np.e;
      while (m < lim && m - np.e < 12 && (t_[m].word() || t_[m].is(',')) && !is_cue(m) &&
             !t_[m].has(kThat | kPronoun | kBe)) {
        ++m;
      }
      if (m >= lim || !is_cue(m) || !t_[m - 1].word()) return false;
      j = m;
      who = {np.b, m};
    }
    a.speaker = who;
    a.cue = {j, j + 1};
  }
  if (sentence_closed) {
    // `"We won." He said the party…` starts a new sentence: accept only a
    // bare attribution ending the sentence.
    Idx j = std::max(a.cue.e, a.speaker.e);
    for (Idx n = 0; j < e && n < 6; ++j, ++n) {
      if (boundary_[j] != 0 || end_punct(t_[j])) break;
      if (t_[j].has(kThat | kClauseStart) || paired(t_[j])) return false;
    }
    if (j < e && !end_punct(t_[j]) && boundary_[j] == 0) return false;
  }
  out = a;
  return true;
}

// `X said: "…"` / `X said, "…"` / `According to X, "…"` / `Said X: "…"`
// in the tokens [s, open) before an opening mark.
bool Run::pre_attribution(Idx s, Idx open, Attr& out) const {
  Idx k = open - 1;
  if (k < s) return false;
  if (t_[k].is(':') || t_[k].is(',') || (t_[k].kind == TokKind::punct && t_[k].ch == '-')) {
    --k;
  } else if (!is_cue(k)) {
    return false;  // `described the talks as "…"`: the quote is part of a clause
  }
  // "As Steven Rosenthal recently put it, "…""
  if (k - 1 >= s && text_.substr(t_[k].b, t_[k].e - t_[k].b) == "it" &&
      text_.substr(t_[k - 1].b, t_[k - 1].e - t_[k - 1].b) == "put") {
    Attr a;
    if (backward_subject(k - 1, s, a)) {
      out = a;
      out.cue = {k - 1, k + 1};
      return true;
    }
  }
  for (Idx j = k; j >= s && k - j <= 14; --j) {
    const Tok& t = t_[j];
    if (paired(t) || boundary_[j] != 0) break;
    if (const Idx len = phrase_len(j, open); len != 0) {
      const Span np = forward_np(j + len, open);
      if (np.ok()) {
        out = {np, {}, {j, j + len}};
        return true;
      }
    }
    if (is_cue(j) || (t.word() && t.has(kCue) && j == s)) {
      // Between the verb and the mark only an addressee or a short adverbial
      // ("told reporters on Tuesday:"), not a clause of its own.
      // Before a colon an object may come too ("added a caveat:", "explained
      // it this way:"), unless it names what the quote is ("a new title to
      // his resume:", read as a title).
      const bool colon = t_[open - 1].is(':');
      bool plain = k - j <= 12;
      for (Idx m = j + 1; m <= k && plain; ++m) {
        plain = !t_[m].has(kThat) && !(t_[m].has(kPronoun) && !(colon && m == j + 1)) &&
                !(is_cue(m) && !t_[m].has(kNounToo));
      }
      if (plain && j < k && !colon && !t.has(kCueObj) && t_[j + 1].word() && t_[j + 1].has(kDet) &&
          !t_[j + 1].has(kTime)) {
        plain = false;
      }
      if (!plain) break;
      Attr a;
      if (subject_of(j, s, a) || relative_subject(j, s, a)) {
        // "One of his recent reads, ''…''": a noun, not a verb.
        if (t.has(kNounToo) && !person_like(a.name.ok() ? a.name : a.speaker)) break;
        out = a;
        return true;
      }
      // "…, said Wednesday:" with no subject in reach: the sentence's.
      const bool bare = j > s && !(t_[j - 1].word() && t_[j - 1].has(kThat));  // not "a shirt that read"
      if (bare && (j == k || (j + 1 == k && t_[k].has(kTime)))) {
        Idx b = sentence_start(j);
        while (b < j && !t_[b].word()) ++b;
        const Span np = forward_np(b, j);
        if (np.ok() && person_like(np)) {
          out = {np, {}, {j, j + 1}};
          return true;
        }
      }
      const Span np = forward_np(j + 1, open);
      if (np.ok()) {
        out = {np, {}, {j, j + 1}};
        return true;
      }
    }
  }
  return false;
}

// Attribution of a sentence with no direct quote: `According to X, …`,
// `…, X said.`, `…, he said, …`, `X said (that) …`. Gives the content tokens.
bool Run::sentence_attribution(Idx s, Idx e, Attr& out, Idx& cs, Idx& ce, double& conf) const {
  // "(She says so.)": a sentence in parentheses is read without them.
  if (e - s > 2 && t_[s].is('(') && t_[e - 1].is(')')) {
    ++s;
    --e;
  }
  while (e > s && (end_punct(t_[e - 1]) || t_[e - 1].is(','))) --e;
  if (e - s < 3) return false;
  // A headline's "Sanders: Brexit's message could draw Trump support".
  if (s + 2 < e && is_name_word(t_[s])) {
    Idx c = s;
    while (c < e && c - s < 4 && is_name_word(t_[c])) ++c;
    if (c < e && t_[c].is(':') && e - c > 3 && !t_[c + 1].in_quote() && (t_[c + 1].flags & kOpen) == 0) {
      out = {{s, c}, {}, {c, c + 1}};
      conf = kConfIndirect;
      cs = c + 1;
      ce = e;
      return true;
    }
  }
  // A headline in title case ("Trump Says He Will Win", "…, Graham Says"):
  // a capitalised speech verb is a cue there.
  bool headline = e - s >= 4 && e - s <= 30;
  for (Idx j = s; j < e && headline; ++j) {
    const Tok& t = t_[j];
    if (t.word() && t.e - t.b >= 4 && (t.flags & kDigit) == 0 && !t.cap()) headline = false;
  }
  auto cue_at = [&](Idx j) { return is_cue(j) || (headline && t_[j].word() && t_[j].has(kCue) && !t_[j].in_quote()); };
  // According to X, …  /  …, according to X.
  for (Idx j = s; j < e; ++j) {
    if (t_[j].in_quote()) continue;
    const Idx len = phrase_len(j, e);
    if (len == 0) continue;
    Span np = forward_np(j + len, e);
    // The source of "according to" need not be a person ("federal
    // statistics", "new filings with the FEC"): up to the next comma.
    Idx comma = j + len;
    while (comma < e && comma - j <= 14 && !t_[comma].is(',') && !paired(t_[comma])) ++comma;
    if (!np.ok() && comma > j + len && (comma >= e || t_[comma].is(','))) np = {j + len, comma};
    if (!np.ok()) continue;
    out = {np, {}, {j, j + len}};
    conf = kConfIndirectFinal;
    if (j <= s + 1) {
      Idx c = np.e;
      while (c < e && c - np.e < 6 && !t_[c].is(',')) ++c;
      if (c >= e) return false;
      cs = c + 1;
      ce = e;
    } else {
      cs = s;
      ce = j;
      if (ce > cs && t_[ce - 1].is(',')) --ce;
      // "By Sept. 30, according to new filings, the committee had spent
      // …": both sides of a medial source are content.
      if (comma < e && t_[comma].is(',') && j > s && t_[j - 1].is(',') && e - comma > 3) split_ = comma + 1;
    }
    return ce - cs >= 1 && (ce - cs >= 3 || split_ >= 0);
  }
  // As X reported, …
  if (t_[s].word() && text_.substr(t_[s].b, t_[s].e - t_[s].b) == "As") {
    const Span np = forward_np(s + 1, e);
    Idx j = np.ok() ? np.e : -1;
    while (j >= 0 && j < e && t_[j].word() && t_[j].has(kAux)) ++j;
    if (j >= 0 && j + 2 < e && is_cue(j) && t_[j + 1].is(',')) {
      out = {np, {}, {j, j + 1}};
      conf = kConfIndirectFinal;
      cs = j + 2;
      ce = e;
      return ce - cs >= 3;
    }
  }
  // "But as Clyburn noted, …", "A few weeks ago, as the paper reported,
  // …" (both sides), "…, as police have said.": an "as" clause of report
  // inside the sentence frames the rest of it.
  for (Idx j = s + 1; j + 2 < e; ++j) {
    const Tok& w = t_[j];
    // (most words are not "as": two bytes first)
    if (w.e - w.b != 2 || text_[w.b] != 'a' || text_[w.b + 1] != 's' || !w.word() || w.in_quote()) continue;
    const bool after_comma = t_[j - 1].is(',') || (t_[j - 1].kind == TokKind::punct && t_[j - 1].ch == '-');
    const bool lead = (j == s + 1 && t_[s].word() && t_[s].has(kConj)) || after_comma;
    if (!lead) continue;
    const Span np = forward_np(j + 1, e);
    if (!np.ok()) continue;
    Idx v = np.e;
    while (v < e && v - np.e < 3 && t_[v].word() && (t_[v].has(kAux) || ly_adverb(v)) && !t_[v].has(kPronoun)) ++v;
    if (v >= e || !(is_cue(v) || (t_[v].word() && !t_[v].cap() && t_[v].has(kCueIndirect) && !t_[v].has(kAttitude))) ||
        t_[v].has(kDirectOnly | kTakesNp)) {  // ("as they call each other": a naming)
      continue;
    }
    Idx c = v + 1;
    while (c < e && c - v <= 4 && t_[c].word() && t_[c].has(kTime | kPrep | kDet) && !t_[c].has(kThat)) ++c;
    const Attr a{np, {}, {v, v + 1}};
    const Idx before_e = after_comma ? j - 1 : j;
    if (c >= e && after_comma && before_e - s >= 3) {
      out = a;  // "…, as police have said."
      conf = kConfIndirectFinal;
      cs = s;
      ce = before_e;
      return true;
    }
    if (c < e && t_[c].is(',') && e - (c + 1) >= 3) {
      out = a;
      conf = kConfIndirectFinal;
      cs = c + 1;
      ce = e;
      if (after_comma) {
        Idx lb = s;
        if (t_[lb].word() && t_[lb].has(kConj)) ++lb;  // "And, as …": not the "And"
        if (before_e - lb >= 3) extra_.push_back({a, lb, before_e});
      }
      return true;
    }
  }
  // …, X said.  /  …, said X.  /  …, X said, …  ("Otherwise, she said, …")
  for (Idx c = s + 1; c < e - 1; ++c) {
    const Tok& t = t_[c];
    if (t.in_quote() || !(t.is(',') || (t.kind == TokKind::punct && t.ch == '-'))) continue;
    Attr a;
    Idx tail = -1;
    if (cue_at(c + 1) && !t_[c + 1].has(kDirectOnly)) {
      const Span np = forward_np(c + 2, e);
      // "Mike Morrell, a veteran of the CIA who retired in 2013, said the
      // approach is insufficient": a name and its appositive before the
      // verb are its subject, not a clause it reports.
      Idx fb = s;
      while (fb < c && !t_[fb].word()) ++fb;
      const Span lead = forward_np(fb, c);
      const bool appositive = lead.ok() && lead.e < c && t_[lead.e].is(',') && names_person(lead);
      if (np.ok() && !appositive) {
        a = {np, {}, {c + 1, c + 2}};
        tail = np.e;
        // "…, said Doyle and others, would be …"
        if (tail + 1 < e && word_is(tail, "and")) {
          const Span more = word_is(tail + 1, "others") ? Span{tail + 1, tail + 2} : forward_np(tail + 1, e);
          if (more.ok()) {
            a.speaker.e = more.e;
            tail = more.e;
          }
        }
      }
    }
    if (tail < 0) {
      const Span np = forward_np(c + 1, e);
      if (!np.ok()) continue;
      Idx j = np.e;
      for (int skipped = 0; j < e && skipped < 3 && t_[j].word() && (t_[j].has(kAux) || ly_adverb(j)); ++skipped) ++j;
      // "…, he smiled." reports nothing; "…, they believe, …" does.
      const bool belief = j < e && t_[j].word() && !t_[j].cap() && !t_[j].in_quote() && t_[j].has(kCueIndirect) &&
                          !t_[j].has(kAttitude);
      if (j >= e || !(cue_at(j) || belief) || t_[j].has(kDirectOnly)) continue;
      a = {np, {}, {j, j + 1}};
      tail = j + 1;
      // "…, Ash Carter told a Senate panel Wednesday.", "Instead, Trump
      // told CNN, his policy …": the addressee belongs to the cue.
      if (t_[j].has(kCueObj) && tail < e && t_[tail].word()) {
        if (t_[tail].has(kObject)) {
          ++tail;
        } else if (const Span obj = forward_np(tail, e); obj.ok()) {
          tail = obj.e;
        }
      }
    }
    // Only a short tail may follow ("said on Tuesday"), or a comma that
    // closes a parenthetical attribution.
    bool medial = false;
    bool ok = true;
    // Only an adverbial may follow the verb ("said on Tuesday", "said
    // Wednesday", "told reporters"), never a clause ("said he would…").
    const bool relative =
        tail < e && t_[tail].word() && !t_[tail].cap() && (text_.substr(t_[tail].b, t_[tail].e - t_[tail].b) == "who");
    // ("…, political analysts say; in 2012, …": a semicolon ends the clause)
    const bool semicolon = tail < e && t_[tail].is(';');
    if (semicolon) e = tail;
    if (tail < e && !t_[tail].is(',') && !relative &&
        !(t_[tail].word() && !t_[tail].cap() && t_[tail].has(kPrep | kTime | kObject)) &&
        !(t_[tail].word() && t_[tail].has(kTime))) {
      continue;
    }
    // "When Ryan said he would …, Trump responded by …": the last verb
    // answers the clause, it does not report it.
    bool subordinate = false;
    if (t_[s].word() && t_[s].cap() && t_[s].has(kConj) && !t_[s].has(kThat)) {
      const std::string_view w = text_.substr(t_[s].b, t_[s].e - t_[s].b);
      subordinate = w != "And" && w != "But" && w != "Or" && w != "So" && w != "Yet";
    }
    for (Idx j = relative ? e : tail; j < e; ++j) {
      const Tok& x = t_[j];
      if (x.is(',') || paired(x)) {
        medial = x.is(',');
        ok = x.is(',');
        break;
      }
      // "…, say the bulk of ground troops should be …": after an inverted
      // verb, a finite verb makes the phrase a subject, not the speaker.
      const bool finite = a.cue.b < a.speaker.b && x.word() && !x.cap() && (x.has(kBe) || modal(j));
      if (j - tail >= 14 || x.has(kThat | kCue) || x.in_quote() || finite) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // "If politics gets in the way, he said, Congress can …" reports both
    // sides; a final verb after a subordinate clause does not.
    // ("Though X boasts of Y, there is no link, scientists say.": the main
    // clause after the subordinate one is the content.)
    Idx main_b = -1;
    if (subordinate && !medial) {
      for (Idx m = s + 2; m < c - 2; ++m) {
        if (t_[m].in_quote() || paired(t_[m])) break;
        if (t_[m].is(',')) main_b = m + 1;  // the last comma: "leaning, but not sold, on her, …"
      }
      if (main_b < 0 || c - main_b < 3) continue;
    }
    if (medial && a.cue.b < a.speaker.b) {
      // "…, said Alan Abramowitz, a demographer at Emory University.": what
      // follows the speaker's comma describes the speaker, it is not said.
      Idx after = tail;
      while (after < e && !t_[after].is(',')) ++after;
      const Idx n = after + 1;
      // ("…, said Angie Holan, Politifact's editor." too: a name with a
      // possessive is a description.)
      const bool possessive_name = n < e && is_name_word(t_[n]) && surname(n).size() != t_[n].e - t_[n].b;
      if (n < e && t_[n].word() && (!t_[n].cap() || possessive_name) &&
          (t_[n].has(kDet | kRole) || (t_[n].flags & kDigit) != 0 ||
           !t_[n].has(kPronoun | kClauseStart | kThat | kConj))) {
        // A verb-like word right after the subject would make it a clause;
        // one after a relative word belongs to a relative clause ("a union
        // that has broken away").
        bool clause = false;
        for (Idx m = n; m < e && m - n < 12 && !clause; ++m) {
          if (word_is(m, "who") || word_is(m, "that") || word_is(m, "which")) break;
          clause = t_[m].has(kAux | kBe);
        }
        if (!clause) medial = false;
      }
    }
    out = a;
    conf = kConfIndirectFinal;
    cs = main_b >= 0 ? main_b : s;
    ce = c;
    if (medial) {
      // "Russia, he said, would…": the content is both sides of the cue.
      Idx after = tail;
      while (after < e && !t_[after].is(',')) ++after;
      split_ = after + 1 < e ? after + 1 : -1;
      ce = c;
      return ce > cs;
    }
    return ce - cs >= 3;
  }
  // X said (that) …  — every such clause of the sentence; each content
  // runs to the next one's speaker.
  struct Hit {
    Attr a;
    Idx cs;
    Idx rel = -1;  ///< "which she said was …": the relative word, content too
    Idx one = 0;  ///< a short content of this many words ("attacked Romney", "said so", "said the same")
  };
  std::vector<Hit> hits;
  for (Idx j = s; j < e - 1; ++j) {
    const Tok& t = t_[j];
    // "Noting he majored in philosophy, Allen said …": a participle may
    // open the sentence.
    const bool opening_participle =
        j == s && t.e - t.b > 5 && text_.substr(t.e - 3, 3) == "ing" && t_[j + 1].word() && !t_[j + 1].has(kPrep);
    if (!t.word() || (t.cap() && !opening_participle && !headline) || t.in_quote() || !t.has(kCue | kCueIndirect) ||
        t.has(kDirectOnly)) {
      continue;
    }
    if (adds_quantity(j, e)) continue;
    // "His 32% support gives him …", "whose support she will need": an
    // attitude word after a determiner, a possessive or a share is a noun.
    // (Not a headline's "Trump's Support …", nor a noun cue with its
    // phrase: "Sanders's critique of …".)
    if (t.has(kAttitude) && j > s && !t.cap() && j + 1 < e && !(t_[j + 1].word() && t_[j + 1].has(kPrep | kThat)) &&
        !(t.e - t.b > 4 && text_.substr(t.e - 3, 3) == "ing") &&
        !(t.e - t.b > 3 && text_.substr(t.e - 2, 2) == "ed")) {
      const Tok& pv = t_[j - 1];
      bool det = false;
      for (const std::string_view w : {"a", "an", "the", "his", "their", "its", "our", "my", "your", "whose"}) {
        det = det || word_is(j - 1, w);
      }
      if (pv.is('%') || (pv.word() && (det ||
                                       (surname(j - 1).size() != pv.e - pv.b && !word_is(j - 1, "'s") && pv.cap())))) {
        continue;
      }
    }
    // ("was told" is a passive; "is hoping", "were saying" are not.)
    const bool progressive = t.e - t.b > 4 && text_.substr(t.e - 3, 3) == "ing";
    if (j > s && t_[j - 1].word() && t_[j - 1].has(kBe) && !progressive) continue;
    // ("was first reported by": a passive with an adverb in between)
    if (!progressive && passive(j, s)) continue;
    // "took the stage to acknowledge his victory": an infinitive reports its
    // object too, with no speaker of its own.
    const bool infinitive = j > s && word_is(j - 1, "to") && !t.has(kNounToo) && (t.flags & kEndsInS) == 0;
    if (j > s && text_.substr(t_[j - 1].b, 2) == "to" && !infinitive) continue;
    Attr a;
    if (opening_participle) {
      // The speaker is the main clause's subject, after the comma.
      a.cue = {j, j + 1};
      Idx c = j + 1;
      while (c < e && c - j <= 30 && !t_[c].is(',') && !paired(t_[c])) ++c;
      if (c < e && t_[c].is(',')) {
        const Span np = forward_np(c + 1, e);
        if (np.ok() && person_like(np)) a.speaker = np;
      }
    } else if (infinitive) {
      a.cue = {j, j + 1};
    } else if (!subject_of(j, s, a) && !relative_subject(j, s, a)) {
      // No subject in reach ("Jillian Chase, 27, a Tinder user in New York,
      // said …", "those surveyed said …"): a plain speech verb still reports
      // its clause, with no speaker.
      if (j == s) continue;  // (before t_[j - 1]: j may be the first token of the text)
      const Tok& pv = t_[j - 1];
      // A relative word ("a radio program who said …") or a share ("47%
      // say …") may stand for the subject.
      // A second verb of its clause ("… and accused Obama of …") or an
      // adverb ("hasn't yet endorsed") keeps a reading without a speaker.
      const bool relative_or_share = word_is(j - 1, "who") || word_is(j - 1, "that") || word_is(j - 1, "which") ||
                                     pv.is('%') || (pv.word() && (pv.flags & kDigit) != 0) ||
                                     word_is(j - 1, "and") || word_is(j - 1, "yet");
      // ("those describing themselves as …": a reflexive object marks the verb)
      // ("And records show a different project …": a verb that is also a
      // noun, used as a verb after a bare plural noun; not "give states a
      // reprieve", "probe claims Clinton made".)
      const bool as_verb = j + 1 < e && (t.flags & kEndsInS) == 0 && pv.word() && !pv.cap() &&
                           !pv.has(kDet | kPrep | kConj | kAux | kPronoun) &&
                           t_[j + 1].word() && (t_[j + 1].cap() || t_[j + 1].has(kDet) || (t_[j + 1].flags & kDigit) != 0);
      if (((t.has(kNounToo) && !as_verb) || j == s || !(pv.word() || pv.is(',') || relative_or_share) ||
           (pv.word() && pv.has(kDet | kPrep | kThat | kConj) && !relative_or_share)) &&
          !reflexive(j + 1)) {
        continue;
      }
      a = {};
      a.cue = {j, j + 1};
    }
    // "a fundraising email stressing…": a noun, not a verb.
    // ("records show a different project", "the average of polls shows
    // Clinton leading": a verb after a noun, with a clause or phrase after it.)
    const bool verb_use = j > s && j + 1 < e && t_[j - 1].word() && !t_[j - 1].has(kDet | kPrep | kConj | kAux) &&
                          t_[j + 1].word() && (t_[j + 1].cap() || t_[j + 1].has(kDet) || (t_[j + 1].flags & kDigit) != 0);
    if (a.ok() && t.has(kNounToo) && !person_like(a.name.ok() ? a.name : a.speaker) && !verb_use) continue;
    // "a company called Cambridge Analytica", "a band named Sophistafunk":
    // a thing just introduced and its name, no naming by anyone.
    if (a.ok() && j + 1 < e && t_[j + 1].cap() && (word_is(j, "called") || word_is(j, "named") || word_is(j, "dubbed")) &&
        (word_is(a.speaker.b, "a") || word_is(a.speaker.b, "an") || word_is(a.speaker.b, "A") ||
         word_is(a.speaker.b, "An"))) {
      continue;
    }
    if (a.speaker.e - a.speaker.b == 1) {
      // The writer's own "I think", "you know" are not reported speech.
      const std::string_view w = text_.substr(t_[a.speaker.b].b, t_[a.speaker.b].e - t_[a.speaker.b].b);
      if (w == "I" || w == "you" || w == "You") continue;
    }
    Idx k = j + 1;
    Idx object_b = -1;
    if (t.has(kCueObj)) {
      if (k < e && t_[k].word() && t_[k].has(kObject)) {
        ++k;
      } else if (const Span obj = forward_np(k, e); obj.ok()) {
        // (only an object that closes the clause: not "asked the mayor why
        // …", "told the story in his book")
        if (!person_like(obj) && (obj.e >= e || t_[obj.e].is(','))) object_b = k;
        k = obj.e;
      }
    }
    Idx start = -1;
    // "said that …", "said on Tuesday that …", "said, however, that …":
    // only an adverbial may come before the "that"; a clause already
    // begun ("said the test could change that") has its own.
    const bool adverbial_first =
        k < e && (t_[k].is(',') || (t_[k].word() && t_[k].has(kTime)) ||
                  (t_[k].word() && !t_[k].cap() &&
                   (t_[k].has(kPrep | kAux) || ly_adverb(k) || word_is(k, "out") || word_is(k, "up") ||
                    word_is(k, "back"))));  // ("pointed out that")
    for (Idx m = k; m < e && m - k <= 16; ++m) {  // ("said Thursday during a taping of …, that")
      const Tok& x = t_[m];
      if (x.has(kThat) && x.word() && !x.cap()) {
        start = m;
        break;
      }
      if (m == k && !adverbial_first) break;
      if (x.word() && !x.cap() && (x.has(kBe) || modal(m) || (x.has(kPronoun) && !x.has(kDet | kObject)))) break;
      if (paired(x) || x.has(kCue) || x.is(':') || x.is(';')) break;
    }
    // `described it as "…"`, `called the plan "…"`: a quote right after.
    if (start < 0 && k + 1 < e && (t_[k + 1].flags & kOpen) != 0 && t_[k].word() && t_[k].has(kPrep)) start = k + 1;
    // "said on Tuesday he would…", "declared in an interview Sanders' plan
    // would…": an adverbial before the clause.
    if (start < 0 && k < e && t_[k].word() && !t_[k].cap() && t_[k].has(kPrep) && t.has(kCue)) {
      bool det = false;
      for (Idx m = k + 1; m < e && m - k <= 5 && t_[m].word(); ++m) {
        if (t_[m].has(kPersonPronoun) || (t_[m].has(kPronoun) && !t_[m].has(kDet | kObject))) {
          start = m;
          break;
        }
        if (det && is_name_word(t_[m]) && !is_name_word(t_[m - 1])) {
          start = m;
          break;
        }
        if (t_[m].has(kPrep) && !t_[m].cap()) break;  // "called for a ban on Muslims": a phrase, no clause
        det |= t_[m].has(kDet);
      }
    }
    if (start < 0 && k < e) {
      const Tok& x = t_[k];
      bool clause =
          (x.word() && (x.has(kClauseStart | kDet) || (x.cap() && !x.has(kTime | kPrep)) || (x.flags & kDigit) != 0)) ||
          (x.flags & kOpen) != 0;
      // After a plain speech verb almost any word starts the reported
      // clause ("said legalizing it could…"), and an attitude's object
      // ("support background checks"); a belief verb needs more.
      if (!clause && t.has(kCue | kAttitude) && x.word() && !x.has(kPrep | kTime | kConj | kAux | kBe | kCue | kObject)) {
        clause = true;
      }
      // An attitude's pronoun object with more after it ("accused him of
      // lying"), a speech verb's object and its predicate ("called him
      // divisive"): both content.
      if (!clause && x.word() && x.has(kObject) && !x.has(kPronoun | kDet) && k + 1 < e && t_[k + 1].word() &&
          !t_[k + 1].cap() && !t_[k + 1].has(kThat | kConj) && !word_is(k + 1, "to") &&
          (t.has(kAttitude) || (t.has(kCue) && !t.has(kCueObj) && !t_[k + 1].has(kPrep | kTime)))) {
        clause = true;
      }
      // "says long lines kept many away", "said only a few came": an adverb
      // of the auxiliary class may start the clause when a word follows.
      if (!clause && t.has(kCue) && x.word() && !x.cap() && x.has(kAux) && !x.has(kBe | kTime | kConj) && !modal(k) &&
          k + 1 < e && t_[k + 1].word() && !t_[k + 1].has(kThat | kPrep) && !word_is(k, "not")) {
        clause = true;
      }
      if (clause) start = k;
    }
    // "urged a strong stand": a verb of addressing whose object is no
    // person reports that object.
    if (start < 0 && object_b >= 0) start = object_b;
    // "called him "the leading proponent of amnesty"": an object, then the
    // quotation.
    if (start < 0 && t.has(kCue) && k + 1 < e && t_[k].word() && t_[k].has(kObject) && opens_double(t_[k + 1])) {
      start = k;
    }
    // "calling himself a Democrat", "describing themselves as conservative"
    // (not "found himself in …", which reports nothing)
    const bool finds = word_is(j, "found") || word_is(j, "find") || word_is(j, "finds") || word_is(j, "finding");
    if (start < 0 && k < e && reflexive(k) && k + 1 < e && t_[k + 1].word() && !finds) start = k;
    if (start >= 0 && t.has(kTakesNp) && !t_[start].has(kThat) && !reflexive(start)) {
      // "called the plan a mistake" reports nothing; "called it "a disaster"" does.
      bool quoted = false;
      for (Idx m = start; m < e && !quoted; ++m) quoted = (t_[m].flags & kOpen) != 0;
      if (!quoted) start = -1;
    }
    // "emails, which she said represented all her work", "a deadline that
    // insiders said went unnoticed": the clause's subject is the relative
    // word before the speaker; both it and the verb phrase are content.
    Idx rel = -1;
    // The clause may also start with its verb ("which they say left a
    // vacuum"): a lower-case word that cannot begin a subject.
    const bool verb_next = k < e && t_[k].word() && !t_[k].cap() &&
                           (t_[k].has(kBe) || modal(k) ||
                            ((start < 0 || start == k) &&
                             !t_[k].has(kDet | kPronoun | kPrep | kConj | kThat | kTime | kClauseStart | kObject) &&
                             (t_[k].flags & kDigit) == 0));
    if ((start < 0 || start == k) && a.ok() && (t.has(kCue) || (t.has(kCueIndirect) && !t.has(kAttitude))) &&
        verb_next && a.speaker.b > s) {
      const Idx r = a.speaker.b - 1;
      if (word_is(r, "which") || word_is(r, "who") || word_is(r, "where")) rel = r;
      // "that" is a relative word after a noun, not after a verb of report
      // ("implying that they expect …").
      if (word_is(r, "that") && r > s && !(t_[r - 1].word() && t_[r - 1].has(kCue | kCueIndirect | kThatCue))) rel = r;
      // A quotation inside such a clause is mostly a scare quote ("that it
      // says will protect us from "rogue states""), not the speaker's words.
      for (Idx m = k; rel >= 0 && m < e; ++m) {
        if ((t_[m].flags & kOpen) != 0) rel = -1;
      }
      if (rel >= 0) start = k;
      // "a step they believe could help unify the party", "a probe the
      // agency said was ongoing": with no relative word, the verb phrase
      // after the cue is still its content.
      // (not when the clause holds a quotation: "that it says will protect us
      // from "rogue states"", as above)
      bool quoted = false;
      for (Idx m = k; rel < 0 && start < 0 && m < e && !quoted; ++m) quoted = (t_[m].flags & kOpen) != 0;
      if (rel < 0 && start < 0 && k + 1 < e && (t_[k].has(kBe) || modal(k)) && !quoted) start = k;
    }
    // "the mine, which Clarke says he is doing everything to keep open":
    // a relative word before the speaker of a clause is content too.
    if (rel < 0 && start >= 0 && a.ok() && t.has(kCue) && a.speaker.b > s && a.speaker.b - 1 >= s &&
        (word_is(a.speaker.b - 1, "which") || word_is(a.speaker.b - 1, "what") || word_is(a.speaker.b - 1, "whom")) &&
        !(a.speaker.b - 2 >= s && t_[a.speaker.b - 2].word() && t_[a.speaker.b - 2].has(kPrep))) {
      rel = a.speaker.b - 1;
    }
    // A one-word object: a name or a pronoun after an attitude ("attacked
    // Romney,", "opposed it"), "so", "yes", "it" after a speech verb
    // ("said so in December"), when the clause ends or an adverbial follows.
    Idx one = 0;
    if (rel < 0 && k < e && (start < 0 || start == k) && t_[k].word() && !t_[k].in_quote() &&
        (a.ok() || t.has(kAttitude))) {
      // "said the same", "said as much": two words.
      const bool pair = k + 1 < e && t.has(kCue) &&
                        ((word_is(k, "the") && word_is(k + 1, "same")) || (word_is(k, "as") && word_is(k + 1, "much")));
      const Idx n = k + (pair ? 2 : 1);
      const bool ends = n >= e || (t_[n].kind == TokKind::punct && !t_[n].is('('));
      const bool closes = ends || (t_[n].word() && !t_[n].cap() && t_[n].has(kPrep | kTime | kConj) &&
                                   !t_[n].has(kThat) && !word_is(n, "of") && !word_is(n, "to"));
      const bool pron = word_is(k, "it") || word_is(k, "this") || word_is(k, "that") || word_is(k, "them") ||
                        word_is(k, "him") || word_is(k, "her");
      if (pair) {
        one = closes ? 2 : 0;
      } else if (ends && t.has(kAttitude)) {
        one = (pron || (is_name_word(t_[k]) && surname(k).size() == t_[k].e - t_[k].b)) ? 1 : 0;
      } else if (closes && t.has(kCue) && !t.has(kCueObj)) {
        one = (word_is(k, "so") || word_is(k, "yes") || word_is(k, "no") || word_is(k, "it")) ? 1 : 0;
      }
      if (one != 0) start = k;
    }
    // "Rubio says, win or lose, he is staying": after a speech verb and a
    // comma that is no medial attribution, the rest is the content.
    // (Not after a subordinate clause: "After the union objected, the case
    // was moved"; nor before a phrase: "responded, with ads …".)
    if (start < 0 && k + 2 < e && t_[k].is(',') && t.has(kCue) && a.ok() && a.speaker.e <= j && t_[k + 1].word() &&
        !t_[k + 1].in_quote() && !t_[k + 1].has(kConj | kPrep | kCue | kCueIndirect) &&
        !(t_[k + 1].e - t_[k + 1].b > 4 && text_.substr(t_[k + 1].e - 3, 3) == "ing") &&  // "testified, noting …"
        !(t_[s].word() && t_[s].cap() && t_[s].has(kConj | kPrep) && !word_is(s, "And") && !word_is(s, "But"))) {
      start = k + 1;
    }
    if (start < 0) continue;
    // (An attitude's, a speech or a belief verb's object may be two words:
    // "has long opposed the tax.", "blasted the statement.". Only as the sentence's
    // first reading: "noting that, contrary to her claims, he saw the guns"
    // stays one content.)
    if (e - start < (t.has(kAttitude | kCue | kCueIndirect) && start == k && hits.empty() ? 2 : 3) && rel < 0 && one == 0) {
      continue;
    }
    hits.push_back({a, start, rel, one});
    j = start;
  }
  if (hits.empty()) return false;
  extra_.clear();
  bool first = true;
  ce = cs;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    Idx end = e;
    for (std::size_t nh = h + 1; nh < hits.size(); ++nh) {
      // A coordinated clause ("…, and said …", "…, saying …", "…, who
      // said …") ends this content; a nested one ("that he knows that …")
      // stays inside it and is reported too.
      const Attr& nx = hits[nh].a;
      // The clause starts at its subject when that stands inside this
      // content, else at its verb ("…, saying", whose subject came first).
      // ("they do not believe": "not" is no conjunction here.)
      const bool has_speaker = nx.speaker.ok();
      const Idx from =
          (has_speaker && nx.speaker.b > hits[h].cs && nx.speaker.b < nx.cue.b) ? nx.speaker.b : nx.cue.b;
      const Tok& before = t_[from - 1];
      const bool conj_before = before.word() && before.has(kConj) && coordinator(from - 1);
      // (An -ing word right after a word of this content, its speaker read
      // before it, is no clause of its own: "proposed a joint advance
      // warning system and …", "backed a group warning of …".)
      const Tok& nc = t_[nx.cue.b];
      // The clause after it decides.
      if (has_speaker && nx.speaker.b < hits[h].cs && from == nx.cue.b && before.word() && !conj_before &&
          nc.e - nc.b > 4 && text_.substr(nc.e - 3, 3) == "ing") {
        continue;
      }
      bool coordinated = before.is(',') || before.is(';') || conj_before ||
                         (has_speaker && (nx.speaker.b > nx.cue.b || nx.speaker.b < hits[h].cs));
      Idx cut = from;
      if (!coordinated && has_speaker) {
        // "she said her decision was a mistake, at the town hall this week
        // she said …": a comma shortly before a new subject and its verb.
        for (Idx m = from - 1; m > hits[h].cs && from - m <= 8; --m) {
          if (t_[m].in_quote() || paired(t_[m])) break;
          if (t_[m].is(',')) {
            coordinated = true;
            cut = m;
            break;
          }
        }
      }
      if (coordinated) {
        end = cut;
        while (end > hits[h].cs && (t_[end - 1].is(',') || (t_[end - 1].has(kConj) && coordinator(end - 1)))) {
          --end;
        }
      }
      break;
    }
    if (t_[hits[h].a.cue.b].has(kAttitude)) {
      // "supported NAFTA, which caused …": an attitude's object is a phrase.
      // A list goes on ("questioned his tactics, his judgment and his very
      // decency"): a comma before another noun phrase, with "and" or "or"
      // to come before any verb.
      auto list_goes_on = [&](Idx m) {
        if (m + 1 >= end || !t_[m + 1].word() || !(t_[m + 1].has(kDet) || is_name_word(t_[m + 1]))) return false;
        for (Idx n = m + 1; n < end; ++n) {
          if (word_is(n, "and") || word_is(n, "or")) return true;
          if (t_[n].has(kAux | kBe | kThat | kCue | kCueIndirect) || word_is(n, "which") || word_is(n, "who")) {
            return false;
          }
        }
        return false;
      };
      for (Idx m = hits[h].cs + 1; m < end; ++m) {
        if (t_[m].in_quote() || paired(t_[m])) continue;
        if ((t_[m].is(',') && !list_goes_on(m) && !examples_follow(m, end)) ||
            (t_[m].kind == TokKind::punct && t_[m].ch == '-')) {
          end = m;
          break;
        }
      }
    }
    if (hits[h].one != 0) end = std::min(end, hits[h].cs + hits[h].one);
    if (end - hits[h].cs < (hits[h].one != 0 ? 1 : 2)) continue;
    if (first) {
      out = hits[h].a;
      cs = hits[h].cs;
      ce = end;
      first = false;
    } else {
      extra_.push_back({hits[h].a, hits[h].cs, end});
    }
  }
  for (const Hit& h : hits) {
    if (h.rel >= 0) extra_.push_back({h.a, h.rel, h.rel + 1});
  }
  conf = kConfIndirect;
  return !first;
}

}  // namespace docpipe::quotes::detail
