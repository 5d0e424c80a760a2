#include "detail/stemmer.hpp"

#include <libstemmer.h>

#include <stdexcept>

namespace docpipe::summarizer::detail {
namespace {
// Snowball stemmers are meant for words; a 10 MB "word" gains nothing.
constexpr std::size_t kMaxWordBytes = 64;
}  // namespace

Stemmer::Stemmer(const std::string& language) : stemmer_(sb_stemmer_new(language.c_str(), nullptr)) {
  if (stemmer_ == nullptr) throw std::invalid_argument("libstemmer has no algorithm '" + language + "'");
}

Stemmer::~Stemmer() {
  sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::stem(std::string_view word) {
  if (word.size() > kMaxWordBytes) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

std::vector<std::string> stemmer_languages() {
  std::vector<std::string> out;
  for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) out.emplace_back(*name);
  return out;
}

}  // namespace docpipe::summarizer::detail
