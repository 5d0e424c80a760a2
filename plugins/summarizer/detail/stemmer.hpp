#pragma once
// Snowball stemming through libstemmer. A libstemmer object is stateful, so
// a Stemmer is used by one thread at a time (see detail/pool.hpp).

#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace docpipe::summarizer::detail {

/// One libstemmer object.
class Stemmer {
 public:
  /// Throws std::invalid_argument when libstemmer has no such algorithm.
  explicit Stemmer(const std::string& language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// The stem of the lowercase UTF-8 `word`; valid until the next call.
  [[nodiscard]] std::string_view stem(std::string_view word);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

/// Names of the stemming algorithms libstemmer offers ("english", ...).
[[nodiscard]] std::vector<std::string> stemmer_languages();

}  // namespace docpipe::summarizer::detail
