// Run: the token structure of a document (blocks, sentence boundaries) and
// the speaker phrases read forwards and backwards from a cue.

#include "detail/run.hpp"

namespace docpipe::quotes::detail {

// ---------------------------------------------------------------- structure

void Run::make_blocks() {
  const auto& paras = doc_.paragraphs;
  std::size_t pi = 0;
  std::int64_t cur = -2;
  Idx start = -1;
  const auto n = static_cast<Idx>(t_.size());
  for (Idx i = 0; i < n; ++i) {
    if (t_[i].kind == TokKind::newline) {
      if (start >= 0) blocks_.emplace_back(start, i);
      start = -1;
      continue;
    }
    if (!paras.empty()) {
      while (pi < paras.size() && paras[pi].end <= t_[i].b) ++pi;
      const std::int64_t p = (pi < paras.size() && paras[pi].begin <= t_[i].b) ? static_cast<std::int64_t>(pi) : -1;
      if (p != cur && start >= 0) {
        blocks_.emplace_back(start, i);
        start = -1;
      }
      cur = p;
    }
    if (start < 0) start = i;
  }
  if (start >= 0) blocks_.emplace_back(start, n);
}

void Run::make_boundaries(Idx b, Idx e) {
  auto confirmed = [&](Offset from, Offset to) {
    if (sent_ends_.empty()) return true;
    const auto it = std::lower_bound(sent_ends_.begin(), sent_ends_.end(), from);
    return it != sent_ends_.end() && *it <= to;
  };
  for (Idx i = b; i < e; ++i) {
    const Tok& t = t_[i];
    if (t.in_quote()) continue;
    if (t.word() && text_[t.e - 1] == '.' && i + 1 < e &&
        ((t_[i + 1].flags & kOpen) != 0 || (!sent_ends_.empty() && confirmed(t.e, t.e)))) {
      boundary_[i] = 1;  // "in Santa Monica, Calif. “The reality…"
      continue;
    }
    if (end_punct(t) && (t.flags & kOpen) == 0) {
      if (i + 1 >= e) {
        boundary_[i] = 1;
        continue;
      }
      const Tok& nx = t_[i + 1];
      const bool lower_next = nx.word() && !nx.cap() && (nx.flags & kDigit) == 0;
      if (nx.is(')') && i + 2 < e && ((t_[i + 2].word() && t_[i + 2].cap()) || (t_[i + 2].flags & kOpen) != 0)) {
        boundary_[i + 1] = 1;  // "(She says so.) The leaders …": the sentence ends after the parenthesis
        continue;
      }
      if (nx.is(')') || nx.is(',')) continue;  // "(D-Mo.)"
      // The sentence layer adds breaks the shape of the text does not show
      // (a lower-case start after a period); abbreviations already kept
      // their period inside the word.
      if ((!lower_next && !nx.is(',')) || confirmed(t.e, nx.b)) boundary_[i] = 1;
    } else if ((t.flags & kClose) != 0 && i > b && end_punct(t_[i - 1]) && i + 1 < e) {
      const Tok& nx = t_[i + 1];
      if ((nx.word() && nx.cap()) || (nx.flags & kOpen) != 0) boundary_[i] = 1;
    }
  }
}

Idx Run::pre_start(Idx open, Idx b) const {
  Idx i = open - 1;
  for (; i >= b && open - i <= kWindow; --i) {
    if (boundary_[i] != 0 || (t_[i].flags & kClose) != 0 || (i == open - 1 && t_[i].is('('))) return i + 1;
  }
  return i + 1;
}

// ---------------------------------------------------------------- phrases

Idx Run::phrase_len(Idx i, Idx e) const {
  if (!t_[i].word() || !t_[i].has(kPhrase)) return 0;
  return match_phrase(lex_.phrases(), i, e);
}

Idx Run::match_phrase(const std::vector<std::vector<std::string>>& phrases, Idx i, Idx e) const {
  for (const auto& phrase : phrases) {
    const auto len = static_cast<Idx>(phrase.size());
    if (i + len > e) continue;
    bool match = true;
    for (Idx k = 0; k < len && match; ++k) {
      const Tok& t = t_[i + k];
      const std::string_view w = text_.substr(t.b, t.e - t.b);
      const std::string& p = phrase[static_cast<std::size_t>(k)];
      match = t.word() && w.size() == p.size() && std::equal(w.begin(), w.end(), p.begin(), [](char x, char y) {
                return (x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x) == y;
              });
    }
    if (match) return len;
  }
  return 0;
}

// A speaker phrase read forwards from `i`: a pronoun, a name with its titles
// ("Russian President Dmitry Medvedev"), or a description ("a White House
// spokesman", "officials").
Span Run::forward_np(Idx i, Idx e) const {
  if (i >= e || !t_[i].word() || t_[i].in_quote()) return {};
  const Tok& first = t_[i];
  if (first.has(kPronoun) && !first.has(kDet)) return {i, i + 1};
  Idx j = i;
  bool det = false;
  if (first.has(kDet) && !first.has(kPronoun)) {
    // "one said", "another added": the determiner stands alone.
    const std::string_view w = text_.substr(first.b, first.e - first.b);
    const bool alone = w == "one" || w == "another" || w == "some" || w == "many" || w == "several" || w == "both" ||
                       w == "most" || w == "others" || w == "One" || w == "Another";
    if (alone && (i + 1 >= e || !t_[i + 1].word() || is_cue(i + 1) || t_[i + 1].has(kAux))) return {i, i + 1};
    if (alone && i + 2 < e && text_.substr(t_[i + 1].b, t_[i + 1].e - t_[i + 1].b) == "of") {
      // "one of those advisers", "some of his aides"
      const Span rest = forward_np(i + 2, e);
      if (rest.ok()) return {i, rest.e};
    }
    det = true;
    ++j;
  }
  bool name = false;
  bool role = false;
  if (!det && !first.cap()) {
    // "psychologist Vaile Wright", "former Wisconsin Gov. Jim Doyle": a few
    // lower-case words may lead into a name.
    // Without a name, "exit polls", "senior campaign aides": up to a role.
    Idx k = i;
    Idx last_role = -1;
    while (k < e && k - i < 5 && t_[k].word() && !t_[k].cap() &&
           (!t_[k].has(kCue | kCueIndirect | kAux | kBe | kConj | kThat | kPrep | kPronoun | kTime | kObject) ||
            (k > i && text_.substr(t_[k].b, t_[k].e - t_[k].b) == "of"))) {
      if (t_[k].has(kRole)) last_role = k;
      ++k;
    }
    if (k > i && k < e && is_name_word(t_[k])) {
      j = k;
    } else if (last_role > i) {
      return {i, last_role + 1};
    }
  }
  for (; j < e && j - i < 9; ++j) {
    const Tok& t = t_[j];
    if (!t.word() || t.in_quote()) break;
    if (is_name_word(t)) {
      name = true;
      role = false;
      continue;
    }
    if (t.cap() && det && t.has(kTime)) continue;  // "a Wednesday editorial"
    if (t.cap()) break;
    const std::string_view w = text_.substr(t.b, t.e - t.b);
    if (w == "of" && j > i && j + 1 < e && is_name_word(t_[j + 1])) continue;
    if (det && j == i + 1 && t.has(kCue | kCueIndirect)) continue;  // "the email", "the report"
    if (t.has(kCue | kCueIndirect | kAux | kBe | kConj | kThat | kPrep | kPronoun | kDet | kTime | kObject)) break;
    if (role && !t.has(kRole)) break;  // "his campaign | sent out": the head came
    if (det || name || t.has(kRole)) {
      role = t.has(kRole) || role;
      continue;
    }
    break;
  }
  if (j <= i + (det ? 1 : 0)) return {};
  if (!name && !role && !det) return {};
  return {i, j};
}

// A speaker phrase that ends right before `x`, read backwards, not before `s`.
Span Run::backward_core(Idx x, Idx s) const {
  // "Sen. Ted Cruz (R-Texas)": the parenthesis is not part of the phrase.
  if (x - 1 >= s && t_[x - 1].is(')')) {
    Idx p = x - 2;
    while (p >= s && x - p <= 10 && !t_[p].is('(')) --p;
    if (p < s || !t_[p].is('(')) return {};
    const Span inner = backward_core(p, s);
    return inner.ok() ? Span{inner.b, x} : Span{};
  }
  const Idx last = x - 1;
  if (last < s || !t_[last].word() || t_[last].in_quote()) return {};
  if (t_[last].has(kPronoun) && !t_[last].has(kDet)) return {last, x};
  // "few believe", "some say", "most think": a quantifier alone.
  for (const std::string_view w : {"few", "some", "many", "most", "several", "others", "both", "all"}) {
    if (word_is(last, w) && !(last > s && t_[last - 1].word() && t_[last - 1].has(kDet | kPrep))) return {last, x};
  }
  Idx b = x;
  bool det = false;
  for (Idx j = last; j >= s && x - j <= 9; --j) {
    const Tok& t = t_[j];
    if (!t.word() || t.in_quote()) break;
    if ((t.has(kDet) && !t.has(kClauseStart | kPronoun)) || (t.flags & kDigit) != 0) {
      if (j == last) return {};  // "the said"
      b = j;
      det = true;
      break;
    }
    if (is_name_word(t)) {
      b = j;
      continue;
    }
    if (t.cap()) break;
    const std::string_view w = text_.substr(t.b, t.e - t.b);
    if (w == "of" && j > s && j < last && is_name_word(t_[j - 1]) && is_name_word(t_[j + 1])) {
      b = j;
      continue;
    }
    // A verb form used as a noun after a determiner ("that 2013 report")
    // and an addressee word used as a subject ("many in the crowd") are
    // part of the phrase.
    const bool noun_use =
        t.has(kNounToo) && j > s && t_[j - 1].word() && (t_[j - 1].has(kDet) || (t_[j - 1].flags & kDigit) != 0);
    if (!noun_use && t.has(kCue | kCueIndirect | kAux | kBe | kConj | kThat | kPrep | kPronoun | kTime)) break;
    b = j;
  }
  if (b >= x) return {};
  bool name = false;
  for (Idx j = b; j < x; ++j) name |= is_name_word(t_[j]);
  if (!name && !det && !t_[last].has(kRole)) return {};
  // Without a determiner, a description starts at its first name or role
  // word ("critics", not "media reports").
  if (!det && !name) {
    while (b < last && !t_[b].has(kRole)) ++b;
  }
  return {b, x};
}

// The subject of the speech verb at `cue`: skips auxiliaries and adverbs
// ("has also said"), and an appositive ("Medvedev, who took office in May,
// told"), whose name is kept when the subject is a description
// ("Medvedev's adviser, Sergei Prikhodko, said").
bool Run::backward_subject(Idx cue, Idx s, Attr& out) const {
  Idx i = cue - 1;
  for (int skipped = 0; i >= s && skipped < 4; ++skipped) {
    const Tok& t = t_[i];
    if (!t.word() || t.in_quote()) break;
    if ((t.has(kAux) && !t.has(kPronoun)) || word_is(i, "yet")) {
      --i;
      continue;
    }
    if (t.has(kTime) && i > s && t_[i - 1].word() && t_[i - 1].has(kPrep)) {  // "on Tuesday said"
      i -= 2;
      continue;
    }
    if (t.has(kTime) && !t.has(kDet)) {
      --i;
      continue;
    }
    if (ly_adverb(i) && i > s && (is_name_word(t_[i - 1]) || t_[i - 1].has(kPronoun | kRole))) {
      --i;
      continue;
    }
    break;
  }
  if (i < s) return false;
  if (t_[i].word() && !t_[i].cap() && i > s &&
      (text_.substr(t_[i].b, t_[i].e - t_[i].b) == "and" || text_.substr(t_[i].b, t_[i].e - t_[i].b) == "but")) {
    // "Ms. Sherry smiled and said", "Giles attempted to … in October and
    // said": the subject of the sentence's first verb.
    Idx b = sentence_start(i);
    while (b < i && !t_[b].word()) ++b;
    const Span first = forward_np(b, i);
    if (first.ok() && person_like(first) && first.e < i) {
      out.speaker = first;
      out.cue = {cue, cue + 1};
      return true;
    }
    for (Idx j = i - 1; j >= s && i - j <= 6; --j) {
      if (!t_[j].word()) break;
      if (t_[j].has(kPronoun) || is_name_word(t_[j])) {
        const Span np = backward_core(j + 1, s);
        if (np.ok() && person_like(np) && j + 1 < i) {
          out.speaker = np;
          out.cue = {cue, cue + 1};
          return true;
        }
        break;
      }
    }
    return false;
  }
  if (t_[i].word() && !t_[i].cap() && (text_.substr(t_[i].b, t_[i].e - t_[i].b) == "who")) {
    // "Smith, who said…": the mention is "who", the name the phrase before.
    const Idx x = (i > s && t_[i - 1].is(',')) ? i - 1 : i;
    const Span np = backward_core(x, s);
    if (!np.ok()) return false;
    out.speaker = {i, i + 1};
    out.name = np;
    out.cue = {cue, cue + 1};
    return true;
  }
  if (t_[i].is(',') || t_[i].is(')') || (t_[i].kind == TokKind::punct && t_[i].ch == '-')) {
    const char opener = t_[i].is(')') ? '(' : t_[i].ch == '-' ? '-' : ',';
    Idx c = i - 1;
    for (; c >= s && i - c <= 30; --c) {
      const Tok& t = t_[c];
      if (t.kind == TokKind::punct && (t.ch == opener || (opener == ',' && t.ch == '-'))) break;
      if (paired(t) || boundary_[c] != 0 || t.in_quote()) return false;
    }
    if (c < s || i - c > 30) return false;
    Span np = backward_core(c, s);
    // "Jillian Chase, 27, a nurse in Dayton, said": an age or a second
    // appositive before the description; the name is further back.
    for (int more = 0; !np.ok() && opener == ',' && more < 2; ++more) {
      Idx c2 = c - 1;
      while (c2 >= s && i - c2 <= 40 && !t_[c2].is(',') && !paired(t_[c2]) && boundary_[c2] == 0 &&
             !t_[c2].in_quote()) {
        --c2;
      }
      if (c2 < s || i - c2 > 40 || !t_[c2].is(',')) break;
      c = c2;
      np = backward_core(c, s);
    }
    if (!np.ok()) return false;
    out.speaker = np;
    out.cue = {cue, cue + 1};
    bool np_name = false;
    for (Idx j = np.b; j < np.e; ++j) np_name |= is_name_word(t_[j]) && surname(j) == surname(np.e - 1);
    // "Medvedev's chief adviser, Sergei Prikhodko,": the appositive is the name.
    bool appos_name = c + 1 < i;
    for (Idx j = c + 1; j < i; ++j) appos_name &= is_name_word(t_[j]);
    if (appos_name && (!is_name_word(t_[np.e - 1]) || !np_name) && i - c <= 5) {
      out.name = {c + 1, i};
      out.speaker = {np.b, i};
    }
    return true;
  }
  const Span np = backward_core(i + 1, s);
  if (!np.ok()) return false;
  out.speaker = np;
  out.cue = {cue, cue + 1};
  return true;
}

}  // namespace docpipe::quotes::detail
