#include "detail/lexicon.hpp"

#include "detail/chars.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace docpipe::tokenizer::detail {
namespace {

struct Seed {
  std::string_view key;
  std::uint8_t flags;
};

constexpr std::uint8_t kCapTitle = kCapOnly | kTitle;
constexpr std::uint8_t kCapFinal = kCapOnly | kOftenFinal;

// English news abbreviations (AP style) and the common ones of web text.
// Multi-period forms ("U.S.", "a.m.") need no entry: the tokenizer keeps any
// run of one- and two-letter segments joined by periods.
constexpr Seed kSeeds[] = {
    // titles before a name
    {"mr", kTitle},
    {"mrs", kTitle},
    {"ms", kTitle},
    {"dr", kTitle},
    {"prof", kTitle},
    {"messrs", kTitle},
    {"mmes", kTitle},
    {"msgr", kTitle},
    {"rev", kTitle},
    {"hon", kCapTitle},
    {"sen", kCapTitle},
    {"rep", kCapTitle},
    {"reps", kCapTitle},
    {"sens", kCapTitle},
    {"gov", kCapTitle},
    {"govs", kCapTitle},
    {"gen", kCapTitle},
    {"lt", kTitle},
    {"col", kCapTitle},
    {"maj", kCapTitle},
    {"capt", kTitle},
    {"cmdr", kTitle},
    {"cdr", kCapTitle},
    {"sgt", kTitle},
    {"cpl", kTitle},
    {"pvt", kTitle},
    {"adm", kCapTitle},
    {"brig", kCapTitle},
    {"pres", kCapTitle},
    {"supt", kTitle},
    {"insp", kCapTitle},
    {"det", kCapTitle},
    {"atty", kTitle},
    {"fr", kCapTitle},
    {"mt", kCapTitle},
    {"ft", kAbbrevPlain},
    {"pt", kCapTitle},
    {"gens", kCapTitle},
    {"lieut", kTitle},
    {"sr", kOftenFinal},
    {"jr", kOftenFinal},
    {"st", kAbbrevPlain},
    {"ps", kCapOnly},
    {"sts", kAbbrevPlain},
    {"drs", kTitle},
    // companies and the like: often last in a sentence
    {"inc", kOftenFinal},
    {"corp", kOftenFinal},
    {"co", kOftenFinal},
    {"cos", kCapFinal},
    {"ltd", kOftenFinal},
    {"llc", kOftenFinal},
    {"plc", kOftenFinal},
    {"bros", kOftenFinal},
    {"etc", kOftenFinal},
    {"al", kOftenFinal},
    {"esq", kOftenFinal},
    {"assn", kOftenFinal},
    {"dept", kAbbrevPlain},
    {"univ", kAbbrevPlain},
    {"assoc", kAbbrevPlain},
    {"ave", kOftenFinal},
    {"blvd", kOftenFinal},
    {"rd", kCapFinal},
    {"hwy", kAbbrevPlain},
    {"mfg", kAbbrevPlain},
    {"intl", kAbbrevPlain},
    {"natl", kAbbrevPlain},
    {"govt", kAbbrevPlain},
    {"dist", kCapOnly},
    // months and days
    {"jan", kCapOnly},
    {"feb", kCapOnly},
    {"mar", kCapOnly},
    {"apr", kCapOnly},
    {"jun", kCapOnly},
    {"jul", kCapOnly},
    {"aug", kCapOnly},
    {"sep", kCapOnly},
    {"sept", kCapOnly},
    {"oct", kCapOnly},
    {"nov", kCapOnly},
    {"dec", kCapOnly},
    {"mon", kCapOnly},
    {"tue", kCapOnly},
    {"tues", kCapOnly},
    {"thu", kCapOnly},
    {"thur", kCapOnly},
    {"thurs", kCapOnly},
    {"fri", kCapOnly},
    // US states, AP style
    {"ala", kCapOnly},
    {"ariz", kCapOnly},
    {"ark", kCapOnly},
    {"calif", kCapOnly},
    {"cal", kCapOnly},
    {"colo", kCapOnly},
    {"conn", kCapOnly},
    {"del", kCapOnly},
    {"fla", kCapOnly},
    {"ga", kCapOnly},
    {"ill", kCapOnly},
    {"ind", kCapOnly},
    {"kan", kCapOnly},
    {"kans", kCapOnly},
    {"ky", kCapOnly},
    {"la", kCapOnly},
    {"md", kCapOnly},
    {"mass", kCapOnly},
    {"mich", kCapOnly},
    {"minn", kCapOnly},
    {"miss", kCapOnly},
    {"mo", kCapOnly},
    {"mont", kCapOnly},
    {"neb", kCapOnly},
    {"nebr", kCapOnly},
    {"nev", kCapOnly},
    {"okla", kCapOnly},
    {"ore", kCapOnly},
    {"pa", kCapOnly},
    {"penn", kCapOnly},
    {"tenn", kCapOnly},
    {"tex", kCapOnly},
    {"va", kCapOnly},
    {"vt", kCapOnly},
    {"wash", kCapOnly},
    {"wis", kCapOnly},
    {"wisc", kCapOnly},
    {"wyo", kCapOnly},
    // references and measures
    {"no", kNumberOnly},
    {"nos", kNumberOnly},
    {"fig", kNumberOnly},
    {"figs", kNumberOnly},
    {"vol", kAbbrevPlain},
    {"vols", kAbbrevPlain},
    {"pp", kAbbrevPlain},
    {"ch", kNumberOnly},
    {"art", kNumberOnly},
    {"sec", kNumberOnly},
    {"op", kNumberOnly},
    {"tel", kAbbrevPlain},
    {"ext", kAbbrevPlain},
    {"approx", kAbbrevPlain},
    {"est", kAbbrevPlain},
    {"cf", kAbbrevPlain},
    {"viz", kAbbrevPlain},
    {"ca", kAbbrevPlain},
    {"vs", kAbbrevPlain},
    {"ed", kAbbrevPlain},
    {"eds", kAbbrevPlain},
    {"misc", kAbbrevPlain},
    {"ref", kAbbrevPlain},
    {"avg", kAbbrevPlain},
    {"sq", kAbbrevPlain},
    {"oz", kAbbrevPlain},
    {"lbs", kAbbrevPlain},
    {"yr", kAbbrevPlain},
    {"yrs", kAbbrevPlain},
    {"hr", kAbbrevPlain},
    {"hrs", kAbbrevPlain},
    {"mins", kAbbrevPlain},
    {"mph", kAbbrevPlain},
    {"voc", kAbbrevPlain},
    {"tbsp", kAbbrevPlain},
    {"tsp", kAbbrevPlain},
    {"dia", kAbbrevPlain},
    {"max", kNumberOnly},
    {"min", kNumberOnly},
    {"pct", kAbbrevPlain},
    {"mln", kAbbrevPlain},
    {"bln", kAbbrevPlain},
    {"attn", kAbbrevPlain},
    {"encl", kAbbrevPlain},
    {"dept", kAbbrevPlain},
    {"gov't", kAbbrevPlain},
    {"asst", kAbbrevPlain},
    {"dir", kCapOnly},
    {"mgr", kAbbrevPlain},
    {"mgmt", kAbbrevPlain},
    {"bldg", kAbbrevPlain},
    {"div", kCapOnly},
    {"hosp", kAbbrevPlain},
    {"inst", kCapOnly},
    {"jct", kAbbrevPlain},
    {"pkwy", kAbbrevPlain},
    {"rte", kAbbrevPlain},
    {"ste", kCapOnly},
    {"twp", kAbbrevPlain},
    {"yds", kAbbrevPlain},
    {"comdr", kTitle},
};

std::string to_lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

template <std::size_t N>
bool contains_icase(const std::string_view (&list)[N], std::string_view word) {
  return std::any_of(std::begin(list), std::end(list), [&](std::string_view w) { return iequals(w, word); });
}

// UD English keeps these prefixes joined to the rest of the word ("non-human",
// "e-mail", "re-emerged") and splits every other hyphenated compound.
constexpr std::string_view kHyphenPrefixes[] = {
    "e",     "anti", "bi",    "co",    "counter", "cross", "de",   "ex",    "extra", "inter", "intra",  "macro",
    "micro", "mid",  "mis",   "multi", "neo",     "non",   "over", "post",  "pre",   "pro",   "pseudo", "re",
    "semi",  "sub",  "super", "trans", "tri",     "ultra", "un",   "under", "vice",  "uni"};

constexpr std::string_view kUnits[] = {"k",   "m",   "km", "cm",  "mm",   "kg",  "g",    "mg", "lb", "lbs",
                                       "gb",  "mb",  "tb", "kb",  "hrs",  "hr",  "h",    "am", "pm", "ft",
                                       "mph", "kph", "ml", "min", "mins", "sec", "secs", "p",  "bn", "mn"};

constexpr std::string_view kOpeners[] = {
    "I",     "It",    "He",        "She",    "We",    "They",     "You",    "The",     "This",      "That",  "These",
    "Those", "There", "Here",      "A",      "An",    "But",      "And",    "Or",      "So",        "Yet",   "If",
    "When",  "While", "What",      "Why",    "How",   "Where",    "Who",    "Which",   "In",        "On",    "At",
    "For",   "As",    "After",     "Before", "Since", "Although", "Though", "However", "Meanwhile", "Also",  "Then",
    "Now",   "Today", "Yesterday", "My",     "Our",   "Your",     "His",    "Her",     "Their",     "Its",   "Some",
    "Many",  "Most",  "All",       "No",     "Not",   "Please",   "Let",    "Do",      "Does",      "Did",   "Is",
    "Are",   "Was",   "Were",      "Will",   "Would", "Can",      "Could",  "Should",  "Thanks",    "Thank", "Yes",
    "Each",  "Every", "One",       "Two",    "Both",  "Even",     "Still",  "Instead", "Because",   "Once",  "With",
    "From",  "By",    "To",        "Under",  "Over",  "Despite",  "Nor",    "Not"};

}  // namespace

