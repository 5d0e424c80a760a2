// `docpipe run PIPELINE INPUT... [-o OUT]`: the batch job, and the hidden
// `docpipe worker` that --isolate starts.

#include "commands.hpp"

#include <docpipe/framework/distributed.hpp>
#include <docpipe/framework/isolate.hpp>
#include <docpipe/framework/pipeline.hpp>
#include <docpipe/framework/runner.hpp>
#include <docpipe/sdk/error.hpp>

#include <boost/dll/runtime_symbol_info.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <thread>

namespace docpipe::app {
namespace {

// A number option's lower bound, said plainly (CLI11's PositiveNumber and
// NonNegativeNumber print their upper bound, DBL_MAX, with 300 digits).
CLI::Validator above(double low, bool or_equal) {
  const std::string bound = fmt::format("{} {}", or_equal ? ">=" : ">", low);
  return CLI::Validator(
      [low, or_equal, bound](std::string& value) -> std::string {
        double v = 0.0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        const bool ok = ec == std::errc() && end == value.data() + value.size() && (or_equal ? v >= low : v > low);
        return ok ? std::string() : fmt::format("must be a number {}, not {}", bound, value);
      },
      bound);
}

struct RunArgs {
  std::string pipeline;
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string errors;
  std::string stats;
  std::string layers;
  std::string glob;
  bool no_text = false;
  std::size_t threads = 0;
  std::size_t split = 0;
  std::size_t max_doc_bytes = std::size_t{256} << 20;
  double doc_timeout = 0;
  std::size_t max_errors = 0;
  std::string on_error = "continue";
  bool isolate = false;
  bool resume = false;
  std::string shard;
  bool mpi = false;
  std::size_t chunk = 1000;
};

std::set<std::string, std::less<>> parse_layers(const std::string& list) {
  std::set<std::string, std::less<>> layers;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) layers.insert(item);
  }
  return layers;
}

WriteOptions write_options(const RunArgs& args) {
  WriteOptions write;
  write.include_text = !args.no_text;
  if (!args.layers.empty()) write.layers = parse_layers(args.layers);
  return write;
}

// FNV-1a: a stable hash (std::hash may change between builds), for the journal.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// What determines the output, for the journal (RunOptions::fingerprint):
// the keys are what the user would change, the values hashes or numbers.
std::string run_fingerprint(const RunArgs& args, const RunOptions& options) {
  std::ifstream in(args.pipeline, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::error_code ec;
  std::string inputs;
  for (const auto& f : options.inputs) {
    // Absolute, not canonical: no system call per file of a large directory.
    inputs += f == "-" ? f : std::filesystem::absolute(f, ec).lexically_normal().string();
    inputs += '\n';
  }
  std::string layers = "*";
  if (options.write.layers) {
    layers.clear();
    for (const auto& l : *options.write.layers) layers += l + ",";
  }
  return fmt::format(
      "pipeline={:016x} pipeline-content={:016x} inputs={}:{:016x} --layers={:016x} --no-text={} "
      "--split={} --shard={}/{}",
      fnv1a(std::filesystem::weakly_canonical(args.pipeline, ec).string()), fnv1a(content), options.inputs.size(),
      fnv1a(inputs), fnv1a(layers), args.no_text ? 1 : 0, options.split, options.reader.shard_index,
      options.reader.shard_count);
}

void print_summary(const RunStats& stats) {
  const double mb = static_cast<double>(stats.bytes) / 1e6;
  spdlog::info("{} documents written, {} failed{}, {:.1f} MB in {:.2f} s ({:.1f} MB/s, {:.0f} documents/s)",
               stats.documents, stats.failed,
               stats.resumed_from > 0 ? fmt::format(" (resumed after {} records)", stats.resumed_from) : "", mb,
               stats.seconds, stats.seconds > 0 ? mb / stats.seconds : 0.0,
               stats.seconds > 0 ? static_cast<double>(stats.documents + stats.failed - stats.resumed_from) /
                                       stats.seconds
                                 : 0.0);
  double total = 0;
  for (const auto& s : stats.stages) total += s.seconds;
  if (total > 0) {
    std::string shares;
    for (const auto& s : stats.stages) {
      shares += fmt::format("{}{} {:.0f}%", shares.empty() ? "" : ", ", s.name, 100.0 * s.seconds / total);
    }
    spdlog::info("time per stage: {}", shares);
  }
  if (stats.stopped) spdlog::warn("stopped early by the error policy (--on-error / --max-errors)");
  if (stats.failed > 0 && !stats.errors_file.empty()) spdlog::warn("failed documents are listed in {}", stats.errors_file);
}

}  // namespace

