#pragma once
// Crash isolation (--isolate): stages run in worker processes, so a plugin
// that segfaults, aborts or hangs costs the document it was processing, not
// the run. Workers are the docpipe binary itself (`docpipe worker ...`),
// started with posix_spawn, fed documents over a pipe.

#include <docpipe/framework/runner.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace docpipe {

struct WorkerPoolOptions {
  std::string program;                 ///< the docpipe binary
  std::vector<std::string> arguments;  ///< arguments that start one worker
  std::size_t workers = 1;
  /// A document not answered within this time kills its worker.
  std::optional<std::chrono::duration<double>> timeout;
  /// The pipeline's stage names, in order: the workers report the time each
  /// took per document (see timings()).
  std::vector<std::string> stage_names;
};

/// A pool of worker processes; process() may be called from many threads.
class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Sends `doc` to a free worker and waits for its answer. A worker that
  /// dies or times out is replaced, and the document fails with the signal
  /// or the timeout as its error. `text_literal`: see write_document.
  ProcessResult process(Document& doc, std::string_view text_literal = {});

  /// Time the workers spent in each stage, summed over the documents they
  /// answered (a document whose worker died or timed out is not counted).
  [[nodiscard]] std::vector<StageTiming> timings() const;

 private:
  struct Worker;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The worker side: reads framed documents on stdin, runs `process` on each
/// and writes framed results on stdout, each followed by the time each stage
/// took on that document (from `timings`, the pipeline's running totals),
/// until stdin closes.
int serve_worker(const DocumentProcessor& process, const std::function<std::vector<StageTiming>()>& timings);

}  // namespace docpipe