namespace {
// FNV-1a over the lowercase bytes.
std::uint32_t hash_lower(std::string_view word) {
  std::uint32_t h = 2166136261u;
  for (char c : word) h = (h ^ static_cast<unsigned char>(lower_ascii(c))) * 16777619u;
  return h;
}
}  // namespace

Abbreviations::Abbreviations(const std::vector<std::string>& extra) {
  for (const Seed& s : kSeeds) entries_.push_back({std::string(s.key), s.flags});
  for (std::string_view e : extra) {
    while (!e.empty() && e.back() == '.') e.remove_suffix(1);
    if (e.empty() || e.size() > kMaxLength) continue;
    entries_.push_back({to_lower_copy(e), kAbbrevPlain});
  }
  std::size_t size = 64;
  while (size < entries_.size() * 4) size *= 2;
  slots_.assign(size, 0);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::size_t at = hash_lower(entries_[k].key) & (size - 1);
    bool duplicate = false;
    while (slots_[at] != 0) {
      // The first entry of a key wins, so built-in flags survive a duplicate extra.
      duplicate = duplicate || entries_[slots_[at] - 1].key == entries_[k].key;
      at = (at + 1) & (size - 1);
    }
    if (!duplicate) slots_[at] = static_cast<std::uint16_t>(k + 1);
  }
}

