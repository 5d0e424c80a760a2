#include <docpipe/framework/runner.hpp>

#include "detail/out_file.hpp"

#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>

// oneTBB from Debian is not built with ThreadSanitizer, so TSan cannot see
// the happens-before that parallel_pipeline gives between one filter call
// and the next; these annotations state it, in TSan builds only.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#define DOCPIPE_TSAN_ACQUIRE(p) __tsan_acquire((void*)(p))
#define DOCPIPE_TSAN_RELEASE(p) __tsan_release((void*)(p))
#else
#define DOCPIPE_TSAN_ACQUIRE(p)
#define DOCPIPE_TSAN_RELEASE(p)
#endif

namespace docpipe {
namespace fs = std::filesystem;
namespace {

using detail::OutFile;

using Clock = std::chrono::steady_clock;

// One document travelling through the parallel pipeline.
struct Item {
  InputRecord record;
  ProcessResult result;
};

// Documents travel in batches: one hand-over between threads costs about as
// much as reading and writing a short document, so a batch of them pays it
// once. A batch ends at whichever limit comes first.
constexpr std::size_t kBatchDocuments = 32;
constexpr std::size_t kBatchBytes = std::size_t{256} << 10;

struct Batch {
  std::vector<Item> items;
};

std::string error_line(const Item& item) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto str = [&](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  w.StartObject();
  w.Key("id");
  if (item.record.doc) str(item.record.doc->id);
  else if (item.record.error_id) str(*item.record.error_id);
  else w.Null();
  w.Key("file");
  str(item.record.file);
  w.Key("line");
  w.Uint64(item.record.line);
  w.Key("stage");
  str(item.result.stage);
  w.Key("message");
  str(item.result.error);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string manifest_line(const Item& item) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("record");
  w.Uint64(item.record.index);
  w.Key("id");
  if (item.record.doc) w.String(item.record.doc->id.data(), static_cast<rapidjson::SizeType>(item.record.doc->id.size()));
  else w.Null();
  w.Key("status");
  w.String(item.result.error.empty() ? "ok" : "failed");
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// Where a run stands, as the journal records it after each flush.
struct Checkpoint {
  std::uint64_t records = 0;  // input records consumed and written (either file)
  std::uint64_t part = 0;     // current part (--split), else 0
  std::uint64_t part_docs = 0;
  std::uint64_t output_bytes = 0;
  std::uint64_t errors_bytes = 0;
  std::uint64_t manifest_bytes = 0;
  std::uint64_t documents = 0;
  std::uint64_t failed = 0;
  bool done = false;
};

std::string checkpoint_line(const Checkpoint& c) {
  return fmt::format(
      "{} records={} part={} part_docs={} output_bytes={} errors_bytes={} manifest_bytes={} documents={} failed={}\n",
      c.done ? "done" : "at", c.records, c.part, c.part_docs, c.output_bytes, c.errors_bytes, c.manifest_bytes,
      c.documents, c.failed);
}

// A journal: "run FINGERPRINT" first (not in journals of docpipe before
// 2026-11), then one checkpoint line per flush.
struct Journal {
  std::optional<std::string> run;  // the fingerprint of the run that wrote it
  Checkpoint at;
};

// The run line and the last complete checkpoint line of a journal; a line
// cut by a kill has no '\n'.
std::optional<Journal> read_journal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto last_nl = content.rfind('\n');
  if (last_nl == std::string::npos) return std::nullopt;
  Journal journal;
  std::size_t first_checkpoint = 0;
  if (content.starts_with("run ")) {
    const auto nl = content.find('\n');
    journal.run = content.substr(4, nl - 4);
    first_checkpoint = nl + 1;
  }
  if (last_nl + 1 == first_checkpoint) return journal;  // killed before the first checkpoint: nothing done
  const auto start = content.rfind('\n', last_nl - 1);
  std::istringstream line(content.substr(start == std::string::npos ? 0 : start + 1, last_nl - (start + 1)));
  Checkpoint& c = journal.at;
  std::string word;
  line >> word;
  if (word != "at" && word != "done") throw ConfigError(fmt::format("--resume: {} is not a docpipe journal", path));
  c.done = word == "done";
  while (line >> word) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = word.substr(0, eq);
    const std::uint64_t value = std::stoull(word.substr(eq + 1));
    if (key == "records") c.records = value;
    else if (key == "part") c.part = value;
    else if (key == "part_docs") c.part_docs = value;
    else if (key == "output_bytes") c.output_bytes = value;
    else if (key == "errors_bytes") c.errors_bytes = value;
    else if (key == "manifest_bytes") c.manifest_bytes = value;
    else if (key == "documents") c.documents = value;
    else if (key == "failed") c.failed = value;
  }
  return journal;
}

// The keys whose values differ between two fingerprints, in `now`'s order.
std::vector<std::string> differing_keys(const std::string& then, const std::string& now) {
  const auto words = [](const std::string& fingerprint) {
    std::vector<std::pair<std::string, std::string>> kv;
    std::istringstream in(fingerprint);
    for (std::string word; in >> word;) {
      const auto eq = word.find('=');
      kv.emplace_back(word.substr(0, eq), eq == std::string::npos ? "" : word.substr(eq + 1));
    }
    return kv;
  };
  const auto old_words = words(then);
  const auto new_words = words(now);
  const auto has_key = [](const auto& kv, const std::string& key) {
    return std::any_of(kv.begin(), kv.end(), [&](const auto& w) { return w.first == key; });
  };
  std::vector<std::string> keys;
  for (const auto& word : new_words) {
    if (std::find(old_words.begin(), old_words.end(), word) == old_words.end()) keys.push_back(word.first);
  }
  for (const auto& word : old_words) {
    if (!has_key(new_words, word.first)) keys.push_back(word.first);
  }
  return keys;
}

std::string part_path(const std::string& dir, std::uint64_t part) {
  return (fs::path(dir) / fmt::format("part-{:05}.jsonl", part)).string();
}

// stdout, or a device or pipe such as /dev/null: nothing to resume, and no
// place beside it for a journal or an errors file.
bool is_stream(const std::string& path) {
  std::error_code ec;
  return path == "-" || (fs::exists(path, ec) && !fs::is_regular_file(path, ec) && !fs::is_directory(path, ec));
}

std::string journal_path(const RunOptions& options) {
  if (options.split > 0) return (fs::path(options.output) / "progress.journal").string();
  return is_stream(options.output) ? "" : options.output + ".journal";
}

// --errors, or the default beside the output (none for stdout or a device).
std::string errors_path_of(const RunOptions& options) {
  if (!options.errors.empty() || is_stream(options.output)) return options.errors;
  return options.split > 0 ? (fs::path(options.output) / "errors.jsonl").string() : options.output + ".errors.jsonl";
}

using FileId = std::pair<dev_t, ino_t>;

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

// Output, errors and journal, written only from the serial output stage.
class Sink {
 public:
  Sink(const RunOptions& options, const Checkpoint& start) : options_(options), at_(start) {
    const bool resuming = options.resume;
    if (options.split > 0) {
      std::error_code ec;
      fs::create_directories(options.output, ec);
      if (ec) {
        throw ConfigError(
            fmt::format("--split: cannot create the output directory {}: {}", options.output, ec.message()));
      }
      if (!resuming) remove_parts_from(0);
      else remove_parts_from(start.part + 1);
      out_.open(part_path(options.output, start.part), resuming, start.output_bytes);
    } else {
      out_.open(options.output, resuming, start.output_bytes);
    }
    journal_path_ = journal_path(options);
    errors_path_ = errors_path_of(options);
    if (resuming && !errors_path_.empty()) {
      errors_.open(errors_path_, true, start.errors_bytes);
    } else if (!errors_path_.empty()) {
      std::error_code ec;
      fs::remove(errors_path_, ec);  // a stale errors file from an earlier run would mislead
    }
    if (!options.manifest.empty()) manifest_.open(options.manifest, resuming, start.manifest_bytes);
    if (!journal_path_.empty()) {
      std::error_code ec;
      const bool fresh = !resuming || fs::file_size(journal_path_, ec) == 0 || ec;
      journal_ = std::fopen(journal_path_.c_str(), fresh ? "wb" : "ab");
      if (journal_ == nullptr) {
        throw ConfigError(fmt::format("cannot write journal {}: {}", journal_path_, std::strerror(errno)));
      }
      if (fresh && !options.fingerprint.empty()) append_journal("run " + options.fingerprint + "\n");
    }
  }
  ~Sink() {
    if (journal_ != nullptr) std::fclose(journal_);
  }

