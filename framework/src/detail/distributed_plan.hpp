#pragma once
// The MPI coordinator's state, independent of MPI: which chunks of records
// exist, who holds which, which are done, journaled so that a killed run
// resumes with only its unfinished chunks; and the worker's side (one chunk
// through the runner over a reader that only moves forward).

#include <docpipe/framework/runner.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace docpipe::detail {

/// Records [first, end) of the inputs, written as part `id`.
struct Chunk {
  std::uint64_t id = 0;
  std::uint64_t first = 0;
  std::uint64_t end = 0;
};

/// What a worker reports for a finished chunk.
struct ChunkReport {
  std::uint64_t id = 0;
  std::uint64_t records = 0;  ///< records of the chunk the inputs had (fewer than asked at their end)
  std::uint64_t documents = 0;
  std::uint64_t failed = 0;
  std::uint64_t bytes = 0;  ///< input bytes read for it in this run
};

[[nodiscard]] std::string chunk_part_name(std::uint64_t id);  ///< part-000042.jsonl

/// Hands out chunks in increasing record order (reruns of unfinished
/// chunks first), so every worker sees increasing ranges. Thread-safe.
class ChunkPlan {
 public:
  /// Opens `dir`/chunks.journal: a fresh run removes the parts of an
  /// earlier one; with `resume`, the journal says what is left. `inputs_key`
  /// identifies the inputs; a resume over other inputs is refused
  /// (ConfigError).
  ChunkPlan(std::string dir, std::uint64_t chunk_records, std::string inputs_key, bool resume);
  ~ChunkPlan();
  ChunkPlan(const ChunkPlan&) = delete;
  ChunkPlan& operator=(const ChunkPlan&) = delete;

  /// The next chunk for `worker`, or nothing: then that worker is done.
  std::optional<Chunk> next(int worker);
  /// Records a finished chunk.
  void complete(const ChunkReport& report);
  /// Workers told there is nothing more to do.
  [[nodiscard]] int stopped() const;
  /// Writes manifest.jsonl (one line per part) and ends the journal.
  void finish();
  /// The totals so far (documents, failed, bytes, resumed_from).
  [[nodiscard]] RunStats totals() const;
  /// Chunks done and held, for progress lines.
  [[nodiscard]] std::pair<std::size_t, std::size_t> counts() const;

 private:
  struct State {
    Chunk chunk;
    int worker = -1;
    bool done = false;
    ChunkReport report;
  };
  void load_journal();
  void append(const std::string& line);
  mutable std::mutex mutex_;
  std::string dir_;
  std::uint64_t chunk_records_;
  std::string inputs_key_;
  std::map<std::uint64_t, State> chunks_;
  std::vector<std::uint64_t> reruns_;  // ascending, served from the front
  std::size_t next_rerun_ = 0;
  std::uint64_t next_id_ = 0;
  std::uint64_t next_first_ = 0;
  std::optional<std::uint64_t> total_records_;
  bool finished_ = false;
  int stopped_ = 0;
  std::uint64_t resumed_from_ = 0;
  int journal_ = -1;
};

/// A worker's side: runs chunks in the order given, keeping one reader
/// open over the inputs and skipping forward to each chunk.
class ChunkWorker {
 public:
  ChunkWorker(const DocumentProcessor& process, RunOptions options);
  ~ChunkWorker();
  ChunkWorker(const ChunkWorker&) = delete;
  ChunkWorker& operator=(const ChunkWorker&) = delete;
  /// Writes the chunk's part, errors and manifest into the output
  /// directory; a chunk a killed run left unfinished goes on from its
  /// journal.
  ChunkReport run(const Chunk& chunk);

 private:
  const DocumentProcessor& process_;
  RunOptions options_;
  std::unique_ptr<DocumentReader> reader_;
};

/// Identifies the inputs for a resume: their names and sizes.
[[nodiscard]] std::string inputs_key(const std::vector<std::string>& files);

}  // namespace docpipe::detail