int Abbreviations::find(std::string_view word) const {
  if (word.empty() || word.size() > kMaxLength) return -1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash_lower(word) & mask; slots_[at] != 0; at = (at + 1) & mask) {
    const Entry& e = entries_[slots_[at] - 1];
    if (e.key.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) same = e.key[i] == lower_ascii(word[i]);
    if (!same) continue;
    if ((e.flags & kCapOnly) != 0 && !(word[0] >= 'A' && word[0] <= 'Z')) return -1;
    return e.flags;
  }
  return -1;
}

bool is_hyphen_prefix(std::string_view word) {
  return contains_icase(kHyphenPrefixes, word);
}

bool is_file_or_domain_suffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {
      "com", "net",  "org", "edu", "gov",  "mil",  "int", "info", "biz",  "io",  "co",  "uk",   "us",  "ca",
      "au",  "de",   "fr",  "jp",  "cn",   "ru",   "in",  "nz",   "ie",   "nl",  "es",  "it",   "ch",  "se",
      "eu",  "tv",   "me",  "ly",  "htm",  "html", "php", "asp",  "aspx", "pdf", "doc", "docx", "xls", "xlsx",
      "ppt", "pptx", "txt", "jpg", "jpeg", "gif",  "png", "mp3",  "mp4",  "zip", "exe", "csv",  "xml", "json"};
  return contains_icase(kSuffixes, word);
}

bool is_unit(std::string_view word) {
  // One-letter units only in lowercase: "5k", "10m", but "3G", "4K" are names.
  if (word.size() == 1 && !(word[0] >= 'a' && word[0] <= 'z')) return false;
  return contains_icase(kUnits, word);
}

bool is_sentence_opener(std::string_view word) {
  return std::find(std::begin(kOpeners), std::end(kOpeners), word) != std::end(kOpeners);
}

std::size_t emoticon_length(std::string_view text) {
  if (text.size() < 2) return 0;
  switch (text[0]) {  // most chunks are words: reject them at once
    case ':':
    case ';':
    case '^':
    case '-':
    case '<':
    case '=':
    case 'x':
    case 'X':
      break;
    default:
      return 0;
  }
  static constexpr std::string_view kEmoticons[] = {
      ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", ":-/", ":-|", ":-O", ":-o", "^_^", "^^", "-_-", ":)", ":(", ":D",
      ":P",  ":p",  ";)",  ":/",  ":|",  ":O",  ":o",  "<3",  "=)",  "=(",  "xD",  "XD",  ":]", ":[",  ";D", ":*"};
  for (std::string_view e : kEmoticons)
    if (text.substr(0, e.size()) == e) return e.size();
  return 0;
}

std::size_t leading_apostrophe_word(std::string_view text) {
  // `text` starts with ' (1 byte) or ’ (3 bytes).
  const std::size_t q = text[0] == '\'' ? 1 : 3;
  std::size_t n = q;
  while (n < text.size() && std::isalnum(static_cast<unsigned char>(text[n]))) ++n;
  const std::string_view rest = text.substr(q, n - q);
  if (rest.empty()) return 0;
  if (std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }) && rest.size() == 2)
    return n;  // '70
  static constexpr std::string_view kWords[] = {"em",  "til", "cause", "cos", "tis", "twas", "n",
                                                "70s", "80s", "90s",   "60s", "50s", "s",    "bout"};
  return contains_icase(kWords, rest) ? n : 0;
}

}  // namespace docpipe::tokenizer::detail
