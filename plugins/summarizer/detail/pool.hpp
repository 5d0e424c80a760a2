#pragma once
// A pool of per-thread working objects (stateful stemmers with their
// caches): concurrent process() calls each borrow one for a document.

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace docpipe::summarizer::detail {

template <typename T>
class Pool {
 public:
  /// `make` creates an object when none is free; called once here so a
  /// failure (a bad option) surfaces at construction.
  explicit Pool(std::function<std::unique_ptr<T>()> make) : make_(std::move(make)) { free_.push_back(make_()); }

  /// Exclusive use of one object until the lease ends.
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<T> item) : pool_(&pool), item_(std::move(item)) {}
    ~Lease() { pool_->give_back(std::move(item_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T& operator*() const { return *item_; }
    T* operator->() const { return item_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<T> item_;
  };

  [[nodiscard]] Lease borrow() {
    {
      const std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto item = std::move(free_.back());
        free_.pop_back();
        return Lease(*this, std::move(item));
      }
    }
    return Lease(*this, make_());
  }

 private:
  void give_back(std::unique_ptr<T> item) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(item));
  }
  std::function<std::unique_ptr<T>()> make_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<T>> free_;
};

}  // namespace docpipe::summarizer::detail