  void write(const Item& item) {
    if (item.result.error.empty()) {
      if (options_.split > 0 && at_.part_docs == options_.split) {
        out_.close();
        ++at_.part;
        at_.part_docs = 0;
        out_.open(part_path(options_.output, at_.part));
      }
      out_.write(item.result.output);
      ++at_.part_docs;
      ++at_.documents;
    } else {
      const std::string where = item.record.line > 0 ? fmt::format("{}:{}", item.record.file, item.record.line)
                                                     : item.record.file;
      spdlog::warn("{}: {}", where, item.result.error);
      if (!errors_path_.empty()) {
        if (!errors_.is_open()) errors_.open(errors_path_);
        errors_.write(error_line(item));
      }
      ++at_.failed;
    }
    if (manifest_.is_open()) manifest_.write(manifest_line(item));
    ++at_.records;
  }

  // Makes everything written so far durable against a kill, then records it.
  void checkpoint(bool done) {
    out_.flush();
    errors_.flush();
    manifest_.flush();
    at_.output_bytes = out_.bytes();
    at_.errors_bytes = errors_.bytes();
    at_.manifest_bytes = manifest_.bytes();
    at_.done = done;
    if (journal_ != nullptr) append_journal(checkpoint_line(at_));
  }

  void close() {
    out_.close();
    errors_.close();
    manifest_.close();
  }

