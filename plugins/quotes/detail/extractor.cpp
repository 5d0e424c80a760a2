#include "detail/extractor.hpp"

#include "detail/marks.hpp"
#include "detail/scan.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace docpipe::quotes::detail {

namespace {

using Idx = std::int32_t;

struct Span {
  Idx b = -1;
  Idx e = -1;
  [[nodiscard]] bool ok() const { return b >= 0 && e > b; }
};

struct Attr {
  Span speaker;  ///< the mention
  Span name;     ///< where the name is read from when not the mention (an appositive)
  Span cue;
  [[nodiscard]] bool ok() const { return speaker.ok(); }
};

struct Found {
  Offset b = 0;
  Offset e = 0;
  QuoteKind kind = QuoteKind::direct;
  Attr attr;
  double confidence = 0.0;
  int from = -1;   ///< continuation: the Found whose speaker this one takes
  int chain = -1;  ///< multi-paragraph quote id
  std::uint32_t block = 0;
  bool unattributed_ok = false;  ///< reported even without a speaker
  bool single = false;           ///< in single quotes: a headline, never continues a speaker
};

constexpr Idx kWindow = 80;  // attribution context, in tokens, on either side of a quote

// A quote mark that opens or closes a pair (not an apostrophe).
bool paired(const Tok& t) {
  return t.kind == TokKind::mark && (t.flags & (kOpen | kClose)) != 0;
}

// A mark opening a double-quoted span: what makes a paraphrase mixed. A
// partial quote in single marks ("Trump stirs 'ugliness'") stays indirect,
// as PolNeAR counts it.
bool opens_double(const Tok& t) {
  return (t.flags & kOpen) != 0 && t.mark != MarkShape::sq_ascii && t.mark != MarkShape::sq_open &&
         t.mark != MarkShape::sq_close;
}

bool end_punct(const Tok& t) {
  return t.kind == TokKind::punct && (t.ch == '.' || t.ch == '?' || t.ch == '!');
}

// Confidence of each way of finding a quote: about the share of its finds
// that match an annotated quote on the PolNeAR dev set (docs/plugins/
// quotes.md), not a probability from a model. A continued quote is as
// often a quote as one with a cue, but its speaker is less sure.
constexpr double kConfDirectCue = 0.95;
constexpr double kConfDirectContinued = 0.9;
constexpr double kConfDirectAlone = 0.6;
constexpr double kConfMixed = 0.8;
constexpr double kConfIndirectFinal = 0.8;
constexpr double kConfIndirect = 0.75;
constexpr double kConfUnattributed = 0.15;
constexpr double kConfComplement = 0.5;

// One document's extraction: its token stream, paragraphs and findings.
class Run {
 public:
  Run(const Lexicon& lex, const ExtractorOptions& opt, const Document& doc)
      : lex_(lex), opt_(opt), doc_(doc), text_(doc.text) {}

  std::vector<Quote> go();

 private:
  // --- structure
  void make_blocks();
  void make_boundaries(Idx b, Idx e);
  void process_block(std::size_t bi);

