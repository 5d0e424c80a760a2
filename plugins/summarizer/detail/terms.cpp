#include "detail/terms.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace docpipe::summarizer::detail {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;

bool has_alnum(std::string_view word) {
  for (const char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) return true;
  }
  return false;
}

// Title words: the title is not tokenized by an earlier stage, so split it
// at white space and strip punctuation from the ends of each piece.
template <typename F>
void for_each_title_word(std::string_view title, F&& f) {
  std::size_t i = 0;
  while (i < title.size()) {
    while (i < title.size() && (title[i] == ' ' || title[i] == '\t' || title[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < title.size() && title[j] != ' ' && title[j] != '\t' && title[j] != '\n') ++j;
    std::size_t b = i;
    std::size_t e = j;
    auto punct = [](char c) { return c != '\'' && static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c)); };
    while (b < e && punct(title[b])) ++b;
    while (e > b && punct(title[e - 1])) --e;
    if (e > b) f(title.substr(b, e - b));
    i = j;
  }
}

void sort_bag(TermCounts& bag) {
  std::sort(bag.begin(), bag.end());
  std::size_t w = 0;
  for (std::size_t r = 0; r < bag.size(); ++r) {
    if (w > 0 && bag[w - 1].first == bag[r].first) {
      bag[w - 1].second += bag[r].second;
    } else {
      bag[w++] = bag[r];
    }
  }
  bag.resize(w);
}

}  // namespace

TermExtractor::TermExtractor(const std::vector<std::string>& stopwords) {
  for (const std::string& w : stopwords) {
    std::string n;
    normalize(w, n);
    stopwords_.insert(std::move(n));
  }
}

void TermExtractor::normalize(std::string_view word, std::string& out) {
  out.clear();
  bool ascii = true;
  for (const char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.reserve(word.size());
    for (const char c : word) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
                   &folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(folded, &std::free);
  const std::string_view s = n < 0 ? word : std::string_view(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
  // U+2019 and U+2018 (curly apostrophes) read as "'", so "don’t" is "don't".
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\x99' || s[i + 2] == '\x98')) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
}

void TermExtractor::extract(std::string_view text, const std::vector<Token>& tokens, const std::vector<Span>& spans,
                            std::string_view title, Stemmer& stemmer, DocumentTerms& out) const {
  out.sentences.assign(spans.size(), {});
  out.words.assign(spans.size(), 0);
  out.title.clear();
  IdMap word_ids;  // lowercase word -> term id (or kStop)
  IdMap stem_ids;  // stem -> term id
  constexpr std::uint32_t kStop = 0xFFFFFFFFu;
  std::string lower;
  auto term_of = [&](std::string_view word) -> std::uint32_t {
    normalize(word, lower);
    if (const auto it = word_ids.find(std::string_view(lower)); it != word_ids.end()) return it->second;
    std::uint32_t id = kStop;
    if (stopwords_.find(std::string_view(lower)) == stopwords_.end()) {
      const std::string_view stem = stemmer.stem(lower);
      auto [it, fresh] = stem_ids.try_emplace(std::string(stem), static_cast<std::uint32_t>(stem_ids.size()));
      id = it->second;
    }
    word_ids.emplace(lower, id);
    return id;
  };

  // Spans are in text order and tokens sorted, so one forward walk suffices
  // for each span (spans may skip text, never overlap).
  std::size_t t = 0;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const Span span = spans[s];
    while (t < tokens.size() && tokens[t].begin < span.begin) ++t;
    TermCounts& bag = out.sentences[s];
    std::size_t u = t;
    for (; u < tokens.size() && tokens[u].end <= span.end; ++u) {
      const Token& tok = tokens[u];
      if (tok.kind != TokenKind::word && tok.kind != TokenKind::number) continue;
      ++out.words[s];
      if (tok.end > text.size() || tok.begin >= tok.end) continue;
      const std::string_view word = text.substr(tok.begin, tok.end - tok.begin);
      if (!has_alnum(word)) continue;
      const std::uint32_t id = term_of(word);
      if (id != kStop) bag.emplace_back(id, 1);
    }
    t = u;
    sort_bag(bag);
  }
  out.vocabulary = static_cast<std::uint32_t>(stem_ids.size());

  for_each_title_word(title, [&](std::string_view word) {
    if (!has_alnum(word)) return;
    normalize(word, lower);
    if (stopwords_.find(std::string_view(lower)) != stopwords_.end()) return;
    const auto it = stem_ids.find(stemmer.stem(lower));
    if (it != stem_ids.end()) out.title.emplace_back(it->second, 1);
  });
  sort_bag(out.title);
}

std::vector<std::string> read_word_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    const std::size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const std::size_t e = line.find_last_not_of(" \t\r");
    words.push_back(line.substr(b, e - b + 1));
  }
  return words;
}

}  // namespace docpipe::summarizer::detail
