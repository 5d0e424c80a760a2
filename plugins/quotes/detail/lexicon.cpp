#include "detail/lexicon.hpp"

#include <docpipe/sdk/error.hpp>

#include <array>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace docpipe::quotes::detail {

namespace {

// Words are short: a multiply-xor hash over the 8-byte chunks of a
// zero-padded copy, so there is no tail loop.
std::uint32_t hash_padded(const Padded& p) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ p.size;
  for (std::size_t i = 0; i < p.size; i += 8) {
    std::uint64_t v = 0;
    std::memcpy(&v, p.bytes.data() + i, 8);
    h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  return static_cast<std::uint32_t>(h);
}

Padded pad(std::string_view s) {
  Padded p;
  p.size = s.size();
  std::memcpy(p.bytes.data(), s.data(), s.size());
  return p;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> read_lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError("quotes: cannot read data file " + file.string());
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (!t.empty() && t[0] != '#') out.push_back(std::move(t));
  }
  return out;
}

void add_all(WordTable& table, std::initializer_list<std::string_view> words, std::uint32_t flags) {
  for (const auto w : words) table.add(w, flags);
}

}  // namespace

void WordTable::grow() {
  const std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.size == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].size != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void WordTable::add(std::string_view word, std::uint32_t flags) {
  if (word.empty() || word.size() > kMaxWord) return;
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::uint32_t h = hash_padded(pad(word));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.size == 0) {
      s = {h, static_cast<std::uint32_t>(pool_.size()), flags, static_cast<std::uint16_t>(word.size())};
      pool_.append(word);
      ++size_;
      return;
    }
    if (s.hash == h && s.size == word.size() && std::string_view(pool_).substr(s.offset, s.size) == word) {
      s.flags |= flags;
      return;
    }
  }
}

std::uint32_t WordTable::find(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWord) return 0;
  return find_padded(pad(word));
}

std::uint32_t WordTable::find_padded(const Padded& p) const {
  if (slots_.empty()) return 0;
  const std::uint32_t h = hash_padded(p);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.size == 0) return 0;
    if (s.hash == h && s.size == p.size && std::memcmp(pool_.data() + s.offset, p.bytes.data(), s.size) == 0) {
      return s.flags;
    }
  }
}

Lexicon::Lexicon() {
  // Closed classes: grammar, not data a user would want to change.
  add_all(words_, {"he", "she"}, kPronoun | kPersonPronoun | kClauseStart);
  add_all(words_, {"they", "i", "we", "you", "it"}, kPronoun | kClauseStart);
  add_all(words_,
          {"there", "this", "these", "those", "nobody", "no", "none", "some", "many", "most", "all", "both", "each",
           "every", "if", "when", "while", "because"},
          kClauseStart);
  add_all(words_, {"a",    "an",   "the",   "his",   "her",     "their", "its",  "our",   "my",
                   "your", "this", "these", "those", "another", "one",   "two",  "three", "several",
                   "some", "many", "other", "both",  "each",    "every", "most", "few",   "no"},
          kDet);
  add_all(words_,
          {"has",        "have",        "had",        "will",         "would",      "could",   "should",    "may",
           "might",      "can",         "must",       "did",          "does",       "do",      "also",      "later",
           "then",       "again",       "previously", "once",         "first",      "often",   "just",      "recently",
           "repeatedly", "reportedly",  "still",      "even",         "never",      "already", "not",       "always",
           "further",    "now",         "last",       "finally",      "simply",     "quickly", "only",      "flatly",
           "earlier",    "long",        "initially",  "subsequently", "frequently", "openly",  "privately", "publicly",
           "previously", "immediately", "ultimately", "specifically"},
          kAux);
  add_all(words_, {"is", "was", "were", "are", "been", "be", "being", "am", "'s"}, kBe);
  add_all(words_,
          {"in",   "on",    "at",  "during",  "after",  "before", "to",    "for",    "with",    "from",    "of",
           "by",   "about", "via", "through", "since",  "over",   "into",  "under",  "against", "between", "without",
           "than", "like",  "as",  "upon",    "within", "amid",   "among", "across", "toward",  "towards"},
          kPrep);
  add_all(words_, {"that"}, kThat);
  add_all(words_, {"and",     "or",   "but",      "nor",    "yet",    "so",    "who",   "whom",    "whose",
                   "which",   "what", "where",    "why",    "how",    "when",  "while", "whether", "as",
                   "because", "if",   "although", "though", "unless", "until", "not"},
          kConj);
  add_all(words_,
          {"monday",    "tuesday",   "wednesday", "thursday",   "friday",  "saturday", "sunday",    "today",
           "yesterday", "tonight",   "tomorrow",  "recently",   "earlier", "later",    "again",     "repeatedly",
           "last",      "this",      "week",      "month",      "year",    "morning",  "afternoon", "evening",
           "night",     "privately", "publicly",  "previously", "also"},
          kTime);
  add_all(words_, {"mr",   "mrs",  "ms",   "dr",   "sen",  "sens", "rep",  "reps", "gov",    "gen",  "lt",   "col",
                   "sgt",  "capt", "adm",  "jr",   "sr",   "st",   "prof", "rev",  "messrs", "inc",  "corp", "co",
                   "ltd",  "jan",  "feb",  "aug",  "sept", "sep",  "oct",  "nov",  "dec",    "no",   "vs",   "mt",
                   "ft",   "gens", "u.s",  "u.k",  "u.n",  "d.c",  "a.m",  "p.m",  "e.g",    "i.e",  "ariz", "calif",
                   "fla",  "ill",  "mass", "mich", "minn", "nev",  "pa",   "tenn", "va",     "wash", "wis",  "conn",
                   "colo", "ky",   "la",   "md",   "mo",   "n.c",  "n.h",  "n.j",  "n.y",    "okla", "ore",  "s.c",
                   "ga",   "ala",  "ark",  "kan",  "neb",  "del",  "miss", "vt",   "wyo",    "r",    "d",    "i"},
          kAbbrev);
  add_all(words_,
          {"him", "them", "us", "me", "her", "reporters", "journalists", "supporters", "voters", "lawmakers",
           "listeners", "viewers", "crowd"},
          kObject);
  add_all(words_, {"em", "til", "cause", "n", "tis", "twas", "bout", "round"}, kElision);
  add_all(words_, {"mr", "he"}, kMale);
  add_all(words_, {"mrs", "ms", "miss", "she"}, kFemale);
}