  // --- phrases
  [[nodiscard]] Idx phrase_len(Idx i, Idx e) const;
  /// Length of the first of `phrases` (lowercase words) that starts at `i`, 0 if none.
  [[nodiscard]] Idx match_phrase(const std::vector<std::vector<std::string>>& phrases, Idx i, Idx e) const;
  [[nodiscard]] bool is_cue(Idx i) const {
    const Tok& t = t_[i];
    return t.word() && t.has(kCue) && !t.cap() && !t.in_quote();
  }
  [[nodiscard]] bool is_name_word(const Tok& t) const {
    return t.word() && t.cap() && !t.has(kDet | kPrep | kConj | kPronoun | kTime | kThat | kAux | kBe);
  }
  [[nodiscard]] bool ly_adverb(Idx i) const {
    const Tok& t = t_[i];
    return t.word() && !t.cap() && t.e - t.b >= 5 && text_[t.e - 1] == 'y' && text_[t.e - 2] == 'l' && !t.has(kRole);
  }
  [[nodiscard]] Span forward_np(Idx i, Idx e) const;
  /// True when [b, e) reads like a title: at most 8 words, and at least
  /// two words of three letters or more, all capitalized.
  [[nodiscard]] bool is_title_case(Idx b, Idx e) const {
    int words = 0;
    int long_caps = 0;
    for (Idx j = b; j < e; ++j) {
      const Tok& t = t_[j];
      if (!t.word()) continue;
      if (++words > 8) return false;
      if (t.e - t.b < 3 || (t.flags & kDigit) != 0) continue;
      if (!t.cap()) return false;
      ++long_caps;
    }
    return long_caps >= 2;
  }
  /// True when the words of [b, e) have no lower-case letter.
  [[nodiscard]] bool is_shouted(Idx b, Idx e) const {
    for (Idx j = b; j < e; ++j) {
      if (!t_[j].word()) continue;
      for (Offset k = t_[j].b; k < t_[j].e; ++k) {
        if (text_[k] >= 'a' && text_[k] <= 'z') return false;
      }
    }
    return true;
  }
  /// A phrase with a name in it.
  [[nodiscard]] bool names_person(Span sp) const {
    for (Idx j = sp.b; j < sp.e; ++j) {
      if (is_name_word(t_[j])) return true;
    }
    return false;
  }
  /// A pronoun, a phrase with a name, or one headed by a role word.
  [[nodiscard]] bool person_like(Span sp) const {
    if (t_[sp.e - 1].has(kPronoun | kRole)) return true;
    for (Idx j = sp.b; j < sp.e; ++j) {
      if (is_name_word(t_[j])) return true;
    }
    return false;
  }
  [[nodiscard]] Span backward_core(Idx x, Idx s) const;
  [[nodiscard]] bool backward_subject(Idx cue, Idx s, Attr& out) const;
  /// "a White House official who spoke anonymously said": the phrase
  /// before a relative "who" shortly before the verb.
  [[nodiscard]] bool relative_subject(Idx cue, Idx s, Attr& out) const {
    for (Idx j = cue - 1; j > s && cue - j <= 20; --j) {
      const Tok& t = t_[j];
      if (t.in_quote() || paired(t)) continue;  // "who calls Trump a "sociopath," said"
      if (!t.word() && !t.is(',')) return false;
      if (t.word() && t.has(kPronoun) && !t.has(kDet)) return false;  // "…, he doesn't believe"
      if (t.word() && !t.cap() && text_.substr(t.b, t.e - t.b) == "who") {
        const Idx x = t_[j - 1].is(',') ? j - 1 : j;
        const Span np = backward_core(x, s);
        if (!np.ok() || !person_like(np)) return false;
        // "Humphrey, who calls Trump a "sociopath," said": once the relative
        // clause is closed by a comma, the verb is the main clause's.
        // Likewise when the relative clause has a verb of its own ("who
        // spoke on condition of anonymity said"): only "who (also) said"
        // makes "who" the mention.
        bool closed = false;
        for (Idx m = j + 1; m < cue; ++m) closed |= !(t_[m].word() && (t_[m].has(kAux) || ly_adverb(m)));
        out = closed ? Attr{np, {}, {cue, cue + 1}} : Attr{{j, j + 1}, np, {cue, cue + 1}};
        return true;
      }
    }
    return false;
  }
  /// The subject of the verb at `cue`; for a participle ("…, adding:") the
  /// subject of the sentence starting at `s`.
  [[nodiscard]] bool subject_of(Idx cue, Idx s, Attr& out) const {
    const Tok& t = t_[cue];
    if (t.e - t.b > 4 && text_.substr(t.e - 3, 3) == "ing") {
      // "is hoping", "were saying": a progressive, whose subject stands before the "be".
      if (cue - 1 > s && t_[cue - 1].word() && t_[cue - 1].has(kBe) && !t_[cue - 1].has(kDet) &&
          !word_is(cue - 1, "being")) {
        if (!backward_subject(cue - 1, s, out)) return false;
        // ("It may be saying something like …": no speaker)
        if (out.speaker.e - out.speaker.b == 1 && (word_is(out.speaker.b, "it") || word_is(out.speaker.b, "It"))) {
          return false;
        }
        out.cue = {cue, cue + 1};
        return true;
      }
      // "the saying"; but "before saying" keeps the sentence's subject
      if (cue > s && t_[cue - 1].word() && t_[cue - 1].has(kBe | kAux | kDet)) return false;
      Idx b = sentence_start(cue);
      // `"…," Cruz said, adding: "…"`: the speaker of the sentence's verb.
      for (Idx j = cue - 1; j > b; --j) {
        if (t_[j].in_quote() || !is_cue(j) || j == cue || t_[j].has(kNounToo)) continue;
        if (backward_subject(j, b, out)) {
          out.cue = {cue, cue + 1};
          return true;
        }
        break;
      }
      while (b < cue && !t_[b].word()) ++b;
      Span np = forward_np(b, cue);
      for (Idx j = b; !(np.ok() && person_like(np)) && j < cue && j - b < 12; ++j) {
        // "At the time, she released a statement saying, …"
        if (t_[j].in_quote() || !t_[j].word()) continue;
        if (j > b && !t_[j - 1].is(',')) continue;
        np = forward_np(j, cue);
      }
      if (!np.ok() || !person_like(np)) return false;
      out = {np, {}, {cue, cue + 1}};
      return true;
    }
    return backward_subject(cue, s, out);
  }
  [[nodiscard]] bool post_attribution(Idx close, Idx e, bool sentence_closed, Attr& out) const;
  [[nodiscard]] bool pre_attribution(Idx s, Idx open, Attr& out) const;
  [[nodiscard]] bool sentence_attribution(Idx s, Idx e, Attr& out, Idx& cs, Idx& ce, double& conf) const;
  [[nodiscard]] Idx pre_start(Idx open, Idx b) const;
  void complements(Idx s, Idx se, std::size_t bi, std::size_t first_found);
  /// An embedded post, `<tweet author="…">text</tweet>`: its text is what
  /// its author said (one linear pass over the text).
  void embedded_posts();
  /// "the deal she once supported", "which Clinton conceded": a verb at `j`
  /// with its subject but no object reports the word or phrase before it.
  void object_gap(Idx j, Idx s, Idx e, std::size_t bi, std::size_t first_found);
  /// The noun phrase ending at `r` begins with a determiner right after a
  /// comma or a dash: an appositive ("…, an approach").
  [[nodiscard]] bool appositive_np(Idx r, Idx s) const {
    for (Idx m = r; m >= s && r - m <= 4 && t_[m].word(); --m) {
      if (t_[m].has(kDet) && !t_[m].has(kPronoun)) {
        return m > s && (t_[m - 1].is(',') || (t_[m - 1].kind == TokKind::punct && t_[m - 1].ch == '-'));
      }
      if (t_[m].has(kAux | kBe | kPrep | kConj | kThat | kPronoun | kCue | kCueIndirect)) return false;
    }
    return false;
  }
  /// False for an index outside the tokens: callers probe the word after a
  /// phrase, which may end the text.
  [[nodiscard, gnu::always_inline]] bool word_is(Idx i, std::string_view w) const {
    if (i < 0 || static_cast<std::size_t>(i) >= t_.size()) return false;
    const Tok& t = t_[i];
    return t.e - t.b == w.size() && t.word() && text_.compare(t.b, w.size(), w) == 0;
  }
  [[nodiscard]] Idx clause_end(Idx from, Idx e) const;
  /// "added 156,000 jobs", "adds up to", "is adding roughly 182,000": "add"
  /// counting, not speaking.
  [[nodiscard]] bool adds_quantity(Idx j, Idx e) const {
    if (j + 1 >= e || !(word_is(j, "add") || word_is(j, "adds") || word_is(j, "added") || word_is(j, "adding"))) {
      return false;
    }
    Idx k = j + 1;
    if (word_is(k, "up")) return true;
    for (const std::string_view w : {"around", "about", "nearly", "roughly", "almost", "over", "some", "another"}) {
      if (word_is(k, w) && k + 1 < e) {
        ++k;
        break;
      }
    }
    if (word_is(k, "more") && k + 2 < e && word_is(k + 1, "than")) k += 2;
    return (t_[k].flags & kDigit) != 0 || (t_[k].kind == TokKind::punct && t_[k].ch == '$');
  }
  /// [s, j) can be a noun phrase: words with no verb, auxiliary, clause
  /// word or comma among them ("Moscow's frustration over U.S.").
  [[nodiscard]] bool subject_np(Idx s, Idx j) const {
    for (Idx m = s; m < j; ++m) {
      const Tok& t = t_[m];
      if (!t.word() || t.in_quote() || t.has(kCue | kCueIndirect | kAux | kBe | kThat | kConj) ||
          (t.has(kPronoun) && !t.has(kDet)) || modal(m)) {
        return false;
      }
      const std::string_view w = text_.substr(t.b, t.e - t.b);
      if (!t.cap() && w.size() > 3 && w.substr(w.size() - 2) == "ed") return false;
    }
    return true;
  }
  /// Where an infinitive's object from `from` (the word after its verb;
  /// a verb is looked for from the next one on) to `ce` meets a verb of the
  /// sentence (a form of "be", a modal; with `past`, a past tense after a
  /// noun), with no clause of its own begun before it; `ce` when none.
  [[nodiscard]] Idx before_main_verb(Idx from, Idx ce, bool past) const {
    for (Idx m = from; m < ce; ++m) {
      const Tok& t = t_[m];
      if (!t.word() || t.in_quote() || t.cap()) continue;
      const Tok& p = t_[m - 1];
      const std::string_view w = text_.substr(t.b, t.e - t.b);
      if (m > from && p.word() && !p.has(kDet | kPrep | kAux | kBe) && !word_is(m - 1, "to") &&
          (t.has(kBe) || modal(m) || (past && w.size() > 3 && w.substr(w.size() - 2) == "ed"))) {
        return m;
      }
      if (t.has(kThat | kConj | kCue | kCueIndirect) || (t.has(kPronoun) && !t.has(kDet)) || word_is(m, "to") ||
          word_is(m, "when") || word_is(m, "if")) {
        return ce;
      }
    }
    return ce;
  }
  /// ", including …", ", such as …" after the comma at `c`: examples that
  /// belong to the phrase before the comma.
  [[nodiscard]] bool examples_follow(Idx c, Idx e) const {
    return c + 1 < e && (word_is(c + 1, "including") || (c + 2 < e && word_is(c + 1, "such") && word_is(c + 2, "as")));
  }
  /// A modal or perfect auxiliary: the word makes its clause finite.
  [[nodiscard]] bool modal(Idx i) const {
    for (const std::string_view w :
         {"will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "did", "does"}) {
      if (word_is(i, w)) return true;
    }
    return false;
  }
  /// A word that joins clauses side by side ("and", "but", "which"), not
  /// one that subordinates ("because he thought …" stays in the content).
  [[nodiscard]] bool coordinator(Idx i) const {
    for (const std::string_view w : {"and", "but", "or", "nor", "yet", "so", "who", "which", "whom", "whose", "while",
                                     "although", "though", "whereas", "And", "But"}) {
      if (word_is(i, w)) return true;
    }
    return false;
  }
  [[nodiscard]] Span clause_subject(Idx v, Idx s) const;
  /// himself, herself, themselves, itself, …
  [[nodiscard]] bool reflexive(Idx i) const {
    if (i < 0 || i >= static_cast<Idx>(t_.size()) || !t_[i].word()) return false;
    const std::string_view w = text_.substr(t_[i].b, t_[i].e - t_[i].b);
    return w.size() >= 6 && (w.substr(w.size() - 4) == "self" || w.substr(w.size() - 6) == "selves");
  }
  /// The noun phrase right before `v` (a comma between allowed), back to its
  /// determiner: "a state" in "a state known for …".
  [[nodiscard]] Span phrase_before(Idx v, Idx s) const {
    Idx m = v - 1;
    if (m >= s && t_[m].is(',')) --m;
    const Idx end = m + 1;
    Idx b = end;
    for (; m >= s && end - m <= 6 && t_[m].word() && !t_[m].in_quote() && owned_[m] == 0; --m) {
      if (t_[m].has(kDet) && !t_[m].has(kPronoun)) {
        b = m;
        break;
      }
      if (t_[m].has(kAux | kBe | kPrep | kConj | kThat | kPronoun | kCue | kCueIndirect | kTime)) break;
      b = m;
    }
    return b < end ? Span{b, end} : Span{};
  }
  /// The verb at `v` is a past participle after a form of "be" ("was
  /// criticized", "has been attacked"), not followed by a clause of its own.
  [[nodiscard]] bool passive(Idx v, Idx s) const {
    const Tok& t = t_[v];
    const std::string_view w = text_.substr(t.b, t.e - t.b);
    const bool participle = (w.size() > 3 && w.substr(w.size() - 2) == "ed") || w == "told" || w == "seen" ||
                            w == "sought" || w == "known" || w == "shown" || w == "written" || w == "thought";
    if (!participle) return false;
    for (Idx m = v - 1; m >= s && v - m <= 3 && t_[m].word(); --m) {
      if (t_[m].has(kBe)) return !word_is(m, "'s");
      if (!(t_[m].has(kAux) || ly_adverb(m))) return false;
    }
    return false;
  }
  /// A quote found since `first_found` (the sentence's first) overlaps [b, e) by half the longer span.
  [[nodiscard]] bool reported(Offset b, Offset e, std::size_t first_found) const;
  /// Reports the tokens [b, e) as an indirect quote (mixed when they hold a
  /// double-quoted part) unless already reported.
  void add_complement(Idx b, Idx e, const Attr& a, double conf, std::size_t bi, std::size_t first_found);
  /// Reports the tokens [b, e) as an indirect quote with `conf`, or as a
  /// mixed one with `mixed_conf` when they hold a double-quoted part (a mixed
  /// quote needs a speaker); nothing when that kind is switched off.
  void add_indirect(Idx b, Idx e, const Attr& a, double conf, double mixed_conf, std::size_t bi);
  /// First token of the sentence holding `i` (quotes inside it included).
  [[nodiscard]] Idx sentence_start(Idx i) const {
    Idx b = i;
    while (b > 0 && i - b < kWindow && boundary_[b - 1] == 0 && t_[b - 1].kind != TokKind::newline) --b;
    return b;
  }

  // --- names
  void build_names();
  [[nodiscard]] Span strip_titles(Span run) const;
  [[nodiscard]] std::string_view surname(Idx i) const;
  [[nodiscard]] std::string full_name(Span run) const;
  /// The people last quoted, latest last, with their gender (0 unknown).
  struct Recent {
    std::vector<std::pair<std::string, std::uint32_t>> people;
    /// For "he"/"she": the latest of the few last speakers known to have
    /// that gender, else the latest not known to have the other one.
    [[nodiscard]] std::string pick(std::uint32_t want) const {
      constexpr std::size_t kLookBack = 4;
      const std::size_t n = people.size();
      for (std::size_t k = 0; k < std::min(n, kLookBack); ++k) {
        if (people[n - 1 - k].second == want) return people[n - 1 - k].first;
      }
      for (std::size_t k = 0; k < n; ++k) {
        if (people[n - 1 - k].second == 0) return people[n - 1 - k].first;
      }
      return {};
    }
  };
  /// kMale, kFemale or 0, from a first name or title in `run` ("Helena", "Mr.").
  [[nodiscard]] std::uint32_t gender(Span run) const;
  [[nodiscard]] std::string resolve_pronoun(Idx at, const Recent& recent, std::uint32_t& g) const;
  [[nodiscard]] std::string resolve(const Attr& a, const Recent& recent, bool& is_person, std::uint32_t& g) const;
  [[nodiscard]] std::string_view slice(Span s) const { return text_.substr(t_[s.b].b, t_[s.e - 1].e - t_[s.b].b); }

  const Lexicon& lex_;
  const ExtractorOptions& opt_;
  const Document& doc_;
  std::string_view text_;
  std::vector<Tok> t_;
  std::vector<std::pair<Idx, Idx>> blocks_;
  std::vector<Offset> sent_ends_;
  std::vector<std::uint8_t> boundary_;  // a sentence ends after this token
  std::vector<std::uint8_t> owned_;     // part of a direct quote or its attribution
  std::vector<MarkPair> pairs_;
  std::vector<Found> found_;
  std::unordered_map<std::string_view, Span> names_;  // surname -> fullest name run
  int next_chain_ = 0;
  std::vector<int> chain_last_;  // per chain: its last attributed Found
  int open_chain_ = -1;          // chain continuing into the next block
  int last_attr_found_ = -1;     // last attributed Found of the previous block
  std::uint32_t last_attr_block_ = 0;
  Attr colon_attr_;         // previous block ended "X said:"
  mutable Idx split_ = -1;  // sentence_attribution: start of a second content piece
  struct Extra {
    Attr a;
    Idx cs;
    Idx ce;
  };
  mutable std::vector<Extra> extra_;  // sentence_attribution: further clauses
  std::uint32_t colon_block_ = 0;
};

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

// ---------------------------------------------------------------- complements

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

// ---------------------------------------------------------------- names

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

// ---------------------------------------------------------------- blocks

void Run::process_block(std::size_t bi) {
  const auto [b, e] = blocks_[bi];
  pairs_.clear();
  pair_marks(t_, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), pairs_);
  make_boundaries(b, e);
  const int chain_in = open_chain_;
  open_chain_ = -1;
  const std::size_t first_found = found_.size();
  std::vector<int> directs;
  int last_direct = -1;  // the paragraph's last direct quote so far
  Idx last_direct_close = -2;

