#include "detail/sentence_filter.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace docpipe::summarizer::detail {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_high(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool is_alnum(char c) {
  return is_upper(c) || is_lower(c) || is_digit(c) || is_high(c);
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\xC2')) {
    if (s[i] == '\xC2') {  // U+00A0 no-break space
      if (i + 1 < s.size() && s[i + 1] == '\xA0') {
        i += 2;
        continue;
      }
      break;
    }
    ++i;
  }
  return i;
}

// Bytes of a dash at s[i] ("--", "-", en or em dash), 0 when none.
std::size_t dash_length(std::string_view s, std::size_t i) {
  if (s.substr(i, 2) == "--") return 2;
  if (s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x93") return 3;
  if (i < s.size() && s[i] == '-') return 1;
  return 0;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// News agencies that sign datelines: "London (CNN)", "NEW YORK (AP) --".
constexpr std::array<std::string_view, 16> kAgencies = {
    "CNN", "AP",   "Reuters", "AFP",    "UPI",      "Bloomberg",        "BBC",      "PA",
    "dpa", "ANSA", "Xinhua",  "EW.com", "CNNMoney", "CNN Student News", "Mashable", "CNET"};

bool word_in(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "West of Baghdad", "Rio de Janeiro": a lowercase link inside a place name.
bool place_connector(std::string_view s, std::size_t i) {
  for (const std::string_view w : {"of ", "de ", "da ", "del ", "la ", "el ", "al-", "upon "}) {
    if (s.substr(i, w.size()) == w && i > 0 && s[i - 1] == ' ' && i + w.size() < s.size() &&
        is_upper(s[i + w.size()])) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t dateline_length(std::string_view s) {
  constexpr std::size_t kMaxDateline = 80;
  constexpr int kMaxPlaceWords = 6;
  std::size_t i = skip_spaces(s, 0);
  int words = 0;
  bool first_all_caps = false;
  // The place: capitalized words (or a date "Jan. 5"), commas between.
  while (i < s.size() && i < kMaxDateline && (is_upper(s[i]) || is_digit(s[i]) || place_connector(s, i))) {
    const std::size_t b = i;
    int letters = 0;
    int lowers = 0;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-')) {
      if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == '-') break;
      letters += is_upper(s[i]) || is_lower(s[i]) ? 1 : 0;
      lowers += is_lower(s[i]) ? 1 : 0;
      ++i;
    }
    if (words == 0) first_all_caps = letters >= 2 && lowers == 0;
    if (++words > kMaxPlaceWords || i == b) return 0;
    if (i < s.size() && s[i] == ',') ++i;
    i = skip_spaces(s, i);
  }
  if (i >= s.size() || i > kMaxDateline) return 0;

  if (s[i] == '(') {
    const std::size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 24) return 0;
    const std::string_view inner = s.substr(i + 1, close - i - 1);
    const bool agency = std::find(kAgencies.begin(), kAgencies.end(), inner) != kAgencies.end();
    bool caps = inner.size() >= 2;
    for (const char c : inner) caps = caps && (is_upper(c) || c == ' ' || c == '.');
    std::size_t after = skip_spaces(s, close + 1);
    const std::size_t dash = dash_length(s, after);
    if (!agency && !(caps && dash > 0)) return 0;
    i = after + dash;
  } else {
    const std::size_t dash = dash_length(s, i);
    // Without an agency, only an all-capitals place before a dash is a
    // dateline: "The United States -- which ..." is a sentence.
    if (dash == 0 || words == 0 || !first_all_caps) return 0;
    if (dash == 1 && (i == 0 || s[i - 1] != ' ')) return 0;
    i += dash;
  }
  i = skip_spaces(s, i);
  return i < s.size() ? i : 0;
}

bool is_terminated(std::string_view content) {
  std::string_view s = trim(content);
  // Strip closing quotes and brackets: "... as \"confident.\"" ends a sentence.
  for (;;) {
    if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3, 2) == "\xE2\x80" &&
               (s.back() == '\x9D' || s.back() == '\x99')) {  // ” ’
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6") return true;  // …
  const char last = s.back();
  if (last == '!' || last == '?') return true;
  if (last != '.') return false;
  // A lone " ." was appended to an unpunctuated line by a converter.
  return !(s.size() >= 2 && is_space(s[s.size() - 2]));
}

std::size_t content_start(std::string_view sentence) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = sentence.find('\n', start);
    if (nl == std::string_view::npos) break;
    const std::string_view line = trim(sentence.substr(start, nl - start));
    if (!line.empty() && is_terminated(line)) break;
    start = nl + 1;
  }
  while (start < sentence.size() && is_space(sentence[start])) ++start;
  start += dateline_length(sentence.substr(start));
  while (start < sentence.size() && is_space(sentence[start])) ++start;
  return start;
}

