#include <docpipe/framework/runner.hpp>

#include <docpipe/framework/reader.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace docpipe {
namespace {

// One document travelling through the parallel pipeline.
struct Item {
  InputRecord record;
  std::string output;  // the JSON line, filled by the parallel stage
  std::string error;   // why it failed, if it did
  std::string stage;   // the stage it failed in ("read" when unreadable)
};

std::string error_line(const Item& item) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto str = [&](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  w.StartObject();
  w.Key("id");
  if (item.record.doc) str(item.record.doc->id);
  else w.Null();
  w.Key("file");
  str(item.record.file);
  w.Key("line");
  w.Uint64(item.record.line);
  w.Key("stage");
  str(item.stage);
  w.Key("message");
  str(item.error);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// Opens lazily so that a clean run leaves no empty errors file behind.
class ErrorSink {
 public:
  explicit ErrorSink(std::string path) : path_(std::move(path)) {}
  void write(const Item& item) {
    const std::string where = item.record.line > 0 ? fmt::format("{}:{}", item.record.file, item.record.line)
                                                   : item.record.file;
    spdlog::warn("{}: {}", where, item.error);
    if (path_.empty()) return;
    if (!out_.is_open()) {
      out_.open(path_, std::ios::binary | std::ios::trunc);
      if (!out_) throw ConfigError(fmt::format("cannot write errors file {}", path_));
    }
    out_ << error_line(item);
    out_.flush();
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::ofstream out_;
};

}  // namespace

RunStats run_pipeline(const Pipeline& pipeline, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t threads =
      options.threads > 0 ? options.threads : static_cast<std::size_t>(tbb::info::default_concurrency());
  const std::size_t in_flight = options.max_in_flight > 0 ? options.max_in_flight : 4 * threads;

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (options.output != "-") {
    file_out.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file_out) throw ConfigError(fmt::format("cannot write output file {}", options.output));
    out = &file_out;
  }
  std::string errors_path = options.errors;
  if (errors_path.empty() && options.output != "-") errors_path = options.output + ".errors.jsonl";
  ErrorSink errors(errors_path);

  DocumentReader reader(options.inputs);
  RunStats stats;
  bool stop = false;

  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight,
        tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                      [&](tbb::flow_control& fc) -> Item* {
                                        auto item = std::make_unique<Item>();
                                        if (stop || !reader.next(item->record)) {
                                          fc.stop();
                                          return nullptr;
                                        }
                                        return item.release();
                                      }) &
            tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                           [&](Item* item) -> Item* {
                                             auto& rec = item->record;
                                             if (!rec.doc) {
                                               item->error = rec.error;
                                               item->stage = "read";
                                               return item;
                                             }
                                             try {
                                               pipeline.process(*rec.doc);
                                               write_document(*rec.doc, options.write, item->output);
                                             } catch (const StageError& e) {
                                               item->error = e.what();
                                               item->stage = e.stage();
                                               item->output.clear();
                                             } catch (const std::exception& e) {
                                               item->error = e.what();
                                               item->stage = "write";
                                               item->output.clear();
                                             }
                                             return item;
                                           }) &
            tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* raw) {
              std::unique_ptr<Item> item(raw);
              stats.bytes += item->record.bytes;
              if (!item->error.empty()) {
                ++stats.failed;
                errors.write(*item);
                if (options.stop_on_error) stop = true;
                return;
              }
              out->write(item->output.data(), static_cast<std::streamsize>(item->output.size()));
              ++stats.documents;
            }));
  });
  out->flush();
  if (!*out) throw DocumentError(fmt::format("writing {} failed", options.output == "-" ? "stdout" : options.output));
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.stages = pipeline.timings();
  if (stats.failed > 0) stats.errors_file = errors.path();
  return stats;
}

}  // namespace docpipe
