#pragma once
// Scale-out (see docs/scale-out.md): static shards for job arrays
// (--shard I/N), MPI runs in which rank 0 hands out chunks of records
// (--mpi), and `docpipe merge`, which puts their outputs back into exactly
// the bytes a single-process run writes.

#include <docpipe/framework/runner.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace docpipe {

/// One of N static shards: the records whose index modulo `count` is `index`.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};

/// Parses "I/N" with 0 <= I < N. Throws ConfigError otherwise.
[[nodiscard]] Shard parse_shard(const std::string& text);

/// The per-record manifest a run writes next to OUTPUT: OUTPUT.manifest.jsonl.
[[nodiscard]] std::string manifest_path(const std::string& output);

struct MergeOptions {
  /// Shard outputs (files with OUTPUT.manifest.jsonl, and OUTPUT.errors.jsonl
  /// when documents failed, beside them) and MPI output directories (with
  /// manifest.jsonl), in any order and mix.
  std::vector<std::string> inputs;
  std::string output = "-";  ///< merged JSONL, or "-" for stdout
  std::string errors;        ///< merged errors; "" = OUTPUT.errors.jsonl (none for stdout)
};

struct MergeStats {
  std::size_t parts = 0;
  std::size_t documents = 0;
  std::size_t failed = 0;
  std::string errors_file;  ///< written only when a document failed
};

/// Joins the outputs in record order. Throws ConfigError when a part did
/// not finish, records are missing or appear twice, or a part's output and
/// its manifest disagree; nothing is left at `output` then.
MergeStats merge_outputs(const MergeOptions& options);

struct MpiOptions {
  std::size_t chunk_records = 1000;  ///< records rank 0 hands out at a time
};

/// True when this docpipe was built with MPI.
[[nodiscard]] bool mpi_available();

/// Runs as one rank of an MPI job (mpirun, srun). `options.output` is the
/// output directory, shared by all ranks: each chunk becomes
/// part-NNNNNN.jsonl with its .manifest.jsonl (and .errors.jsonl), rank 0
/// journals the chunks in chunks.journal and ends with manifest.jsonl.
/// With options.resume, only chunks that did not finish run again. Returns
/// the totals on rank 0, nothing on the other ranks. Throws ConfigError
/// when built without MPI.
std::optional<RunStats> run_mpi(const DocumentProcessor& process, const RunOptions& options, const MpiOptions& mpi);

}  // namespace docpipe