  for (const MarkPair& p : pairs_) {
    const auto open = static_cast<Idx>(p.open);
    const bool continues_in = open == b && chain_in >= 0;
    bool chain_out = false;
    if (p.unclosed) {
      if (bi + 1 < blocks_.size()) {
        const auto [nb, ne] = blocks_[bi + 1];
        const Tok& nt = t_[nb];
        chain_out =
            nt.kind == TokKind::mark && nt.mark != MarkShape::dq_close && !p.single &&
            (nt.mark == MarkShape::dq_open || can_open(t_, static_cast<std::uint32_t>(nb),
                                                       static_cast<std::uint32_t>(nb), static_cast<std::uint32_t>(ne)));
      }
      if (!chain_out) continue;  // an unbalanced mark: nothing is quoted
    }
    const Idx close = p.unclosed ? e : static_cast<Idx>(p.close);
    // Decide direct or embedded from what stands before and after.
    const Idx s = pre_start(open, b);
    enum class Pre { empty, colon, attr, text } pre = Pre::text;
    Attr pre_attr;
    if (s == open) {
      pre = Pre::empty;
    } else if (pre_attribution(s, open, pre_attr)) {
      pre = Pre::attr;
    } else if (s == last_direct_close + 1 && last_direct >= 0 &&
               (t_[open - 1].is(',') || t_[open - 1].is(':') ||
                (t_[open - 1].kind == TokKind::punct && t_[open - 1].ch == '-'))) {
      // `"A," Thiel wrote in a statement explaining why, "B."`: the second
      // piece of a quote its attribution splits.
      pre = Pre::attr;
      pre_attr = found_[static_cast<std::size_t>(last_direct)].attr;
      if (!pre_attr.ok()) pre = Pre::colon;
    } else if (t_[open - 1].is(':')) {
      pre = Pre::colon;
      // "said that she sent the same text: '…'": part of a reported clause.
      // Only a "that" clause makes it so; "recites the line: ''…''" quotes.
      for (Idx j = s; j < open; ++j) {
        if ((is_cue(j) || (t_[j].word() && t_[j].has(kCueIndirect) && !t_[j].cap())) && j + 1 < open &&
            t_[j + 1].word() && t_[j + 1].has(kThat)) {
          pre = Pre::text;
        }
      }
      // A headline's "Trump: 'We will win.'": the name before the colon.
      const Span np = backward_core(open - 1, s);
      bool name = false;
      for (Idx j = np.b; np.ok() && j < np.e; ++j) name |= is_name_word(t_[j]);
      const bool led =
          np.ok() && (np.b == s || (np.b > s && t_[np.b - 1].kind == TokKind::punct && t_[np.b - 1].ch == '-'));
      if (led && name) {
        pre_attr = {np, {}, {open - 1, open}};
        pre = Pre::attr;
      }
    }
    enum class Post { end, attr, cont } post = Post::cont;
    Attr post_attr;
    Idx last_in = close - 1;
    if (last_in > open && t_[last_in].kind == TokKind::mark && t_[last_in].ch == '\'')
      --last_in;  // a single quote closing inside
    const bool closed_inside = last_in > open && end_punct(t_[last_in]);
    const bool period_inside = closed_inside && t_[last_in].ch == '.';
    if (p.unclosed || close + 1 >= e) {
      post = Post::end;
    } else if (post_attribution(close, e, period_inside, post_attr)) {
      post = Post::attr;
    } else {
      const Tok& nx = t_[close + 1];
      if (end_punct(nx) || nx.is(';') || boundary_[close] != 0 ||
          (closed_inside && ((nx.word() && nx.cap()) || (nx.flags & kOpen) != 0))) {
        post = Post::end;
      } else if (nx.is(')') || nx.is(']')) {
        post = Post::end;
      }
    }
    // `Silverman interjected, "Ladies and gentlemen," who…`: an attributed
    // quote may be followed by a clause of the sentence.
    // `Clinton said: "…," but in fact…`, `tweeted, "…" on Friday`: after an
    // attribution ending in ':' or ',', the quote is whole when it ends in
    // punctuation or an adverbial follows.
    if (pre == Pre::attr && post == Post::cont && (t_[open - 1].is(':') || t_[open - 1].is(','))) {
      const Tok& nx = t_[close + 1];
      const bool punct_inside = last_in > open && t_[last_in].kind == TokKind::punct;
      const bool dash = nx.kind == TokKind::punct && nx.ch == '-';
      if (punct_inside || nx.is(',') || dash || (nx.word() && !nx.cap() && nx.has(kPrep | kTime | kConj))) {
        post = Post::end;
      }
    }
    if (pre == Pre::text && post == Post::attr && t_[open - 1].is(':')) pre = Pre::colon;
    // "Citing "obligations in Tennessee," the spokeswoman told …"
    if (pre == Pre::text && post == Post::attr && s + 1 == open && t_[s].word() && t_[s].has(kCue)) pre = Pre::empty;
    bool direct = (pre != Pre::text && post != Post::cont) || continues_in;
    // A title ("his book, ''An American Son.''", "Being Called "A Real
    // Woman."") names something; nobody says it.
    const bool said_right_before = pre == Pre::attr && pre_attr.cue.ok() && pre_attr.cue.e >= open - 1;
    if (direct && post != Post::attr && !said_right_before && is_title_case(open + 1, close)) direct = false;
    // A paragraph that is only a short or capitalised quote ("Related:",
    // "DIVISIVE, STUPID AND WRONG") is a subhead unless someone says it.
    if (direct && pre == Pre::empty && post == Post::end && open == b && close + 1 >= e &&
        (is_shouted(open + 1, close) || close - open <= 3)) {
      direct = false;
    }
    if (!direct) continue;  // embedded: read with its sentence below
    Found f;
    f.b = t_[open].e;
    f.e = p.unclosed ? t_[e - 1].e : t_[close].b;
    // Content without the marks and the space next to them.
    while (f.e > f.b && (text_[f.e - 1] == ' ')) --f.e;
    f.kind = QuoteKind::direct;
    f.block = static_cast<std::uint32_t>(bi);
    f.unattributed_ok = !p.single;
    f.single = p.single;
    if (post == Post::attr) {
      f.attr = post_attr;
    } else if (pre == Pre::attr) {
      f.attr = pre_attr;
    }
    f.confidence = f.attr.ok() ? kConfDirectCue : kConfDirectAlone;
    if (!f.attr.ok() && pre == Pre::colon) {
      // "President Obama is rolling out a new message: "…"": the sentence's
      // subject, when it is a person.
      Idx sb = s;
      while (sb < open && !t_[sb].word()) ++sb;
      const Span np = forward_np(sb, open);
      if (np.ok() && (t_[np.b].has(kPersonPronoun) || names_person(np))) {
        f.attr = {np, {}, {open - 1, open}};
        f.confidence = kConfDirectContinued;
      }
    }
    if (continues_in) f.chain = chain_in;
    if (chain_out) {
      f.chain = continues_in ? chain_in : next_chain_++;
      open_chain_ = f.chain;
    }
    // The quote, its marks and its attribution belong to it: no sentence
    // reading of them.
    // (bounded: a split quote borrows an attribution that may lie far back)
    // "As for his record, she said, "…"": the words before a medial
    // attribution are its content too.
    Found lead;
    if (pre == Pre::attr && opt_.indirect && pre_attr.cue.ok() && pre_attr.cue.e >= open - 1) {
      const Idx c = std::min(pre_attr.speaker.b, pre_attr.cue.b) - 1;
      bool plain = c > s && c - s >= 2 && t_[c].is(',');
      for (Idx j = s; plain && j < c; ++j) plain = !paired(t_[j]) && !t_[j].in_quote() && boundary_[j] == 0;
      if (plain) {
        lead.b = t_[s].b;
        lead.e = t_[c - 1].e;
        lead.kind = QuoteKind::indirect;
        lead.attr = pre_attr;
        lead.confidence = kConfIndirect;
        lead.block = static_cast<std::uint32_t>(bi);
        lead.unattributed_ok = true;
      }
    }
    // "She said the plan would fail, and asked about it, the senator
    // replied, "…"": without such a lead, the words before the attribution
    // stay free, to be read as a sentence of their own.
    Idx own_b = open;
    if (pre == Pre::attr) {
      own_b = std::min(s, pre_attr.speaker.b);
      if (lead.e <= lead.b && pre_attr.cue.ok()) {
        const bool near = pre_attr.speaker.e >= pre_attr.cue.b - 6 && pre_attr.speaker.b <= pre_attr.cue.e + 6;
        own_b = near ? std::min(pre_attr.speaker.b, pre_attr.cue.b) : pre_attr.cue.b;
        // ("…, and repeatedly says", "to what it called"): the words
        // leading into the attribution go with it.
        for (int n = 0; n < 4 && own_b > s && t_[own_b - 1].word() && !t_[own_b - 1].in_quote() &&
                        (t_[own_b - 1].has(kAux | kConj | kPrep | kThat | kDet) || ly_adverb(own_b - 1));
             ++n) {
          --own_b;
        }
      }
      own_b = std::max(own_b, open - kWindow);
    }
    Idx own_e = p.unclosed ? e : close + 1;
    if (post == Post::attr) own_e = std::max({own_e, post_attr.speaker.e, post_attr.cue.e});
    for (Idx j = std::max(b, own_b); j < own_e; ++j) owned_[j] = 1;
    if (lead.e > lead.b) {
      found_.push_back(std::move(lead));
    }
    // "Biden suggested Trump had shown a fondness for strongmen - "He would
    // have…"": a clause between the cue and the quote is reported too.
    // (Not before a colon, which introduces the quote: "said back in May:
    // "…""; nor after an addressee: "told Mic in an interview, "…"".)
    if (pre == Pre::attr && opt_.indirect && pre_attr.cue.ok() && pre_attr.cue.e < open &&
        pre_attr.cue.b > pre_attr.speaker.b && !t_[open - 1].is(':') && !t_[pre_attr.cue.b].has(kCueObj)) {
      Idx tb = pre_attr.cue.e;
      Idx te = open;
      while (te > tb && (t_[te - 1].is(',') || t_[te - 1].is(':') ||
                         (t_[te - 1].kind == TokKind::punct && t_[te - 1].ch == '-'))) {
        --te;
      }
      bool clause = te - tb >= 4 && t_[tb].word() && !t_[tb].has(kPrep | kTime | kObject | kAux | kBe | kConj);
      for (Idx j = tb; clause && j < te; ++j) clause = !paired(t_[j]) && !t_[j].in_quote() && !t_[j].is(',');
      if (clause) {
        Found tail;
        tail.b = t_[tb].b;
        tail.e = t_[te - 1].e;
        tail.kind = QuoteKind::indirect;
        tail.attr = pre_attr;
        tail.confidence = kConfIndirect;
        tail.block = static_cast<std::uint32_t>(bi);
        tail.unattributed_ok = true;
        found_.push_back(std::move(tail));
      }
    }
    last_direct = static_cast<int>(found_.size());
    last_direct_close = close;
    directs.push_back(static_cast<int>(found_.size()));
    found_.push_back(std::move(f));
  }