Lexicon Lexicon::load(const std::filesystem::path& data_dir, const std::vector<std::string>& extra_verbs,
                      const std::vector<std::string>& extra_titles, bool attitudes,
                      const std::vector<std::string>& extra_cues) {
  Lexicon lex;
  for (const auto& line : read_lines(data_dir / "complement_cues.txt")) lex.add_cue_line(line);
  for (const auto& line : extra_cues) lex.add_cue_line(line);
  for (const auto& line : read_lines(data_dir / "speech_verbs.txt")) lex.add_verb_line(line, attitudes);
  for (const auto& line : extra_verbs) lex.add_verb_line(line);
  for (const auto& line : read_lines(data_dir / "titles.txt")) lex.add_title(line);
  for (const auto& line : extra_titles) lex.add_title(trim(line));
  for (const auto& line : read_lines(data_dir / "roles.txt")) lex.words_.add(line, kRole);
  // "name m" or "name f": first names whose holder "he" or "she" can refer to.
  for (const auto& line : read_lines(data_dir / "first_names.txt")) {
    std::istringstream words(line);
    std::string name;
    std::string gender;
    if (!(words >> name >> gender) || (gender != "m" && gender != "f")) continue;
    for (auto& c : name) c = lower(c);
    lex.words_.add(name, gender == "m" ? kMale : kFemale);
  }
  for (const auto& line : read_lines(data_dir / "cue_phrases.txt")) {
    std::istringstream words(line);
    std::vector<std::string> phrase;
    for (std::string w; words >> w;) {
      for (auto& c : w) c = lower(c);
      phrase.push_back(std::move(w));
    }
    if (phrase.size() < 2) continue;
    lex.words_.add(phrase.front(), kPhrase);
    lex.phrases_.push_back(std::move(phrase));
  }
  return lex;
}

void Lexicon::add_verb_line(std::string_view line, bool attitudes) {
  std::istringstream in{std::string(line)};
  std::string word;
  if (!(in >> word)) return;
  for (auto& c : word) c = lower(c);
  std::uint32_t flags = kCue;
  for (std::string tag; in >> tag;) {
    if (tag == "obj") flags |= kCueObj;
    if (tag == "noun") flags |= kNounToo;
    if (tag == "direct") flags |= kDirectOnly;
    if (tag == "np") flags |= kTakesNp;
    if (tag == "indirect") flags = (flags & ~kCue) | kCueIndirect;
    if (tag == "attitude") {
      if (!attitudes) return;
      flags = (flags & ~kCue) | kCueIndirect | kAttitude;
    }
  }
  words_.add(word, flags);
}

void Lexicon::add_cue_line(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> tokens;
  for (std::string w; in >> w;) tokens.push_back(std::move(w));
  if (tokens.size() < 2) return;
  for (auto& w : tokens) {
    for (auto& c : w) c = lower(c);
  }
  if (tokens.back() == "np") {
    // A multi-word cue, every word before the tag: "referring to np"
    // ("to" here is a word, not the tag).
    tokens.pop_back();
    if (tokens.size() < 2) return;
    words_.add(tokens.front(), kNpPhrase);
    np_phrases_.push_back(std::move(tokens));
    return;
  }
  std::uint32_t flags = 0;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const std::string& w = tokens[i];
    if (w == "that") flags |= kThatCue;
    if (w == "to") flags |= kToCue;
    if (w == "objto") flags |= kObjToCue;
    if (w == "raising") flags |= kRaising;
    if (w == "be") flags |= kAfterBe;
    if (w == "wh") flags |= kWhCue;
  }
  if (flags != 0) words_.add(tokens.front(), flags);
}

std::string Lexicon::cue_line_problem(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> tokens;
  for (std::string w; in >> w;) {
    for (auto& c : w) c = lower(c);
    tokens.push_back(std::move(w));
  }
  std::string shown = "'";  // (not "'" + std::string(line) + "'": GCC 12 warns -Wrestrict on that, wrongly)
  shown.append(line).push_back('\'');
  if (tokens.size() < 2) return shown + " has no tag";
  if (tokens.back() == "np") {
    if (tokens.size() < 3) return shown + " is an np cue of one word (an np cue has several: \"railed about np\")";
    return {};
  }
  static const std::set<std::string, std::less<>> kTags = {"that", "to", "objto", "raising", "wh", "be"};
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!kTags.contains(tokens[i])) return shown + " has an unknown tag '" + tokens[i] + "'";
  }
  return {};
}

std::uint32_t Lexicon::classes(std::string_view word) const {
  if (word.empty() || word.size() > WordTable::kMaxWord) return 0;
  Padded p;
  p.size = word.size();
  for (std::size_t i = 0; i < word.size(); ++i) p.bytes[i] = lower(word[i]);
  return words_.find_padded(p);
}

}  // namespace docpipe::quotes::detail
