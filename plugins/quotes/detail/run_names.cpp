// Run: names, pronouns and roles resolved through the document to the
// fullest name used.

#include "detail/run.hpp"

namespace docpipe::quotes::detail {

std::string_view Run::surname(Idx i) const {
  std::string_view w = text_.substr(t_[i].b, t_[i].e - t_[i].b);
  for (const std::string_view suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
      return w.substr(0, w.size() - suffix.size());
    }
  }
  return w;
}

Span Run::strip_titles(Span run) const {
  Idx b = run.b;
  for (Idx j = run.b; j < run.e; ++j) {
    const Tok& t = t_[j];
    if (lex_.is_title(text_.substr(t.b, t.e - t.b)) && j + 1 < run.e) b = j + 1;
  }
  while (b < run.e && !is_name_word(t_[b])) ++b;  // "of State John Kerry"
  return {b, run.e};
}

// The fullest form of each name in the document, keyed by its last word.
// A name holds no speech verb ("Medvedev Says Russia" is a name, a verb and
// a name), and a line in title case (a headline: "Medvedev Says Russia,
// U.S. Need Talks") gives no name at all: every word of it is capitalised
// but the short grammatical ones.
void Run::build_names() {
  for (const auto& [b, n] : blocks_) {
    bool title_line = true;
    int long_words = 0;
    for (Idx j = b; j < n && title_line; ++j) {
      const Tok& t = t_[j];
      if (!t.word() || t.e - t.b < 3 || (t.flags & kDigit) != 0) continue;
      // (Title case leaves short grammatical words in lower case.)
      if (t.e - t.b == 3 && (word_is(j, "the") || word_is(j, "and") || word_is(j, "but") || word_is(j, "for") ||
                             word_is(j, "nor") || word_is(j, "via"))) {
        continue;
      }
      long_words += t.e - t.b >= 4 ? 1 : 0;
      if (!t.cap() || t.in_quote()) title_line = false;
    }
    if (title_line && long_words >= 3) continue;
    for (Idx i = b; i < n;) {
      if (!is_name_word(t_[i]) || t_[i].has(kCue)) {
        ++i;
        continue;
      }
      Idx j = i + 1;
      while (j < n && !t_[j].has(kCue) &&
             (is_name_word(t_[j]) || (j + 1 < n && is_name_word(t_[j + 1]) && t_[j].word() && !t_[j].cap() &&
                                      text_.substr(t_[j].b, t_[j].e - t_[j].b) == "of"))) {
        // A possessive ends a name: "Medvedev's chief".
        if (surname(j - 1).size() != t_[j - 1].e - t_[j - 1].b) break;
        ++j;
      }
      const Span name = strip_titles({i, j});
      if (name.e - name.b >= 2 && name.e - name.b <= 4) {
        const std::string_view key = surname(name.e - 1);
        auto [it, inserted] = names_.try_emplace(key, name);
        if (!inserted && name.e - name.b > it->second.e - it->second.b) it->second = name;
      }
      i = j;
    }
  }
}

std::string Run::full_name(Span run) const {
  const Span name = strip_titles(run);
  if (!name.ok()) return std::string(slice(run));
  // The name's text without a possessive ending.
  auto text_of = [&](Span sp) {
    const Offset b = t_[sp.b].b;
    const Offset e = static_cast<Offset>(t_[sp.e - 1].b + surname(sp.e - 1).size());
    return std::string(text_.substr(b, e - b));
  };
  const std::string_view key = surname(name.e - 1);
  if (const auto it = names_.find(key); it != names_.end() && it->second.e - it->second.b >= name.e - name.b) {
    return text_of(it->second);
  }
  return text_of(name);
}

std::uint32_t Run::gender(Span run) const {
  for (Idx j = run.b; j < run.e; ++j) {
    if (t_[j].has(kMale) && !t_[j].has(kFemale)) return kMale;
    if (t_[j].has(kFemale) && !t_[j].has(kMale)) return kFemale;
  }
  return 0;
}

// "he" refers to the subject named earlier in its own sentence ("Bush …,
// whom he described as"), else to the last person quoted; "she" never to a
// man, nor "he" to a woman, where first names or titles tell.
std::string Run::resolve_pronoun(Idx at, const Recent& recent, std::uint32_t& g) const {
  const std::uint32_t want = t_[at].has(kFemale) ? kFemale : kMale;
  g = want;
  Idx s = at;
  while (s > 0 && at - s < kWindow && boundary_[s - 1] == 0 && t_[s - 1].kind != TokKind::newline) --s;
  for (Idx j = s; j < at; ++j) {
    if (!is_name_word(t_[j]) || t_[j].in_quote()) continue;
    Idx k = j;
    while (k < at && is_name_word(t_[k])) ++k;
    const Span name = strip_titles({j, k});
    const std::uint32_t has = gender({j, k});
    if (name.ok() && (has == 0 || has == want) &&
        (name.e - name.b >= 2 || names_.count(surname(name.e - 1)) != 0)) {
      return full_name({j, k});
    }
    j = k;
  }
  return recent.pick(want);
}

std::string Run::resolve(const Attr& a, const Recent& recent, bool& is_person, std::uint32_t& g) const {
  is_person = false;
  g = 0;
  const Span sp = a.speaker;
  if (sp.e - sp.b == 1 && t_[sp.b].has(kPronoun)) {
    if (!t_[sp.b].has(kPersonPronoun)) return {};
    is_person = true;
    return resolve_pronoun(sp.b, recent, g);
  }
  const Span src = a.name.ok() ? a.name : sp;
  // The last run of name words; a description when a common noun follows it
  // ("a White House spokesman").
  Idx last_b = -1;
  Idx last_e = -1;
  for (Idx j = src.b; j < src.e; ++j) {
    if (!is_name_word(t_[j])) continue;
    Idx k = j;
    while (k < src.e && is_name_word(t_[k])) ++k;
    last_b = j;
    last_e = k;
    j = k;
  }
  if (last_b < 0 || last_e < src.e) return std::string(slice(sp));
  if (surname(last_e - 1).size() != t_[last_e - 1].e - t_[last_e - 1].b) return std::string(slice(sp));
  // A name with a determiner is an organisation ("The New York Times").
  if (src.b < last_b && t_[src.b].has(kDet) && last_b == src.b + 1) return std::string(slice({last_b, last_e}));
  is_person = true;
  g = gender(src);
  if (g == 0) {
    // The fullest form of the name may carry the first name ("Marques" -> "Helena Marques").
    const auto it = names_.find(surname(last_e - 1));
    if (it != names_.end()) g = gender(it->second);
  }
  return full_name({last_b, last_e});
}

}  // namespace docpipe::quotes::detail