  [[nodiscard]] const Checkpoint& at() const { return at_; }
  [[nodiscard]] std::string errors_path() const { return errors_.is_open() || at_.failed > 0 ? errors_path_ : ""; }

 private:
  // One write() of a short line: a kill leaves it whole or without '\n'.
  void append_journal(const std::string& line) {
    if (::write(fileno(journal_), line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      throw DocumentError(fmt::format("writing journal {} failed: {}", journal_path_, std::strerror(errno)));
    }
  }
  void remove_parts_from(std::uint64_t first) {
    for (std::uint64_t p = first;; ++p) {
      std::error_code ec;
      if (!fs::remove(part_path(options_.output, p), ec)) break;
    }
  }
  const RunOptions& options_;
  Checkpoint at_;
  OutFile out_;
  OutFile errors_;
  OutFile manifest_;
  std::string errors_path_;
  std::string journal_path_;
  std::FILE* journal_ = nullptr;
};

// Progress on stderr: one updating line on a terminal, a log line now and
// then otherwise.
class Progress {
 public:
  Progress(std::optional<std::size_t> total_bytes, std::chrono::duration<double> interval)
      : total_(total_bytes), tty_(isatty(STDERR_FILENO) != 0), interval_(tty_ ? std::chrono::duration<double>(0.5) : interval),
        start_(Clock::now()), last_(start_) {}

  void update(Clock::time_point now, std::size_t docs, std::size_t failed, std::size_t bytes, bool final = false) {
    if (!final && now - last_ < interval_) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0.0;
    std::string line = fmt::format("{} documents, {} failed, {:.1f} MB, {:.1f} MB/s", docs, failed, mb, rate);
    if (total_ && *total_ > 0 && rate > 0 && !final) {
      const double left = (static_cast<double>(*total_) / 1e6 - mb) / rate;
      line += fmt::format(", {:.0f}% done, ETA {}", 100.0 * static_cast<double>(bytes) / static_cast<double>(*total_),
                          format_duration(std::max(0.0, left)));
    }
    if (tty_) {
      fmt::print(stderr, "\r\033[K{}", line);
      if (final) fmt::print(stderr, "\n");
      std::fflush(stderr);
    } else if (!final) {
      spdlog::info("progress: {}", line);
    }
  }