namespace {
std::vector<std::string_view> words_of(std::string_view s, std::size_t limit) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size() && words.size() < limit;) {
    if (!is_alnum(s[i])) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == '\'')) ++i;
    words.push_back(s.substr(b, i - b));
  }
  return words;
}
}  // namespace

bool is_weak_shape(std::string_view content) {
  const std::string_view s = trim(content);
  constexpr std::size_t kMinWords = 4;
  if (words_of(s, kMinWords).size() < kMinWords || !is_terminated(s)) return true;
  return std::none_of(s.begin(), s.end(), is_lower);
}

bool has_boilerplate_marker(std::string_view content) {
  const std::string_view s = trim(content);
  // A byline: "By Jane Smith and John Doe, CNN." (but not "By Monday, the ...").
  if (s.starts_with("By ")) {
    const std::vector<std::string_view> words = words_of(s, 10);
    if (words.size() <= 8) {
      bool names = true;
      for (std::size_t w = 1; w < words.size(); ++w) {
        names = names && (is_upper(words[w].front()) || word_in(words[w], {"and", "of", "for", "in", "the", "de"}));
      }
      if (names) return true;
    }
  }
  const std::string lower = ascii_lower(s);
  constexpr std::array<std::string_view, 22> kPrefixes = {
      "read more",     "read:",      "watch:",  "video:",       "related:",     "see also",
      "more:",         "updated:",   "posted:", "published:",   "last updated", "editor's note",
      "editor’s note", "click here", "sign up", "subscribe to", "share this",   "advertisement",
      "copyright",     "photo:",     "image:",  "caption:"};
  for (const std::string_view p : kPrefixes) {
    if (lower.starts_with(p)) return true;
  }
  constexpr std::array<std::string_view, 24> kMarkers = {"contributed to this report",
                                                         "contributed reporting",
                                                         "contributed to this story",
                                                         "all rights reserved",
                                                         "click here",
                                                         "scroll down",
                                                         "follow us on",
                                                         "accessibility links",
                                                         "skip to main content",
                                                         "getty images",
                                                         "ap photo",
                                                         "/reuters",
                                                         "/afp",
                                                         "/getty",
                                                         "(left)",
                                                         "(right)",
                                                         "(center)",
                                                         "(centre)",
                                                         "(pictured)",
                                                         ", pictured",
                                                         "pictured:",
                                                         "file photo",
                                                         "\xC2\xA9",
                                                         "privacy policy"};
  for (const std::string_view m : kMarkers) {
    if (lower.find(m) != std::string::npos) return true;
  }
  return false;
}

bool is_boilerplate(std::string_view content) {
  return is_weak_shape(content) || has_boilerplate_marker(content);
}

Style style_of(std::string_view content) {
  const std::string_view s = trim(content);
  Style style;
  if (s.empty()) return style;
  style.opens_quote = s.front() == '"' || s.starts_with("\xE2\x80\x9C") || s.starts_with("'");
  std::string_view tail = s;
  while (!tail.empty() && (tail.back() == '"' || tail.back() == '\'' || tail.back() == ')' || is_space(tail.back()))) {
    tail.remove_suffix(1);
  }
  if (tail.ends_with("\xE2\x80\x9D")) tail.remove_suffix(3);
  style.question = tail.ends_with("?");
  std::size_t b = 0;
  while (b < s.size() && !is_alnum(s[b])) ++b;
  std::size_t e = b;
  while (e < s.size() && (is_upper(s[e]) || is_lower(s[e]))) ++e;
  const std::string first = ascii_lower(s.substr(b, e - b));
  // Inside a quote a pronoun points into the quote, not back into the story.
  style.leans_back = !style.opens_quote && (e == s.size() || !is_alnum(s[e])) &&
                     word_in(first, {"he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "their",
                                     "its", "we", "i", "you", "there"});
  return style;
}

