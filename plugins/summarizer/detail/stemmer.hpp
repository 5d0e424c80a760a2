#pragma once
// Snowball stemming made safe for concurrent stages: libstemmer objects are
// stateful, so each process() call borrows one from a pool for its duration.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace docpipe::summarizer::detail {

/// One libstemmer object with a memo of the words it has stemmed (a
/// Snowball stemmer is a pure function, so the memo never changes a result).
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
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo_;
};

/// Hands out Stemmers to concurrent callers; returned on scope exit.
class StemmerPool {
 public:
  /// Throws std::invalid_argument when libstemmer has no such algorithm.
  explicit StemmerPool(std::string language);

  class Lease {
   public:
    Lease(StemmerPool& pool, std::unique_ptr<Stemmer> stemmer) : pool_(&pool), stemmer_(std::move(stemmer)) {}
    ~Lease() { pool_->give_back(std::move(stemmer_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Stemmer& operator*() const { return *stemmer_; }
    Stemmer* operator->() const { return stemmer_.get(); }

   private:
    StemmerPool* pool_;
    std::unique_ptr<Stemmer> stemmer_;
  };

  /// A stemmer for the caller's exclusive use until the lease ends.
  [[nodiscard]] Lease borrow();

 private:
  void give_back(std::unique_ptr<Stemmer> stemmer);
  std::string language_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Stemmer>> free_;
};

/// Names of the stemming algorithms libstemmer offers ("english", ...).
[[nodiscard]] std::vector<std::string> stemmer_languages();

}  // namespace docpipe::summarizer::detail