  // A transcript's turn: "TAPPER: And obviously, …", "Q: …", "A: …" over
  // several sentences; the whole paragraph after the colon is its content.
  // (One sentence after a name and a colon is a headline, read below.)
  if (opt_.indirect && e - b > 4) {
    Idx c = b;
    while (c < e && c - b < 3 && t_[c].word() && t_[c].cap() && !t_[c].in_quote()) ++c;
    bool shouted = c > b;
    for (Idx j = b; j < c && shouted; ++j) shouted = is_shouted(j, j + 1);
    bool several = false;
    for (Idx j = c + 1; j + 1 < e && !several; ++j) several = boundary_[j] != 0;
    if (c > b && c + 3 < e && t_[c].is(':') && shouted && several && owned_[c + 1] == 0) {
      Idx ce = e;
      while (ce > c + 1 && (end_punct(t_[ce - 1]) || paired(t_[ce - 1]))) --ce;
      bool marks = false;
      for (Idx j = c + 1; j < ce; ++j) marks |= opens_double(t_[j]);
      if (!marks && ce > c + 2) {
        Found f;
        f.b = t_[c + 1].b;
        f.e = t_[ce - 1].e;
        f.kind = QuoteKind::indirect;
        f.attr = {{b, c}, {}, {c, c + 1}};
        f.confidence = kConfIndirect;
        f.block = static_cast<std::uint32_t>(bi);
        f.unattributed_ok = true;
        found_.push_back(std::move(f));
        for (Idx j = b; j <= c; ++j) owned_[j] = 1;
      }
    }
  }