namespace {

bool is_cue(std::string_view word) {
  static constexpr std::array<std::string_view, 62> kCues = {
      "said",      "says",      "say",          "saying",    "told",      "tell",      "tells",    "added",
      "adds",      "according", "asked",        "asks",      "explained", "explains",  "noted",    "notes",
      "insisted",  "insists",   "warned",       "warns",     "claimed",   "claims",    "argued",   "argues",
      "wrote",     "writes",    "announced",    "announces", "declared",  "declares",  "replied",  "replies",
      "recalled",  "recalls",   "acknowledged", "admitted",  "admits",    "suggested", "suggests", "described",
      "describes", "continued", "urged",        "urges",     "tweeted",   "commented", "stressed", "emphasized",
      "confirmed", "believes",  "quoted",       "testified", "conceded",  "predicted", "vowed",    "pledged",
      "promised",  "remarked",  "observed",     "joked",     "responded", "explaining"};
  return std::find(kCues.begin(), kCues.end(), word) != kCues.end();
}

// Bytes of a quote mark at text[i] and whether it opens, 0 when none. A
// straight quote opens after a space and before a word, closes after a
// word and before a space, and toggles where its sides do not tell. So a
// quote that runs over a paragraph break and reopens there ("... this.
// "I know ...") stays one quote when the paragraphs were joined into one
// line, and one stray mark does not turn the rest of a paragraph into
// quoted words.
std::size_t quote_mark(std::string_view text, std::size_t i, bool inside, bool& opens) {
  if (text[i] == '"') {
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    const bool space_before = i == 0 || space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
    const bool space_after = i + 1 >= text.size() || space(text[i + 1]);
    if (space_before && !space_after) {
      opens = true;
    } else if (!space_before && space_after) {
      opens = false;
    } else {
      opens = !inside;
    }
    return 1;
  }
  if (text[i] == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
      (text[i + 2] == '\x9C' || text[i + 2] == '\x9D')) {
    opens = text[i + 2] == '\x9C';
    return 3;
  }
  return 0;
}

}  // namespace

std::vector<QuoteShape> quote_shapes(std::string_view text,
                                     const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  std::vector<QuoteShape> out(spans.size());
  // Pass 1: how much of each sentence is quoted, and the quote state at its start.
  std::vector<bool> starts_inside(spans.size(), false);
  bool inside = false;
  std::size_t previous_end = 0;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const auto [begin, end] = spans[s];
    // Paragraphs reopen a running quote with a new mark, so a quote never
    // carries over a line break; this also contains unbalanced marks.
    if (begin < previous_end || text.substr(previous_end, begin - previous_end).find('\n') != std::string_view::npos) {
      inside = false;
    }
    previous_end = std::max(previous_end, end);
    starts_inside[s] = inside;
    if (!inside && end <= text.size()) {
      // Most sentences have no quote mark at all: two memchr scans say so.
      const char* p = text.data() + begin;
      const std::size_t len = end - begin;
      if (std::memchr(p, '"', len) == nullptr && std::memchr(p, '\xE2', len) == nullptr) continue;
    }
    std::size_t quoted = 0;
    std::size_t total = 0;
    for (std::size_t i = begin; i < end && i < text.size();) {
      bool opens = false;
      if (const std::size_t m = quote_mark(text, i, inside, opens)) {
        inside = opens;
        i += m;
        continue;
      }
      if (is_alnum(text[i])) {
        ++total;
        quoted += inside ? 1 : 0;
      }
      ++i;
    }
    out[s].quote = total > 0 && (2 * quoted >= total || (starts_inside[s] && quoted > 0));
    out[s].quoted_share = total > 0 ? static_cast<double>(quoted) / static_cast<double>(total) : 0.0;
  }
  // Pass 2: speech cues outside the quoted words, looked for only where a
  // quote needs them (in it or next to it); most sentences quote nobody.
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const bool near_quote = out[s].quote || (s > 0 && out[s - 1].quote) || (s + 1 < spans.size() && out[s + 1].quote);
    if (!near_quote) continue;
    const auto [begin, end] = spans[s];
    inside = starts_inside[s];
    std::string word;
    for (std::size_t i = begin; i <= end && i <= text.size() && !out[s].attributed;) {
      bool opens = false;
      const std::size_t m = i < end && i < text.size() ? quote_mark(text, i, inside, opens) : 0;
      const bool letter = i < end && i < text.size() && m == 0 && is_alnum(text[i]);
      if (letter && !inside) {
        if (word.size() < 16) word.push_back(is_upper(text[i]) ? static_cast<char>(text[i] - 'A' + 'a') : text[i]);
      } else if (!letter) {
        if (!word.empty() && is_cue(word)) out[s].attributed = true;
        word.clear();
      }
      if (m > 0) {
        inside = opens;
        i += m;
      } else {
        ++i;
      }
    }
  }
  return out;
}

}  // namespace docpipe::summarizer::detail
