#pragma once
// The batch runner: reads documents, runs the pipeline on many of them in
// parallel, and writes results in input order (oneTBB parallel_pipeline:
// serial-in-order read, parallel process, serial-in-order write).

#include <docpipe/framework/json_io.hpp>
#include <docpipe/framework/pipeline.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace docpipe {

struct RunOptions {
  std::vector<std::string> inputs;   ///< files, or "-" for stdin
  std::string output = "-";          ///< a file, or "-" for stdout
  std::string errors;                ///< errors JSONL; "" = OUTPUT.errors.jsonl (none for stdout)
  WriteOptions write;
  std::size_t threads = 0;           ///< 0: all cores
  std::size_t max_in_flight = 0;     ///< documents in memory at once; 0: 4 per thread
  bool stop_on_error = false;        ///< stop at the first failed document
};

/// What a run did.
struct RunStats {
  std::size_t documents = 0;  ///< written successfully
  std::size_t failed = 0;     ///< unreadable or failed in a stage
  std::size_t bytes = 0;      ///< input bytes read
  double seconds = 0.0;
  std::vector<StageTiming> stages;
  std::string errors_file;    ///< where failures were recorded, if any
};

/// Runs `pipeline` over the inputs. Failed documents are logged and recorded
/// in the errors file ({"id","file","line","stage","message"} a line) and the
/// run goes on. Throws ConfigError when an output cannot be opened.
RunStats run_pipeline(const Pipeline& pipeline, const RunOptions& options);

}  // namespace docpipe
