// Run: indirect readings from a cue word's complement (`conceded that …`,
// `urged Congress to …`, raising cues), object gaps and embedded posts.

#include "detail/run.hpp"

namespace docpipe::quotes::detail {

// Where a complement that starts at `from` ends: the sentence end, a comma
// (what follows one is mostly a clause of the sentence, not of the content),
// a semicolon, a dash, a quote or attribution already taken.
Idx Run::clause_end(Idx from, Idx e) const {
  Idx j = from;
  // "that, contrary to his claims, he …", "that without a thriving economy,
  // we will …": a that-clause's fronted phrase ends at a comma that does
  // not end the clause.
  if (from + 2 < e && t_[from].has(kThat) &&
      ((t_[from + 1].word() && t_[from + 1].has(kPrep | kConj)) || t_[from + 1].is(','))) {
    Idx c = from + 2;
    while (c < e && c - from <= 15 && !t_[c].is(',') && owned_[c] == 0) ++c;
    if (c < e && t_[c].is(',')) j = c + 1;
  }
  for (; j < e; ++j) {
    const Tok& t = t_[j];
    if (t.is(',') && examples_follow(j, e)) continue;
    if (owned_[j] != 0 || t.is(';') || t.is(',') || (t.kind == TokKind::punct && t.ch == '-' && j > from)) break;
  }
  while (j > from && (end_punct(t_[j - 1]) || t_[j - 1].is(',') || t_[j - 1].is(':'))) --j;
  return j;
}

// The subject of the verb at `v` as content ("the race seemed …"): back over
// auxiliaries and adverbs, then to the clause's start (the sentence start, a
// conjunction, a relative pronoun, which is kept: "which the Senate is
// expected to …"), hopping over one appositive in commas.
Span Run::clause_subject(Idx v, Idx s) const {
  Idx i = v - 1;
  while (i >= s && t_[i].word() && (t_[i].has(kAux | kBe) || ly_adverb(i)) && !t_[i].has(kPronoun)) --i;
  if (i < s) return {};
  const Idx end = i + 1;
  bool hopped = false;
  for (; i >= s && end - i <= 30; --i) {
    const Tok& t = t_[i];
    if (t.is(',') && !hopped && i + 1 == end) {
      // "The central bank, which has held rates near zero, is expected to":
      // the appositive belongs to the subject.
      Idx c = i - 1;
      while (c >= s && !t_[c].is(',') && boundary_[c] == 0 && end - c <= 30) --c;
      if (c < s || !t_[c].is(',')) return {};
      hopped = true;
      i = c;
      continue;
    }
    if (!t.word() || t.in_quote() || owned_[i] != 0) break;
    if (t.has(kConj) && !t.cap()) {
      if (word_is(i, "which") || word_is(i, "who")) --i;
      break;
    }
    if (t.has(kThat) && !t.cap()) {
      --i;  // "a role that is expected to": "a role that"
      break;
    }
    if (t.has(kCue | kCueIndirect) && !t.cap() && i + 1 < end) break;  // "said the race seemed"
  }
  const Idx b = i + 1;
  if (b >= end) return {};
  return {b, end};
}

bool Run::reported(Offset b, Offset e, std::size_t first_found) const {
  for (std::size_t k = found_.size(); k-- > first_found;) {
    const Found& f = found_[k];
    const Offset ov = std::min(e, f.e) > std::max(b, f.b) ? std::min(e, f.e) - std::max(b, f.b) : 0;
    if (2 * ov >= std::max(e - b, f.e - f.b)) return true;
  }
  return false;
}

void Run::add_complement(Idx b, Idx e, const Attr& a, double conf, std::size_t bi, std::size_t first_found) {
  if (e <= b || reported(t_[b].b, t_[e - 1].e, first_found)) return;
  add_indirect(b, e, a, conf, conf, bi);
}

void Run::add_indirect(Idx b, Idx e, const Attr& a, double conf, double mixed_conf, std::size_t bi) {
  // A parenthesis closing the content is an aside of the writer's: "… the
  // Senate (where Republicans hold 54 seats)".
  if (e - b > 3 && t_[e - 1].is(')')) {
    Idx p = e - 2;
    while (p > b && e - p <= 16 && !t_[p].is('(') && !t_[p].is(')')) --p;
    if (p > b + 1 && t_[p].is('(')) {
      e = p;
      while (e > b + 1 && (t_[e - 1].is(',') || (t_[e - 1].kind == TokKind::punct && t_[e - 1].ch == '-'))) --e;
    }
  }
  bool marks = false;
  for (Idx j = b; j < e; ++j) marks |= opens_double(t_[j]);
  // A partial quote nobody is found to speak is left out (mostly a scare
  // quote inside a reading of the writer's own).
  if (!(marks ? opt_.mixed && a.ok() : opt_.indirect)) return;
  Found f;
  f.b = t_[b].b;
  f.e = t_[e - 1].e;
  f.kind = marks ? QuoteKind::mixed : QuoteKind::indirect;
  f.attr = a;
  f.confidence = marks ? mixed_conf : conf;
  f.block = static_cast<std::uint32_t>(bi);
  f.unattributed_ok = true;
  found_.push_back(std::move(f));
}

// "the deal she once supported", "which Clinton conceded when polls
// closed", "what the campaign now hopes": a speech or attitude verb whose
// object is missing (the clause ends, or an adverbial follows) has it
// before its subject, as a relative word or, after a pronoun subject, a
// noun phrase; that word or phrase is the content.
void Run::object_gap(Idx j, Idx s, Idx e, std::size_t bi, std::size_t first_found) {
  const Idx k = j + 1;
  if (k < e) {
    const Tok& x = t_[k];
    const bool ends = x.kind == TokKind::punct && !x.is(':') && !x.is('(');
    const bool adverbial = x.word() && !x.cap() && x.has(kPrep | kTime | kConj) && !x.has(kThat) &&
                           !word_is(k, "to") && !word_is(k, "of") && !word_is(k, "like");
    if (!(ends || adverbial)) return;
  }
  Idx i = j - 1;
  while (i >= s && j - i <= 4 && t_[i].word() && !t_[i].has(kPronoun) && (t_[i].has(kAux) || ly_adverb(i))) --i;
  if (i < s || !t_[i].word() || t_[i].in_quote() || owned_[i] != 0) return;
  Span subj;
  const bool pronoun = t_[i].has(kPronoun) && !t_[i].has(kDet);
  if (pronoun) {
    if (word_is(i, "I") || word_is(i, "you") || word_is(i, "You") || word_is(i, "it") || word_is(i, "It")) return;
    subj = {i, i + 1};
  } else {
    subj = backward_core(i + 1, s);
    if (!subj.ok() || !names_person(subj)) return;
  }
  const Idx r = subj.b - 1;
  if (r < s || !t_[r].word() || t_[r].cap() || t_[r].in_quote() || owned_[r] != 0) return;
  Idx b = -1;
  if (word_is(r, "which") || word_is(r, "whom") || word_is(r, "what") || word_is(r, "who")) {
    // Not "in which he joked": the relative word is a preposition's object.
    if (r > s && t_[r - 1].word() && t_[r - 1].has(kPrep)) return;
    b = r;
  } else if (pronoun || appositive_np(r, s)) {
    // "the increase he seeks", "a deal she once supported", ", an
    // arrangement the Sanders campaign has criticized"
    constexpr std::uint32_t kClosed =
        kCue | kCueIndirect | kAux | kBe | kPrep | kConj | kThat | kPronoun | kTime | kObject | kDet;
    if (t_[r].has(kClosed) || (t_[r].flags & kDigit) != 0 || ly_adverb(r)) return;
    b = r;
    for (Idx m = r - 1; m >= s && r - m < 5 && t_[m].word() && !t_[m].cap() && !t_[m].in_quote(); --m) {
      if (t_[m].has(kDet) && !t_[m].has(kPronoun)) {
        b = m;
        break;
      }
      if (t_[m].has(kClosed) || ly_adverb(m)) break;
      b = m;
    }
  }
  if (b < 0) return;
  add_complement(b, r + 1, {subj, {}, {j, j + 1}}, kConfIndirect, bi, first_found);
}

void Run::embedded_posts() {
  constexpr std::string_view kOpenTag = "<tweet";
  constexpr std::string_view kCloseTag = "</tweet>";
  constexpr std::string_view kAuthor = "author=\"";
  std::size_t at = text_.find(kOpenTag);
  while (at != std::string_view::npos) {
    const std::size_t gt = text_.find('>', at);
    if (gt == std::string_view::npos) return;
    const std::size_t close = text_.find(kCloseTag, gt);
    if (close == std::string_view::npos) return;
    // The post's text, without the white space at its ends.
    auto b = static_cast<Offset>(gt + 1);
    auto e = static_cast<Offset>(close);
    while (b < e && (text_[b] == ' ' || text_[b] == '\n')) ++b;
    while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '\n')) --e;
    // (Not a post that only quotes someone else or a headline: "“Very good
    // reporter”–@realDonaldTrump", "BREAKING: …".)
    const std::string_view body = text_.substr(b, e > b ? e - b : 0);
    const bool quotes_other = body.rfind("\xE2\x80\x9C", 0) == 0 || body.rfind("\"", 0) == 0;
    const bool shouted_lead = body.size() > 9 && body.find(':') != std::string_view::npos && body.find(':') < 12 &&
                              body[0] >= 'A' && body[0] <= 'Z' && body[1] >= 'A' && body[1] <= 'Z';
    if (e > b && !quotes_other && !shouted_lead) {
      Found f;
      f.b = b;
      f.e = e;
      f.kind = QuoteKind::indirect;
      f.confidence = kConfIndirect;
      f.unattributed_ok = true;
      // The speaker: the author attribute's value, when it is a token of its own.
      const std::string_view tag = text_.substr(at, gt - at);
      if (const std::size_t author = tag.find(kAuthor); author != std::string_view::npos) {
        const auto vb = static_cast<Offset>(at + author + kAuthor.size());
        const auto it = std::lower_bound(t_.begin(), t_.end(), vb, [](const Tok& x, Offset o) { return x.b < o; });
        if (it != t_.end() && it->b == vb && it->word()) {
          const auto i = static_cast<Idx>(it - t_.begin());
          f.attr = {{i, i + 1}, {}, {}};
        }
      }
      found_.push_back(std::move(f));
    }
    at = text_.find(kOpenTag, close + kCloseTag.size());
  }
}

