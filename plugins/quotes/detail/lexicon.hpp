#pragma once
// The words the quote finder knows: speech verbs, titles, roles and the
// closed classes (pronouns, determiners, auxiliaries) it reads attributions
// with. Built once per stage from the plugin's data files, then read-only.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::quotes::detail {

/// Classes a word can belong to (bit flags; a word may have several).
enum Lex : std::uint32_t {
  kCue = 1U << 0,             ///< speech verb usable for direct and indirect quotes
  kCueObj = 1U << 1,          ///< the verb takes an addressee first ("told reporters")
  kCueIndirect = 1U << 2,     ///< belief or finding verb, indirect attributions only
  kAux = 1U << 3,             ///< may stand between subject and verb ("has", "also", "later")
  kPronoun = 1U << 4,         ///< he, she, they, ...
  kDet = 1U << 5,             ///< a, the, his, ...
  kRole = 1U << 6,            ///< head noun of a speaker description ("spokesman")
  kPrep = 1U << 7,            ///< in, on, at, ...
  kThat = 1U << 8,            ///< "that"
  kConj = 1U << 9,            ///< and, but, who, which, ... (never inside a speaker phrase)
  kTime = 1U << 10,           ///< Monday, today, ... ("said Tuesday that")
  kBe = 1U << 11,             ///< is, was, been, ... (passive "was told")
  kPhrase = 1U << 12,         ///< first word of a multi-word cue ("according")
  kAbbrev = 1U << 13,         ///< takes a period that does not end a sentence ("Mr.")
  kElision = 1U << 14,        ///< word an apostrophe may open ("'em", "'til")
  kPersonPronoun = 1U << 15,  ///< he, she: resolved to a person
  kClauseStart = 1U << 16,    ///< may begin a reported clause ("there", "it")
  kObject = 1U << 17,         ///< him, them, us, me, reporters: an addressee
  kNounToo = 1U << 18,        ///< a verb form that is also a noun ("report", "claims")
  kDirectOnly = 1U << 19,     ///< attributes direct quotes only ("continued")
  kTakesNp = 1U << 20,        ///< reports only with a quotation or "that" after it ("called")
  kMale = 1U << 21,           ///< a man's first name or title ("George", "Mr."), for "he"
  kFemale = 1U << 22,         ///< a woman's first name or title ("Helena", "Mrs."), for "she"
  kThatCue = 1U << 23,        ///< a that-clause after it is content ("the claim that", "convinced that")
  kToCue = 1U << 24,          ///< a to-infinitive after it is content ("declined to comment")
  kObjToCue = 1U << 25,       ///< an object and a to-infinitive after it are content ("urged Congress to act")
  kRaising = 1U << 26,        ///< subject and complement are content, nobody speaks ("appeared to stall")
  kAfterBe = 1U << 27,        ///< the raising reading only after a form of "be" ("is expected to")
  kWhCue = 1U << 28,          ///< a wh- or if-clause after it (and an object) is content ("asked whether")
  kNpPhrase = 1U << 29,       ///< first word of a multi-word cue whose object is content ("called for")
  kAttitude = 1U << 30,       ///< an attitude verb: its content is a phrase, ending at a comma ("backed X, who …")
};

/// A small open-addressing hash map from a word to its Lex flags, with a
/// lookup that never allocates (the hot path looks up every word). Keys
/// live in one character pool; a slot compares the hash before the bytes.
/// A word copied into a zero-padded buffer, the form WordTable hashes.
struct Padded {
  std::array<char, 32> bytes{};
  std::size_t size = 0;
};

class WordTable {
 public:
  /// Longest word stored or looked up; longer words have no class.
  static constexpr std::size_t kMaxWord = 24;

  void add(std::string_view word, std::uint32_t flags);
  [[nodiscard]] std::uint32_t find(std::string_view word) const;
  /// find() of a word already padded (size <= kMaxWord).
  [[nodiscard]] std::uint32_t find_padded(const Padded& word) const;

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t flags = 0;
    std::uint16_t size = 0;  ///< 0: empty slot
  };
  void grow();
  std::vector<Slot> slots_;
  std::string pool_;
  std::size_t size_ = 0;
};

/// Everything the extractor looks words up in.
class Lexicon {
 public:
  /// Loads the data files of `data_dir` (speech_verbs.txt, titles.txt,
  /// roles.txt, cue_phrases.txt, complement_cues.txt) and adds
  /// `extra_verbs` ("told obj"), `extra_titles` and `extra_cues`
  /// ("vowed to"); verbs tagged "attitude" count only when `attitudes`.
  /// Throws docpipe::ConfigError when a file is missing.
  static Lexicon load(const std::filesystem::path& data_dir, const std::vector<std::string>& extra_verbs = {},
                      const std::vector<std::string>& extra_titles = {}, bool attitudes = false,
                      const std::vector<std::string>& extra_cues = {});

  /// Lex flags of `word`, looked up case-insensitively (ASCII).
  /// Title lookups are case-sensitive.
  [[nodiscard]] std::uint32_t classes(std::string_view word) const;
  /// True when `word` (as written, case-sensitive) is a title word.
  [[nodiscard]] bool is_title(std::string_view word) const { return titles_.find(word) != 0; }
  /// Multi-word cues, each a list of lowercase words; the speaker follows.
  [[nodiscard]] const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }
  /// Multi-word complement cues whose object is content ("called for"), lowercase words.
  [[nodiscard]] const std::vector<std::vector<std::string>>& np_phrases() const { return np_phrases_; }

  /// Adds one speech verb line: "said", "told obj", "believes indirect";
  /// an "attitude" line only when `attitudes`.
  void add_verb_line(std::string_view line, bool attitudes = true);
  void add_title(std::string_view title) { titles_.add(title, 1); }
  /// Adds one complement cue line: "claim that", "declined to", "urged objto",
  /// "seemed raising", "called for np" (complement_cues.txt).
  void add_cue_line(std::string_view line);
  /// Why add_cue_line would ignore `line` (no tag, an unknown tag, an "np"
  /// cue of one word), or "" when it is a valid cue line.
  [[nodiscard]] static std::string cue_line_problem(std::string_view line);
  /// The tags a complement cue line may carry, for messages.
  static constexpr std::string_view kCueTags = "that, to, objto, raising, wh, be";

 private:
  Lexicon();
  WordTable words_;
  WordTable titles_;
  std::vector<std::vector<std::string>> phrases_;
  std::vector<std::vector<std::string>> np_phrases_;
};

}  // namespace docpipe::quotes::detail