void add_run_command(CLI::App& app, GlobalOptions& globals) {
  auto args = std::make_shared<RunArgs>();
  auto* cmd = app.add_subcommand("run", "Run a pipeline over documents and write annotated JSONL");
  cmd->add_option("pipeline", args->pipeline, "Pipeline YAML file")->required()->check(CLI::ExistingFile);
  cmd->add_option("inputs", args->inputs,
                  "Inputs: .jsonl files ({\"id\",\"text\",...} per line; also .jsonl.gz, .jsonl.zst), text files "
                  "(one document each, id = path), directories (recursive, see --glob), or - for JSONL on stdin")
      ->required();
  cmd->add_option("-o,--output", args->output, "Output JSONL file (a directory with --split), or - for stdout")
      ->capture_default_str();
  cmd->add_option("--split", args->split, "Write part files of at most N documents into the --output directory")
      ->check(above(0, false));
  cmd->add_option("--glob", args->glob, "In input directories, read only files whose name matches (e.g. '*.jsonl')");
  cmd->add_option("--errors", args->errors,
                  "Where failed documents are recorded (JSONL); default OUTPUT.errors.jsonl, none for stdout");
  cmd->add_option("--stats", args->stats, "Write the run's summary as JSON to this file");
  cmd->add_option("--layers", args->layers, "Comma-separated layers to write (default: every layer but tokens)");
  cmd->add_flag("--no-text", args->no_text, "Leave the text out of the output");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  cmd->add_option("--max-doc-bytes", args->max_doc_bytes, "Refuse documents larger than this (bytes)")
      ->capture_default_str()
      ->check(above(0, false));
  cmd->add_option("--doc-timeout", args->doc_timeout,
                  "Fail a document that takes longer than this many seconds (with --isolate its worker is killed)")
      ->check(above(0, true));
  cmd->add_option("--on-error", args->on_error, "continue: record failed documents and go on; stop: end the run")
      ->check(CLI::IsMember({"continue", "stop"}))
      ->capture_default_str();
  cmd->add_option("--max-errors", args->max_errors, "Stop the run when more than N documents have failed");
  cmd->add_flag("--isolate", args->isolate,
                "Run the stages in worker processes: a crash or hang costs one document, not the run");
  cmd->add_flag("--resume", args->resume, "Continue a killed run with the same arguments where it stopped");
  cmd->add_option("--shard", args->shard,
                  "Process only shard I of N (records whose index mod N is I) and write OUTPUT.manifest.jsonl "
                  "for `docpipe merge`")
      ->type_name("I/N");
  cmd->add_flag("--mpi", args->mpi,
                "Run as one rank of an MPI job (mpirun, srun): rank 0 hands out chunks, each chunk is a part "
                "file in the --output directory (see docs/scale-out.md)");
  cmd->add_option("--chunk", args->chunk, "With --mpi: records per chunk")
      ->capture_default_str()
      ->check(above(0, false));
  cmd->callback([&globals, args] {
    const PipelineSpec spec = read_pipeline_file(args->pipeline);
    const auto stages = resolve_pipeline(spec, globals.registry());

    RunOptions options;
    options.output = args->output;
    options.split = args->split;
    options.errors = args->errors;
    options.stats = args->stats;
    options.threads = args->threads;
    options.stop_on_error = args->on_error == "stop";
    options.max_errors = args->max_errors;
    options.resume = args->resume;
    options.reader.max_doc_bytes = args->max_doc_bytes;
    if (args->doc_timeout > 0) options.doc_timeout = std::chrono::duration<double>(args->doc_timeout);
    options.write = write_options(*args);
    if (options.split > 0 && options.output == "-") throw ConfigError("--split needs --output DIRECTORY");
    if (!args->shard.empty()) {
      if (args->mpi || options.split > 0) throw ConfigError("--shard cannot be combined with --mpi or --split");
      const Shard shard = parse_shard(args->shard);
      options.reader.shard_index = shard.index;
      options.reader.shard_count = shard.count;
      std::error_code ec;
      if (options.output != "-" && (!std::filesystem::exists(options.output, ec) ||
                                    std::filesystem::is_regular_file(options.output, ec))) {
        options.manifest = manifest_path(options.output);
      }
    }
    // A run's own outputs inside an input directory are not its input: a second run would read them.
    std::vector<std::string> own = run_outputs(options);
    if (args->mpi && options.output != "-") own = {options.output, options.stats};  // the directory of part files
    options.inputs = expand_inputs(args->inputs, args->glob, own);
    if (args->mpi) {
      if (options.output == "-" || options.split > 0 || !options.errors.empty()) {
        throw ConfigError("--mpi writes part files into a directory: give -o DIRECTORY, without --split or --errors");
      }
      if (options.stop_on_error || options.max_errors > 0) {
        throw ConfigError("--mpi does not support --on-error stop or --max-errors");
      }
      if (std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end()) {
        throw ConfigError("--mpi reads files, not stdin: every rank reads the inputs");
      }
    }
    if (args->mpi) {
      check_part_directory_outputs(options);
    } else {
      check_run_outputs(options);
    }
    if (!options.stats.empty()) check_writable(options.stats, "--stats file");
    options.fingerprint = run_fingerprint(*args, options);
    if (options.write.layers) {
      for (const auto& layer : *options.write.layers) {
        const bool provided = std::any_of(stages.begin(), stages.end(), [&](const ResolvedStage& s) {
          const auto& p = s.plugin->info.provides;
          return std::find(p.begin(), p.end(), layer) != p.end();
        });
        if (!provided) {
          spdlog::warn("--layers: no stage of {} provides '{}'; it is written only where the input has it",
                       args->pipeline, layer);
        }
      }
    }

    std::unique_ptr<WorkerPool> workers;
    std::unique_ptr<Pipeline> pipeline;
    DocumentProcessor process;
    if (args->isolate) {
      // Created once here so that an error creating a stage (an option naming
      // a missing file) ends the run before any document, as without
      // --isolate, instead of failing each document in a new worker. Not
      // kept: the workers hold the resources.
      WorkerPoolOptions pool;
      pool.stage_names = Pipeline(stages, spec).stage_names();
      pool.program = boost::dll::program_location().string();
      for (const auto& dir : globals.registry().dirs()) {
        pool.arguments.push_back("--plugin-path");
        pool.arguments.push_back(dir.string());
      }
      pool.arguments.insert(pool.arguments.end(), {"worker", args->pipeline});
      if (!args->layers.empty()) pool.arguments.insert(pool.arguments.end(), {"--layers", args->layers});
      if (args->no_text) pool.arguments.emplace_back("--no-text");
      pool.workers = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
      pool.timeout = options.doc_timeout;
      workers = std::make_unique<WorkerPool>(pool);
      process = [&workers](Document& doc, std::string_view text_literal) { return workers->process(doc, text_literal); };
    } else {
      pipeline = std::make_unique<Pipeline>(stages, spec);
      process = in_process(*pipeline, options.write);
    }

    RunStats stats;
    if (args->mpi) {
      MpiOptions mpi;
      mpi.chunk_records = args->chunk;
      const auto totals = run_mpi(process, options, mpi);
      if (!totals) return;  // not rank 0: rank 0 reports for the job
      stats = *totals;
    } else {
      stats = run_documents(process, options);
    }
    if (pipeline || workers) {
      for (const auto& t : pipeline ? pipeline->timings() : workers->timings()) {
        stats.stages.push_back({t.name, std::chrono::duration<double>(t.total).count()});
      }
    }
    print_summary(stats);
    if (!options.stats.empty()) {
      std::ofstream out(options.stats, std::ios::binary);
      out << stats_json(stats);
      out.close();
      if (!out) throw DocumentError(fmt::format("writing the --stats file {} failed", options.stats));
    }
    if (stats.failed > 0 || stats.stopped) globals.exit_code = kSomeDocumentsFailed;
  });

  // The process --isolate starts: not for users, hence hidden.
  auto wargs = std::make_shared<RunArgs>();
  auto* worker = app.add_subcommand("worker", "Serve documents to a parent `docpipe run --isolate`")->group("");
  worker->add_option("pipeline", wargs->pipeline)->required();
  worker->add_option("--layers", wargs->layers);
  worker->add_flag("--no-text", wargs->no_text);
  worker->callback([&globals, wargs] {
    const PipelineSpec spec = read_pipeline_file(wargs->pipeline);
    const Pipeline pipeline(resolve_pipeline(spec, globals.registry()), spec);
    globals.exit_code = serve_worker(in_process(pipeline, write_options(*wargs)), [&pipeline] { return pipeline.timings(); });
  });
}

}  // namespace docpipe::app