// Reports, beliefs and intentions read from a cue word's complement
// (complement_cues.txt): "conceded that …", "the claim that …", "declined
// to …", "urged Congress to …", and raising cues, whose subject and
// complement are both content ("the race seemed to tighten").
void Run::complements(Idx s, Idx se, std::size_t bi, std::size_t first_found) {
  Idx e = se;
  while (e > s && (end_punct(t_[e - 1]) || t_[e - 1].is(','))) --e;
  for (Idx j = s; j < e; ++j) {
    const Tok& t = t_[j];
    // Most words are no cue: test that first.
    if (!t.has(kThatCue | kToCue | kObjToCue | kRaising | kWhCue | kNpPhrase | kCue | kCueIndirect) || !t.word() ||
        t.in_quote() || owned_[j] != 0) {
      continue;
    }
    if (t.cap() && j != s) continue;
    if (adds_quantity(j, e)) continue;
    if (t.has(kCue | kCueIndirect) && !t.cap()) object_gap(j, s, e, bi, first_found);
    if (j + 2 >= e && !(t.has(kRaising) && j + 1 < e)) continue;  // ("the team appeared paralyzed.")
    Idx cs = -1;
    bool raising = false;
    bool reduced = false;
    // A wh- or if-clause after a verb of speech or belief is its content
    // ("did not say whether …", "knows how …"), as after the wh cues.
    const bool wh_cue = t.has(kWhCue) || (t.has(kCue | kCueIndirect) && !t.has(kAttitude | kDirectOnly));
    if (t.has(kThatCue)) {
      // "pointed out that", "made it clear to voters that"
      Idx m = j + 1;
      while (m < e && m - j <= 3 && t_[m].word() && !t_[m].has(kThat) &&
             (t_[m].has(kTime | kAux | kObject) || ly_adverb(m) || word_is(m, "out"))) {
        ++m;
      }
      // "had been told just before Tuesday's vote that …": a prepositional
      // phrase before the "that".
      if (m < e && t_[m].word() && t_[m].has(kPrep) && !t_[m].has(kThat) && !t_[m].cap()) {
        Idx p = m + 1;
        while (p < e && p - m <= 5 && t_[p].word() && !t_[p].has(kThat | kBe | kCue | kCueIndirect | kConj) &&
               !(t_[p].has(kPronoun) && !t_[p].has(kObject | kDet)) && !modal(p)) {
          ++p;
        }
        if (p < e && p > m + 1 && word_is(p, "that")) m = p;
      }
      if (m + 1 < e && t_[m].word() && t_[m].has(kThat) && !t_[m].cap() && t_[m + 1].word() &&
          !(t_[m + 1].has(kAux | kBe | kCue | kCueIndirect) && !t_[m + 1].has(kPronoun))) {
        cs = m;
      }
    }
    Idx k = j + 1;
    if (k < e && word_is(k, "not")) ++k;
    auto infinitive = [&](Idx to) {
      if (to + 1 >= e || !word_is(to, "to")) return false;
      // "to publicly pressure", "to again pass": an adverb may split it.
      Idx v = to + 1;
      if (v + 1 < e && t_[v].word() && !t_[v].cap() && (ly_adverb(v) || (t_[v].has(kAux) && !modal(v) && !word_is(v, "not"))) &&
          t_[v + 1].word()) {
        ++v;
      }
      return t_[v].word() && !t_[v].cap() && !t_[v].has(kDet | kPronoun | kTime) && (t_[v].flags & kDigit) == 0;
    };
    if (cs < 0 && t.has(kRaising)) {
      bool be = !t.has(kAfterBe);
      for (Idx m = j - 1; !be && m >= s && j - m <= 3 && t_[m].word(); --m) {
        if (t_[m].has(kBe)) be = true;
        if (!(t_[m].has(kAux | kBe) || ly_adverb(m))) break;
      }
      // "a state known for rewarding moderates", "greenhouse gases known as
      // HFCs": a reduced relative; its subject is the phrase before it.
      const bool as_for = k < e && (word_is(k, "as") || (word_is(k, "for") && word_is(j, "known")));
      if (!be && as_for && word_is(j, "known") && j > s && (t_[j - 1].is(',') || (t_[j - 1].word() && !t_[j - 1].has(kAux | kBe | kPrep | kConj | kThat | kPronoun | kCue | kCueIndirect)))) {
        be = true;
        reduced = true;
      }
      if (be && as_for) ++k;  // "is seen as a circus", "is known for its ties"
      if (be && k < e &&
          (infinitive(k) ||
           (t_[k].word() && (!t_[k].cap() || k > j + 1) && (!t_[k].has(kPrep | kThat | kConj) || k > j + 1)))) {
        cs = k;
        raising = true;
      }
    }
    if (!raising && t.has(kCue | kCueIndirect) && (!t.has(kRaising) || cs < 0) && passive(j, s)) {
      // "Clinton was lambasted by …", "the plan has been criticized", "Berg
      // was asked about …": the subject is content; "by X" names who speaks.
      const Span subj = clause_subject(j, s);
      if (subj.ok()) {
        Attr by;
        if (k + 1 < e && word_is(k, "by")) {
          const Span np = forward_np(k + 1, e);
          if (np.ok() && person_like(np)) by = {np, {}, {j, j + 1}};
        }
        add_complement(subj.b, subj.e, by, kConfComplement, bi, first_found);
      }
      // "Roof is accused of a massacre …", "was criticized for …": what
      // the passive judgment is about is content too.
      if (k + 1 < e && (word_is(k, "of") || word_is(k, "for") || word_is(k, "over")) &&
          t_[k + 1].word() && !t_[k + 1].has(kConj | kThat)) {
        const Idx pe = clause_end(k + 1, e);
        if (pe - (k + 1) >= 1) add_complement(k + 1, pe, {}, kConfComplement, bi, first_found);
      }
      if (cs < 0 && !wh_cue) continue;
    }
    if (cs < 0 && t.has(kToCue) && infinitive(k)) cs = k;
    // (Any speech verb may take an object and an infinitive: "told
    // lawmakers to wait", "begged the council to act".)
    if (cs < 0 && (t.has(kObjToCue) || (t.has(kCue) && !t.has(kDirectOnly)))) {
      Idx m = k;
      if (m < e && word_is(m, "on")) ++m;  // "called on Congress to"
      Idx o = m;
      if (o < e && t_[o].word() && t_[o].has(kObject)) {
        ++o;
      } else if (const Span np = forward_np(o, e); np.ok()) {
        o = np.e;
      } else {
        while (o < e && o - m < 6 && t_[o].word() && !t_[o].has(kThat | kConj) && !word_is(o, "to")) ++o;
      }
      if (o > m && infinitive(o)) cs = m;
    }
    if (cs < 0 && wh_cue) {
      auto wh = [&](Idx m) {
        return m + 1 < e && t_[m].word() && !t_[m].cap() &&
               (word_is(m, "whether") || word_is(m, "if") || word_is(m, "why") || word_is(m, "how") ||
                word_is(m, "what") || word_is(m, "who") || word_is(m, "whom") || word_is(m, "which") ||
                word_is(m, "when") || word_is(m, "where") || word_is(m, "about"));
      };
      Idx m = k;
      // "was asked by host John Dickerson whether …"
      if (m + 1 < e && word_is(m, "by")) {
        if (const Span np = forward_np(m + 1, e); np.ok() && np.e - m <= 7) m = np.e;
      }
      if (!wh(m)) {
        if (m < e && t_[m].word() && t_[m].has(kObject)) {
          ++m;
        } else if (const Span np = forward_np(m, e); np.ok() && np.e - m <= 6) {
          m = np.e;
        }
      }
      // After a verb of speech or belief, not a relative word ("estimated
      // 55 million Latinos who live …").
      const bool relative = word_is(m, "which") || word_is(m, "whom") || word_is(m, "who");
      if (wh(m) && (t.has(kWhCue) || !relative)) cs = word_is(m, "about") ? m + 1 : m;
    }
    // "warned of a recession", "said of Trump": a speech verb (a verb, as
    // for the multi-word cues below) and its "of" phrase.
    if (cs < 0 && (t.has(kCue) || (t.has(kCueIndirect) && !t.has(kAttitude))) && !t.has(kDirectOnly) && k + 1 < e &&
        (word_is(k, "of") || (t.has(kCueIndirect) && word_is(k, "about"))) && t_[k + 1].word() &&
        !t_[k + 1].has(kConj | kThat | kPrep)) {
      const std::string_view w = text_.substr(t.b, t.e - t.b);
      const bool participle = w.size() > 4 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 3) == "ing");
      const bool verb = (participle && !t.has(kNounToo) && !(j > s && t_[j - 1].word() && t_[j - 1].has(kDet))) ||
                        (j > s && t_[j - 1].word() &&
                         (t_[j - 1].has(kPronoun | kAux | kRole) || is_name_word(t_[j - 1]) || word_is(j - 1, "to")) &&
                         !t_[j - 1].has(kDet));
      if (verb) cs = k + 1;
    }
    if (cs < 0 && t.has(kNpPhrase)) {
      // "called for a special prosecutor", "referring to the emails"
      const Idx len = match_phrase(lex_.np_phrases(), j, e);
      // A verb, not a noun ("the focus on", "his crude comments on"): a
      // participle, or a subject, an auxiliary or "to" right before.
      const std::string_view w = text_.substr(t.b, t.e - t.b);
      const bool participle = w.size() > 4 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 3) == "ing");
      const bool verb = participle || (j > s && t_[j - 1].word() &&
                                       (t_[j - 1].has(kPronoun | kAux | kRole) || is_name_word(t_[j - 1]) ||
                                        word_is(j - 1, "to")) && !t_[j - 1].has(kDet));
      if (len != 0 && verb && j + len < e && t_[j + len].word() && !t_[j + len].has(kConj | kThat | kPrep) &&
          !(t_[j + len].has(kTime) && !t_[j + len].has(kDet))) {
        cs = j + len;
      }
    }
    if (cs < 0) continue;
    Idx ce = clause_end(cs, e);
    // "Moscow's frustration over U.S. plans to deploy missiles in Europe
    // showed through": a noun's infinitive inside the sentence's subject
    // (no verb before the cue) ends before the sentence's own verb.
    // (A past tense ends it only when the cue is surely a noun, after a
    // determiner, a possessive or a preposition: "the city plans to sell the
    // lot owned by …" has its verb in "plans".)
    // (The subject starts after a fronted phrase's comma: "Despite the
    // positive tone, Moscow's frustration over …".)
    Idx subj_b = j;
    while (subj_b > s && !t_[subj_b - 1].is(',')) --subj_b;
    if (!raising && word_is(cs, "to") && j > subj_b && subject_np(subj_b, j)) {
      bool noun = t_[j - 1].has(kDet) || surname(j - 1).size() != t_[j - 1].e - t_[j - 1].b;
      for (Idx m = subj_b; m < j && !noun; ++m) noun = t_[m].has(kPrep) && !t_[m].cap();
      ce = before_main_verb(cs + 2, ce, noun);
    }
    if (ce - cs < (raising ? 1 : 2)) continue;  // ("seems stable, but …": one word)
    // Most "said that …" clauses are read already: skip before the subject search.
    if (!raising && reported(t_[cs].b, t_[ce - 1].e, first_found)) continue;
    Attr a;
    const bool writer =
        j > s && t_[j - 1].word() && (word_is(j - 1, "I") || word_is(j - 1, "you") || word_is(j - 1, "You"));
    if (raising) {
      const Span subj = reduced ? phrase_before(j, s) : clause_subject(j, s);
      if (subj.ok()) add_complement(subj.b, subj.e, {}, kConfComplement, bi, first_found);
    } else if (!(subject_of(j, s, a) || relative_subject(j, s, a)) || !person_like(a.name.ok() ? a.name : a.speaker)) {
      a = {};
    }
    // The writer's or reader's own "I think that …", "you want to …" are
    // not reported.
    if (a.ok() && a.speaker.e - a.speaker.b == 1) {
      const Idx w = a.speaker.b;
      if (word_is(w, "I") || word_is(w, "you") || word_is(w, "You")) continue;
    }
    if (writer) continue;
    add_complement(cs, ce, a, kConfComplement, bi, first_found);
  }
}

}  // namespace docpipe::quotes::detail
