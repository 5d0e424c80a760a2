#pragma once
// The batch runner: reads documents, runs the pipeline on many of them in
// parallel, and writes results in input order (oneTBB parallel_pipeline:
// serial-in-order read, parallel process, serial-in-order write), with a
// bounded number of documents in flight, an errors file, a resumable
// progress journal, progress reports and a summary.

#include <docpipe/framework/json_io.hpp>
#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/reader.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe {

/// What happened to one document in a stage: its JSON line, or an error.
struct ProcessResult {
  std::string output;  ///< the JSON line (with '\n') when it succeeded
  std::string stage;   ///< the failing stage, when it failed
  std::string error;   ///< why it failed ("" on success)
  std::string slowest; ///< the stage that took longest on it, when known (in-process runs)
};

/// Runs the stages on one document; called from many threads at once. The
/// default runs a Pipeline in-process; --isolate runs it in worker processes.
/// `text_literal` is the document's text as a JSON string literal when the
/// input spelled it as the writer would (or empty): see write_document.
using DocumentProcessor = std::function<ProcessResult(Document&, std::string_view text_literal)>;

struct RunOptions {
  std::vector<std::string> inputs;   ///< files ("-" for stdin), already expanded
  std::string output = "-";          ///< a file, a directory with --split, or "-" for stdout
  std::size_t split = 0;             ///< >0: part files of at most this many documents in `output`/
  std::string errors;                ///< errors JSONL; "" = OUTPUT.errors.jsonl (none for stdout)
  std::string stats;                 ///< "" or a file for the summary as JSON
  /// "" or a file that gets one line per record read, in order:
  /// {"record":INDEX,"id":ID,"status":"ok"|"failed"} (what `docpipe merge`
  /// needs to put shard and MPI part outputs back in input order).
  std::string manifest;
  std::size_t max_records = 0;       ///< >0: end after this many records (those of a resumed run included)
  WriteOptions write;
  ReaderOptions reader;
  std::size_t threads = 0;           ///< 0: all cores
  /// Batches in memory at once (a batch: up to 32 documents or 256 KB of
  /// input, and at least one document); 0: 4 per thread.
  std::size_t max_in_flight = 0;
  std::optional<std::chrono::duration<double>> doc_timeout;  ///< a slower document counts as failed
  bool stop_on_error = false;        ///< stop at the first failed document
  std::size_t max_errors = 0;        ///< >0: stop when more documents than this failed
  bool resume = false;               ///< continue a killed run from its journal
  /// "" or what determines the output, as space-separated key=value words
  /// (no spaces in either): written at the head of the journal when a run
  /// starts; --resume refuses a journal whose run had other values, naming
  /// the keys that differ.
  std::string fingerprint;
  std::chrono::duration<double> progress_interval{10.0};  ///< log progress this often (non-terminal)
};

/// Time share of one stage in the summary.
struct StageStat {
  std::string name;
  double seconds = 0.0;  ///< summed over threads
};

/// What a run did.
struct RunStats {
  std::size_t documents = 0;  ///< written successfully (this run and, with --resume, before)
  std::size_t failed = 0;     ///< unreadable or failed in a stage
  std::size_t resumed_from = 0;  ///< records already done by the killed run
  std::size_t bytes = 0;      ///< input bytes read in this run
  double seconds = 0.0;
  bool stopped = false;       ///< ended early by --on-error stop or --max-errors
  std::vector<StageStat> stages;
  std::string errors_file;    ///< where failures were recorded, if any
};

/// Runs `process` over the inputs. Failed documents are logged and recorded
/// in the errors file ({"id","file","line","stage","message"} a line) and the
/// run goes on unless the policy says stop. Throws ConfigError when an
/// output cannot be opened or --resume cannot be honoured.
RunStats run_documents(const DocumentProcessor& process, const RunOptions& options);

/// The same over a reader the caller keeps: records are read from where
/// `reader` stands (options.inputs and options.reader are not used), so one
/// reader can serve many runs over consecutive ranges (MPI chunks).
RunStats run_documents(const DocumentProcessor& process, const RunOptions& options, DocumentReader& reader);

/// The files a run with `options` writes: the output file (or the --split
/// directory), the errors file, the journal, the manifest and the --stats
/// file; none for stdout or a device.
[[nodiscard]] std::vector<std::string> run_outputs(const RunOptions& options);

/// Checks, before anything is read or written, that the run will not write
/// over its own inputs: no file of run_outputs() is one of options.inputs
/// (the same file by any path, a link included), and no input is a part file
/// of the --split directory; and that an --errors file can be written.
/// Throws ConfigError naming the files. run_documents
/// does not call it: `docpipe run` does, before starting.
void check_run_outputs(const RunOptions& options);

/// The same for an --mpi run, whose output is a directory of part files it
/// writes and, on --resume, removes: no input may be in that directory (at
/// any depth) or be the --stats file.
void check_part_directory_outputs(const RunOptions& options);

/// Throws ConfigError naming `what` and `path` when `path` cannot be opened
/// for writing; a file it creates to find out is removed again, an existing
/// one is left as it is.
void check_writable(const std::string& path, std::string_view what);

/// A processor that runs `pipeline` in this process and writes with `write`.
[[nodiscard]] DocumentProcessor in_process(const Pipeline& pipeline, const WriteOptions& write);

/// The summary as JSON (for --stats).
[[nodiscard]] std::string stats_json(const RunStats& stats);

}  // namespace docpipe
