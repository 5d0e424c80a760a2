#pragma once
// The extractor's working state for one document (Run) and the small types
// its parts share. Internal to the quotes plugin: Run's members are defined
// by subject in run_phrases.cpp (token structure, speaker phrases),
// run_attribution.cpp (attributions of direct quotes and of sentences),
// run_complements.cpp (indirect readings of cue words' complements),
// run_names.cpp (names and pronouns resolved through the document) and
// extractor.cpp (each paragraph block, and the document as a whole).

#include "detail/extractor.hpp"
#include "detail/marks.hpp"
#include "detail/scan.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace docpipe::quotes::detail {
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
inline bool paired(const Tok& t) {
  return t.kind == TokKind::mark && (t.flags & (kOpen | kClose)) != 0;
}

// A mark opening a double-quoted span: what makes a paraphrase mixed. A
// partial quote in single marks ("Trump stirs 'ugliness'") stays indirect,
// as PolNeAR counts it.
inline bool opens_double(const Tok& t) {
  return (t.flags & kOpen) != 0 && t.mark != MarkShape::sq_ascii && t.mark != MarkShape::sq_open &&
         t.mark != MarkShape::sq_close;
}

inline bool end_punct(const Tok& t) {
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

}  // namespace docpipe::quotes::detail
