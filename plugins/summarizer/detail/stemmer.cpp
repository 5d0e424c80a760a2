#include "detail/stemmer.hpp"

#include <libstemmer.h>

#include <stdexcept>

namespace docpipe::summarizer::detail {
namespace {
// The memo is a cache of a pure function: dropping it when it grows past
// this bounds memory on corpora with endless vocabularies.
constexpr std::size_t kMaxMemo = 200'000;
// Snowball stemmers are meant for words; a 10 MB "word" gains nothing.
constexpr std::size_t kMaxWordBytes = 64;
}  // namespace

Stemmer::Stemmer(const std::string& language) : stemmer_(sb_stemmer_new(language.c_str(), nullptr)) {
  if (stemmer_ == nullptr) throw std::invalid_argument("libstemmer has no algorithm '" + language + "'");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::stem(std::string_view word) {
  if (word.size() > kMaxWordBytes) return word;
  if (const auto it = memo_.find(word); it != memo_.end()) return it->second;
  if (memo_.size() >= kMaxMemo) memo_.clear();
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  std::string stemmed = out == nullptr ? std::string(word)
                                       : std::string(reinterpret_cast<const char*>(out),
                                                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  return memo_.emplace(std::string(word), std::move(stemmed)).first->second;
}

StemmerPool::StemmerPool(std::string language) : language_(std::move(language)) {
  free_.push_back(std::make_unique<Stemmer>(language_));  // fails early on a bad language
}

StemmerPool::Lease StemmerPool::borrow() {
  {
    const std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      auto stemmer = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(stemmer));
    }
  }
  return Lease(*this, std::make_unique<Stemmer>(language_));
}

void StemmerPool::give_back(std::unique_ptr<Stemmer> stemmer) {
  const std::lock_guard lock(mutex_);
  free_.push_back(std::move(stemmer));
}

std::vector<std::string> stemmer_languages() {
  std::vector<std::string> out;
  for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) out.emplace_back(*name);
  return out;
}

}  // namespace docpipe::summarizer::detail