  // Sentences without a direct quote: indirect and mixed quotes.
  std::vector<std::pair<Idx, Idx>> embedded;
  for (Idx s = b; s < e;) {
    Idx x = s;
    while (x < e && boundary_[x] == 0) ++x;
    const Idx se = std::min(e, x + 1);
    bool owned = false;
    for (Idx j = s; j < se && !owned; ++j) owned = owned_[j] != 0;
    // In a sentence with a direct quote, the longest stretch outside the
    // quote and its attribution is read as a sentence of its own
    // ("“…,” Trump said in August after Nabisco announced it was …").
    Idx rs = s;
    Idx re = se;
    if (owned) {
      rs = re = s;
      for (Idx j = s; j < se;) {
        if (owned_[j] != 0) {
          ++j;
          continue;
        }
        Idx k = j;
        while (k < se && owned_[k] == 0) ++k;
        if (k - j > re - rs) {
          rs = j;
          re = k;
        }
        j = k;
      }
    }
    Attr a;
    Idx cs = 0;
    Idx ce = 0;
    double conf = 0;
    const std::size_t sentence_found = found_.size();  // the quotes this sentence adds start here
    split_ = -1;
    extra_.clear();
    if ((!owned || re - rs >= 6) && re - rs <= 400 && sentence_attribution(rs, re, a, cs, ce, conf)) {
      for (const Extra& more : extra_) add_indirect(more.cs, more.ce, more.a, kConfIndirect, kConfMixed, bi);
      if (split_ >= 0 && opt_.indirect) {
        // The second piece of a medial attribution, up to the sentence end.
        Idx pe = re;
        while (pe > split_ && (end_punct(t_[pe - 1]) || t_[pe - 1].is(','))) --pe;
        if (pe > split_) add_indirect(split_, pe, a, conf, conf, bi);
      }
      // Content that is one quote and nothing else is a direct quote.
      bool whole = (t_[cs].flags & kOpen) != 0 && (t_[ce - 1].flags & kClose) != 0;
      for (Idx j = cs + 1; j + 1 < ce && whole; ++j) whole = t_[j].in_quote();
      // (A headline's "Zoe Saldana Asked Men To "Redefine Masculinity."" is
      // left as it was: its capitalised cue is no attribution of a quote.)
      if (whole && a.cue.ok() && t_[a.cue.b].cap() && a.cue.b > rs) {
        s = se;
        continue;
      }
      if (whole) {
        Found f;
        f.b = t_[cs].e;
        f.e = t_[ce - 1].b;
        f.kind = QuoteKind::direct;
        f.attr = a;
        f.confidence = kConfDirectCue;
        f.block = static_cast<std::uint32_t>(bi);
        found_.push_back(std::move(f));
        s = se;
        continue;
      }
      add_indirect(cs, ce, a, conf, kConfMixed, bi);
    } else if (!owned && opt_.unattributed) {
      for (const MarkPair& p : pairs_) {
        if (p.unclosed || static_cast<Idx>(p.open) < s || static_cast<Idx>(p.open) >= se) continue;
        Found f;
        f.b = t_[p.open].e;
        f.e = t_[p.close].b;
        f.kind = QuoteKind::direct;
        f.confidence = kConfUnattributed;
        f.block = static_cast<std::uint32_t>(bi);
        f.unattributed_ok = true;
        found_.push_back(std::move(f));
      }
    }
    // Duplicates are looked for among this sentence's quotes only, so a
    // paragraph of a million reported sentences stays linear.
    if (opt_.indirect && se - s <= 400) complements(s, se, bi, sentence_found);
    s = se;
  }

