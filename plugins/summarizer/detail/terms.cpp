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

constexpr std::size_t kMaxTermBytes = 64;

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
    auto punct = [](char c) {
      return c != '\'' && static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c));
    };
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

TermExtractor::TermExtractor(const std::vector<std::string>& stopwords, bool numbers) : numbers_(numbers) {
  for (const std::string& w : stopwords) {
    std::string n;
    normalize(w, n);
    const std::uint64_t h = WordTable::hash(n);
    if (!n.empty() && stopwords_.find(n, h) == WordTable::kMissing) stopwords_.insert(n, h, 0);
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
  const std::string_view s =
      n < 0 ? word : std::string_view(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
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

std::uint64_t WordTable::hash(std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a: words are short
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  // FNV's low bits mix poorly and the table indexes by them: finish with
  // MurmurHash3's avalanche.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

std::uint32_t WordTable::find(std::string_view key, std::uint64_t hash) const {
  if (slots_.empty()) return kMissing;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.length == 0) return kMissing;
    if (s.hash == hash && s.length == key.size()) {
      const char* a = arena_.data() + s.offset;
      std::size_t k = 0;
      while (k < key.size() && a[k] == key[k]) ++k;
      if (k == key.size()) return s.value;
    }
  }
}

void WordTable::insert(std::string_view key, std::uint64_t hash, std::uint32_t value) {
  if (key.empty()) return;
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].length != 0) i = (i + 1) & mask;
  slots_[i] = {hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(key.size()), value};
  arena_.append(key);
  ++used_;
}

void WordTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.length == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].length != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void WordTable::clear() {
  slots_.clear();
  arena_.clear();
  used_ = 0;
}

void TermExtractor::extract(std::string_view text, const std::vector<Token>& tokens, const std::vector<Span>& spans,
                            std::string_view title, Vocabulary& v, DocumentTerms& out) const {
  // The caches are pure memos; dropping them between documents bounds
  // memory on corpora with endless vocabularies.
  constexpr std::size_t kMaxCached = 500'000;
  if (v.words_.size() > kMaxCached || v.stems_.size() > kMaxCached) {
    v.words_.clear();
    v.stems_.clear();
    v.stamp_.clear();
    v.local_.clear();
  }
  if (++v.epoch_ == 0) {  // wrapped: forget every stamp
    std::fill(v.stamp_.begin(), v.stamp_.end(), 0u);
    v.epoch_ = 1;
  }
  out.sentences.resize(spans.size());
  for (TermCounts& bag : out.sentences) bag.clear();
  out.words.assign(spans.size(), 0);
  out.title.clear();
  std::uint32_t local_count = 0;
  std::string lower;
  auto global_of = [&](std::string_view word) -> std::uint32_t {
    normalize(word, lower);
    const std::uint64_t h = WordTable::hash(lower);
    if (stopwords_.find(lower, h) != WordTable::kMissing) return Vocabulary::kStop;
    std::uint32_t id = v.words_.find(lower, h);
    if (id != WordTable::kMissing) return id;
    const std::string_view stem = v.stem_ ? v.stemmer_.stem(lower) : std::string_view(lower);
    id = v.stems_.try_emplace(std::string(stem), static_cast<std::uint32_t>(v.stems_.size())).first->second;
    if (id >= v.stamp_.size()) {
      v.stamp_.resize(id + 1, 0);
      v.local_.resize(id + 1, 0);
    }
    v.words_.insert(lower, h, id);
    return id;
  };
  auto local_of = [&](std::uint32_t global) {
    if (v.stamp_[global] != v.epoch_) {
      v.stamp_[global] = v.epoch_;
      v.local_[global] = local_count++;
    }
    return v.local_[global];
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
      // A "word" of more than 64 bytes is no vocabulary (a URL, a run
      // without spaces); keeping it out also bounds the caches' memory.
      if (word.size() > kMaxTermBytes || !has_alnum(word)) continue;
      if (!numbers_ && tok.kind == TokenKind::number) continue;
      const std::uint32_t g = global_of(word);
      if (g != Vocabulary::kStop) bag.emplace_back(local_of(g), 1);
    }
    t = u;
    sort_bag(bag);
  }
  const std::uint32_t text_terms = local_count;
  out.vocabulary = text_terms;

  for_each_title_word(title, [&](std::string_view word) {
    if (word.size() > kMaxTermBytes || !has_alnum(word)) return;
    const std::uint32_t g = global_of(word);
    if (g == Vocabulary::kStop) return;
    const std::uint32_t l = local_of(g);
    if (l < text_terms) out.title.emplace_back(l, 1);
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