 private:
  static std::string format_duration(double s) {
    const auto total = static_cast<long>(s);
    if (total >= 3600) return fmt::format("{}h{:02}m", total / 3600, (total % 3600) / 60);
    if (total >= 60) return fmt::format("{}m{:02}s", total / 60, total % 60);
    return fmt::format("{}s", total);
  }
  std::optional<std::size_t> total_;
  bool tty_;
  std::chrono::duration<double> interval_;
  Clock::time_point start_;
  Clock::time_point last_;
};

Checkpoint starting_point(const RunOptions& options) {
  if (!options.resume) return {};
  if (is_stream(options.output)) throw ConfigError("--resume needs an output file or directory, not stdout or a device");
  const std::string journal = journal_path(options);
  const auto j = read_journal(journal);
  if (!j) {
    spdlog::info("--resume: no journal at {}; starting from the beginning", journal);
    return {};
  }
  if (!j->run) {
    if (!options.fingerprint.empty()) {
      spdlog::warn("--resume: {} does not record the run's arguments (an older docpipe wrote it); they are not checked",
                   journal);
    }
  } else if (!options.fingerprint.empty() && *j->run != options.fingerprint) {
    std::string keys;
    for (const auto& key : differing_keys(*j->run, options.fingerprint)) keys += (keys.empty() ? "" : ", ") + key;
    throw ConfigError(fmt::format(
        "--resume: {} is the journal of a run with other arguments (differing: {}); resume with the same pipeline, "
        "inputs and output options, or run without --resume to start afresh",
        journal, keys));
  }
  return j->at;
}

}  // namespace

void check_writable(const std::string& path, std::string_view what) {
  std::error_code ec;
  const bool existed = fs::exists(path, ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) throw ConfigError(fmt::format("cannot write {} {}: {}", what, path, std::strerror(errno)));
  ::close(fd);
  if (!existed) fs::remove(path, ec);
}

std::vector<std::string> run_outputs(const RunOptions& options) {
  std::vector<std::string> files;
  if (!is_stream(options.output)) files.push_back(options.output);
  for (const auto& f : {errors_path_of(options), journal_path(options), options.manifest, options.stats}) {
    if (!f.empty() && f != "-") files.push_back(f);
  }
  return files;
}

void check_run_outputs(const RunOptions& options) {
  // Compared by device and inode: the same file by any path, through a
  // link or a hard link. An input exists, so a file not written yet cannot
  // be one.
  std::vector<std::pair<FileId, std::string>> existing;
  for (const auto& f : run_outputs(options)) {
    if (options.split > 0 && f == options.output) continue;  // the directory: its part files are checked below
    if (const auto id = file_id(f)) existing.emplace_back(*id, f);
  }
  std::error_code ec;
  if (options.split > 0 && fs::exists(options.output, ec) && !fs::is_directory(options.output, ec)) {
    throw ConfigError(fmt::format("--split writes part files into a directory, but {} is a file", options.output));
  }
  // Found at the first failed document otherwise, perhaps hours into the run.
  // (The default errors file is beside the output, which is opened first.)
  if (!options.errors.empty()) check_writable(options.errors, "errors file");
  const auto split_dir = options.split > 0 ? file_id(options.output) : std::nullopt;
  const auto refuse = [](const std::string& input, const std::string& written) {
    throw ConfigError(
        fmt::format("the input {} is also a file this run writes ({}): give another output", input, written));
  };
  for (const auto& input : options.inputs) {
    if (input == "-") continue;
    const auto id = file_id(input);
    if (!id) continue;
    for (const auto& [out, name] : existing) {
      if (out == *id) refuse(input, name);
    }
    const std::string name = fs::path(input).filename().string();
    if (split_dir && name.starts_with("part-") && name.ends_with(".jsonl") &&
        file_id(fs::path(input).parent_path().empty() ? "." : fs::path(input).parent_path().string()) == split_dir) {
      refuse(input, options.output);
    }
  }
}

void check_part_directory_outputs(const RunOptions& options) {
  const auto dir = file_id(options.output);
  const auto stats = options.stats.empty() ? std::nullopt : file_id(options.stats);
  if (!dir && !stats) return;  // neither exists yet: no input can be one of them
  for (const auto& input : options.inputs) {
    const auto id = file_id(input);
    if (!id) continue;
    if (id == stats) {
      throw ConfigError(fmt::format("the input {} is also the --stats file: give another --stats", input));
    }
    if (!dir) continue;
    std::error_code ec;
    for (fs::path up = fs::weakly_canonical(input, ec).parent_path(); !ec && !up.empty(); up = up.parent_path()) {
      if (file_id(up.string()) == dir) {
        throw ConfigError(fmt::format("the input {} is inside the --mpi output directory {}, whose files the run "
                                      "writes and removes: give another output",
                                      input, options.output));
      }
      if (up == up.root_path()) break;
    }
  }
}

DocumentProcessor in_process(const Pipeline& pipeline, const WriteOptions& write) {
  return [&pipeline, write](Document& doc, std::string_view text_literal) {
    ProcessResult result;
    try {
      result.slowest = pipeline.process(doc);
      write_document(doc, write, result.output, text_literal);
    } catch (const StageError& e) {
      result.stage = e.stage();
      result.error = e.what();
    } catch (const std::exception& e) {
      result.stage = "write";
      result.error = e.what();
    }
    return result;
  };
}

RunStats run_documents(const DocumentProcessor& process, const RunOptions& options) {
  ReaderOptions reading = options.reader;
  reading.defer_parse = true;  // parsed in the parallel step
  DocumentReader reader(options.inputs, reading);
  return run_documents(process, options, reader);
}

RunStats run_documents(const DocumentProcessor& process, const RunOptions& options, DocumentReader& reader) {
  const auto start = Clock::now();
  const std::size_t threads =
      options.threads > 0 ? options.threads : static_cast<std::size_t>(tbb::info::default_concurrency());
  const std::size_t in_flight = options.max_in_flight > 0 ? options.max_in_flight : 4 * threads;  // batches

  RunStats stats;
  const Checkpoint begin = starting_point(options);
  if (begin.done) {
    spdlog::info("--resume: the run had already finished ({} documents); nothing to do", begin.documents);
    stats.documents = begin.documents;
    stats.failed = begin.failed;
    stats.resumed_from = begin.records;
    return stats;
  }
  Sink sink(options, begin);
  if (begin.records > 0) {
    const std::size_t skipped = reader.skip(begin.records);
    if (skipped != begin.records) {
      throw ConfigError(fmt::format("--resume: the journal says {} records were done, but the inputs have only {}",
                                    begin.records, skipped));
    }
    spdlog::info("--resume: {} records already done, going on from there", begin.records);
  }
  stats.resumed_from = begin.records;
  std::optional<std::size_t> total_bytes = reader.total_bytes();
  if (total_bytes && options.reader.shard_count > 1) *total_bytes /= options.reader.shard_count;
  if (options.max_records > 0) total_bytes.reset();  // a range of the inputs: their size says nothing
  Progress progress(total_bytes, options.progress_interval);
  std::size_t left = options.max_records > 0 ? options.max_records - std::min<std::size_t>(options.max_records, begin.records)
                                             : SIZE_MAX;
  std::atomic<bool> stop{false};
  auto last_checkpoint = Clock::now();

  // One document's work on a worker thread: parse, stages, serialisation.
  const auto work = [&](Item& item) {
    auto& rec = item.record;
    parse_record(rec);
    if (!rec.doc) {
      item.result.error = rec.error;
      item.result.stage = "read";
      return;
    }
    const auto t0 = options.doc_timeout ? Clock::now() : Clock::time_point{};
    item.result = process(*rec.doc, rec.text_literal());
    if (options.doc_timeout && item.result.error.empty()) {
      const std::chrono::duration<double> took = Clock::now() - t0;
      if (took > *options.doc_timeout) {
        auto& result = item.result;
        result.output.clear();
        result.stage = result.slowest.empty() ? "process" : result.slowest;
        result.error = fmt::format("took {:.1f} s, over --doc-timeout ({:.1f} s); slowest stage: {}", took.count(),
                                   options.doc_timeout->count(), result.stage);
      }
    }
  };
  // One document written, in input order; once the policy says stop, the
  // documents after the failed one are neither written nor counted done, so
  // --resume goes on right after it.
  const auto write = [&](Item& item) {
    if (stop.load()) return;
    stats.bytes += item.record.bytes;
    sink.write(item);
    const auto& at = sink.at();
    if (!item.result.error.empty() &&
        (options.stop_on_error || (options.max_errors > 0 && at.failed > options.max_errors))) {
      stop = true;
      stats.stopped = true;
    }
  };

  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight,
        tbb::make_filter<void, Batch*>(tbb::filter_mode::serial_in_order,
                                       [&](tbb::flow_control& fc) -> Batch* {
                                         DOCPIPE_TSAN_ACQUIRE(&reader);
                                         struct R { DocumentReader* r; ~R() { DOCPIPE_TSAN_RELEASE(r); } } rel{&reader};
                                         auto batch = std::make_unique<Batch>();
                                         batch->items.reserve(kBatchDocuments);
                                         std::size_t bytes = 0;
                                         while (batch->items.size() < kBatchDocuments && bytes < kBatchBytes &&
                                                !stop.load() && left > 0) {
                                           Item& item = batch->items.emplace_back();
                                           if (!reader.next(item.record)) {
                                             batch->items.pop_back();
                                             break;
                                           }
                                           bytes += item.record.bytes;
                                           if (left != SIZE_MAX) --left;
                                         }
                                         if (batch->items.empty()) {
                                           fc.stop();
                                           return nullptr;
                                         }
                                         DOCPIPE_TSAN_RELEASE(batch.get());
                                         return batch.release();
                                       }) &
            tbb::make_filter<Batch*, Batch*>(tbb::filter_mode::parallel,
                                             [&](Batch* batch) -> Batch* {
                                               DOCPIPE_TSAN_ACQUIRE(batch);
                                               struct R { Batch* b; ~R() { DOCPIPE_TSAN_RELEASE(b); } } rel{batch};
                                               for (Item& item : batch->items) work(item);
                                               return batch;
                                             }) &
            tbb::make_filter<Batch*, void>(tbb::filter_mode::serial_in_order, [&](Batch* raw) {
              DOCPIPE_TSAN_ACQUIRE(raw);
              DOCPIPE_TSAN_ACQUIRE(&sink);
              struct R { void* s; ~R() { DOCPIPE_TSAN_RELEASE(s); } } rel{&sink};
              std::unique_ptr<Batch> batch(raw);
              for (Item& item : batch->items) write(item);
              const auto now = Clock::now();
              if (now - last_checkpoint > std::chrono::milliseconds(500)) {
                sink.checkpoint(false);
                last_checkpoint = now;
              }
              const auto& at = sink.at();
              progress.update(now, at.documents, at.failed, stats.bytes);
            }));
  });
  DOCPIPE_TSAN_ACQUIRE(&reader);
  DOCPIPE_TSAN_ACQUIRE(&sink);
  sink.checkpoint(!stats.stopped);
  sink.close();
  const auto& at = sink.at();
  progress.update(Clock::now(), at.documents, at.failed, stats.bytes, true);
  stats.documents = at.documents;
  stats.failed = at.failed;
  stats.errors_file = sink.errors_path();
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

std::string stats_json(const RunStats& stats) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("documents");
  w.Uint64(stats.documents);
  w.Key("failed");
  w.Uint64(stats.failed);
  w.Key("resumed_from");
  w.Uint64(stats.resumed_from);
  w.Key("bytes");
  w.Uint64(stats.bytes);
  w.Key("seconds");
  w.Double(stats.seconds);
  w.Key("mb_per_second");
  w.Double(stats.seconds > 0 ? static_cast<double>(stats.bytes) / 1e6 / stats.seconds : 0.0);
  w.Key("stopped");
  w.Bool(stats.stopped);
  w.Key("errors_file");
  w.String(stats.errors_file.c_str());
  w.Key("stages");
  w.StartArray();
  double total = 0;
  for (const auto& s : stats.stages) total += s.seconds;
  for (const auto& s : stats.stages) {
    w.StartObject();
    w.Key("name");
    w.String(s.name.c_str());
    w.Key("seconds");
    w.Double(s.seconds);
    w.Key("share");
    w.Double(total > 0 ? s.seconds / total : 0.0);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace docpipe