  // Direct quotes with no cue of their own continue a speaker: another quote
  // of the paragraph, then the previous paragraph's last speaker.
  // One pass each way, so a paragraph of a million unattributed quotes
  // stays linear.
  std::vector<int> next_attr(directs.size() + 1, -1);
  for (std::size_t k = directs.size(); k-- > 0;) {
    next_attr[k] = found_[static_cast<std::size_t>(directs[k])].attr.ok() ? directs[k] : next_attr[k + 1];
  }
  int prev_attr = -1;
  if (chain_last_.size() < static_cast<std::size_t>(next_chain_))
    chain_last_.resize(static_cast<std::size_t>(next_chain_), -1);
  for (std::size_t k = 0; k < directs.size(); ++k) {
    Found& f = found_[static_cast<std::size_t>(directs[k])];
    if (f.attr.ok()) {
      prev_attr = directs[k];
      continue;
    }
    if (f.single) continue;
    int from = prev_attr;
    if (from < 0) from = next_attr[k + 1];
    if (from < 0 && f.chain >= 0) from = chain_last_[static_cast<std::size_t>(f.chain)];
    if (from < 0 && bi > 0 && colon_attr_.ok() && colon_block_ + 1 == bi) {
      f.attr = colon_attr_;
      f.confidence = kConfDirectCue;
      continue;
    }
    if (from < 0 && bi > 0 && last_attr_found_ >= 0 && last_attr_block_ + 1 == bi) from = last_attr_found_;
    if (from >= 0) {
      // Point at the quote that names the speaker, not at another
      // continuation, so resolution takes one step however long the run.
      const int root =
          found_[static_cast<std::size_t>(from)].attr.ok() ? from : found_[static_cast<std::size_t>(from)].from;
      f.from = root >= 0 ? root : from;
      f.confidence = kConfDirectContinued;
      prev_attr = directs[k];
    }
  }
  for (const int d : directs) {
    const Found& f = found_[static_cast<std::size_t>(d)];
    if (f.chain >= 0 && (f.attr.ok() || f.from >= 0)) chain_last_[static_cast<std::size_t>(f.chain)] = d;
  }
  for (std::size_t k = found_.size(); k-- > first_found;) {
    if (found_[k].attr.ok() || found_[k].from >= 0) {
      last_attr_found_ = static_cast<int>(k);
      last_attr_block_ = static_cast<std::uint32_t>(bi);
      break;
    }
  }
  // "X said:" closing the paragraph introduces the next one.
  colon_attr_ = {};
  if (e - b >= 3 && t_[e - 1].is(':') && (t_[e - 1].flags & kInQuote) == 0) {
    Attr a;
    for (Idx j = e - 2; j >= b && e - j <= 12; --j) {
      if (boundary_[j] != 0 || paired(t_[j])) break;
      if (is_cue(j) && backward_subject(j, b, a)) {
        colon_attr_ = a;
        colon_block_ = static_cast<std::uint32_t>(bi);
        break;
      }
    }
  }
}

std::vector<Quote> Run::go() {
  t_ = scan(text_, lex_);
  if (t_.empty()) return {};
  boundary_.assign(t_.size(), 0);
  owned_.assign(t_.size(), 0);
  sent_ends_.reserve(doc_.sentences.size());
  for (const auto& s : doc_.sentences) sent_ends_.push_back(s.end);
  std::sort(sent_ends_.begin(), sent_ends_.end());
  make_blocks();
  for (std::size_t bi = 0; bi < blocks_.size(); ++bi) process_block(bi);
  if (opt_.indirect) embedded_posts();
  if (found_.empty()) return {};

  // A multi-paragraph quote attributed only in a later paragraph.
  std::vector<int> chain_attr(static_cast<std::size_t>(next_chain_), -1);
  for (std::size_t m = 0; m < found_.size(); ++m) {
    const Found& f = found_[m];
    if (f.chain >= 0 && f.attr.ok() && chain_attr[static_cast<std::size_t>(f.chain)] < 0) {
      chain_attr[static_cast<std::size_t>(f.chain)] = static_cast<int>(m);
    }
  }
  for (auto& f : found_) {
    if (f.chain < 0 || f.attr.ok() || f.from >= 0 || chain_attr[static_cast<std::size_t>(f.chain)] < 0) continue;
    f.from = chain_attr[static_cast<std::size_t>(f.chain)];
    f.confidence = kConfDirectContinued;
  }

  build_names();
  std::vector<std::size_t> order(found_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return found_[x].b < found_[y].b; });
  std::vector<std::string> names(found_.size());
  std::vector<std::uint8_t> has_name(found_.size(), 0);
  Recent recent;
  for (const std::size_t i : order) {
    const Found& f = found_[i];
    if (!f.attr.ok()) continue;
    bool person = false;
    std::uint32_t g = 0;
    names[i] = resolve(f.attr, recent, person, g);
    has_name[i] = names[i].empty() ? 0 : 1;
    if (person && !names[i].empty()) recent.people.emplace_back(names[i], g);
  }
  // A quote over several paragraphs is one record, from inside its first
  // mark to before its last (option join_paragraphs), else one a paragraph.
  const auto chains = static_cast<std::size_t>(opt_.join_paragraphs ? next_chain_ : 0);
  std::vector<Offset> chain_end(chains, 0);
  std::vector<std::uint8_t> chain_seen(chains, 0);
  for (const Found& f : found_) {
    if (f.chain >= 0 && chains != 0) {
      chain_end[static_cast<std::size_t>(f.chain)] = std::max(chain_end[static_cast<std::size_t>(f.chain)], f.e);
    }
  }
  // An indirect content inside a longer one ("said that men reported 65 %",
  // "Trump said Clinton supported NAFTA") is not reported on its own: such
  // nested readings match an annotated attribution about one time in six
  // on PolNeAR, the outer one three times in four. One sweep in text order.
  std::vector<std::uint8_t> nested(found_.size(), 0);
  {
    std::vector<std::size_t> by_span;
    for (const std::size_t i : order) {
      if (found_[i].kind == QuoteKind::indirect) by_span.push_back(i);
    }
    std::stable_sort(by_span.begin(), by_span.end(), [&](std::size_t x, std::size_t y) {
      return found_[x].b != found_[y].b ? found_[x].b < found_[y].b : found_[x].e > found_[y].e;
    });
    Offset reach = 0;
    bool any = false;
    for (const std::size_t i : by_span) {
      if (any && found_[i].e <= reach) nested[i] = 1;
      if (!any || found_[i].e > reach) reach = found_[i].e;
      any = true;
    }
  }
  std::vector<Quote> out;
  out.reserve(found_.size());
  for (const std::size_t i : order) {
    const Found& f = found_[i];
    if (nested[i] != 0) continue;
    const bool joined = f.chain >= 0 && chains != 0;
    if (joined && chain_seen[static_cast<std::size_t>(f.chain)]++ != 0) continue;
    Quote q;
    q.begin = f.b;
    q.end = joined ? chain_end[static_cast<std::size_t>(f.chain)] : f.e;
    q.kind = f.kind;
    q.confidence = f.confidence;
    std::size_t root = i;
    for (int hops = 0; !found_[root].attr.ok() && found_[root].from >= 0 && hops < 64; ++hops) {
      root = static_cast<std::size_t>(found_[root].from);
    }
    const Attr& a = found_[root].attr;
    if (a.ok()) {
      q.speaker_span = std::make_pair(t_[a.speaker.b].b, t_[a.speaker.e - 1].e);
      if (has_name[root] != 0) q.speaker = names[root];
      if (root == i && a.cue.ok()) q.cue_span = std::make_pair(t_[a.cue.b].b, t_[a.cue.e - 1].e);
    } else if (!f.unattributed_ok && !opt_.unattributed) {
      continue;
    }
    if (q.confidence < opt_.min_confidence || q.end <= q.begin) continue;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

std::vector<Quote> Extractor::extract(const Document& doc) const {
  Run run(lex_, opt_, doc);
  return run.go();
}

}  // namespace docpipe::quotes::detail
