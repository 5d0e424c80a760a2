// `docpipe merge`: shard outputs and MPI part files back into input order.
// Every part has a manifest with one line per record it read, in order; the
// merge walks all manifests by record index (a heap over the parts that
// overlap, one part at a time for the consecutive ranges of MPI chunks) and
// copies the next line of that part's output (status ok) or errors file
// (failed). Lines are copied as bytes, never re-serialised.

#include <docpipe/framework/distributed.hpp>

#include "detail/out_file.hpp"
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <queue>
#include <set>

namespace docpipe {
namespace fs = std::filesystem;

namespace {

using detail::OutFile;

// A FILE* read line by line with getline(3), keeping the '\n'.
class LineFile {
 public:
  explicit LineFile(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "rb")) {
    if (file_ == nullptr) throw ConfigError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  ~LineFile() {
    std::free(buffer_);
    if (file_ != nullptr) std::fclose(file_);
  }
  LineFile(const LineFile&) = delete;
  LineFile& operator=(const LineFile&) = delete;
  // The next line with its '\n', or nothing at the end.
  std::optional<std::string_view> next() {
    const ssize_t n = ::getline(&buffer_, &capacity_, file_);
    if (n < 0) return std::nullopt;
    return std::string_view(buffer_, static_cast<std::size_t>(n));
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::FILE* file_;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
};

// One part: its output, errors and manifest files.
struct Part {
  std::string output;
  std::string errors;  // "" when none is expected
  std::string manifest;
  std::uint64_t first = 0;  // first record (for MPI chunks, from manifest.jsonl; shards: read on opening)
};

// An opened part, positioned on its next manifest entry.
struct OpenPart {
  const Part* part;
  std::unique_ptr<LineFile> manifest;
  std::unique_ptr<LineFile> output;
  std::unique_ptr<LineFile> errors;
  std::uint64_t record = 0;
  bool ok = true;
  std::size_t line = 0;  // manifest line, for messages

  // Reads the next manifest entry; false at its end.
  bool advance() {
    const auto text = manifest->next();
    if (!text) return false;
    ++line;
    rapidjson::Document d;
    d.Parse(text->data(), text->size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("record") || !d["record"].IsUint64() ||
        !d.HasMember("status") || !d["status"].IsString()) {
      throw ConfigError(fmt::format("{}:{}: not a docpipe manifest line", manifest->path(), line));
    }
    record = d["record"].GetUint64();
    ok = std::string_view(d["status"].GetString()) == "ok";
    return true;
  }
};

struct Later {
  bool operator()(const OpenPart* a, const OpenPart* b) const { return a->record > b->record; }
};

// A shard run's journal must say it finished.
void check_finished(const std::string& output) {
  std::ifstream in(output + ".journal", std::ios::binary);
  if (!in) return;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto last_nl = content.rfind('\n');  // a line cut by a kill has none
  if (last_nl == std::string::npos) return;
  const auto start = last_nl == 0 ? std::string::npos : content.rfind('\n', last_nl - 1);
  const auto from = start == std::string::npos ? 0 : start + 1;
  const std::string line = content.substr(from, last_nl - from);
  if (line.rfind("done", 0) != 0) {
    throw ConfigError(
        fmt::format("{}: the run writing it did not finish (see {}.journal); finish it with --resume", output, output));
  }
}

std::vector<Part> parts_of(const std::string& input) {
  std::vector<Part> parts;
  if (fs::is_directory(input)) {
    const fs::path dir(input);
    const auto manifest = dir / "manifest.jsonl";
    if (!fs::exists(manifest)) {
      throw ConfigError(
          fs::exists(dir / "chunks.journal")
              ? fmt::format("{}: the MPI run did not finish (no manifest.jsonl); finish it with --resume", input)
              : fmt::format("{}: not a docpipe --mpi output directory (no manifest.jsonl)", input));
    }
    LineFile lines(manifest.string());
    std::size_t n = 0;
    while (const auto text = lines.next()) {
      ++n;
      rapidjson::Document d;
      d.Parse(text->data(), text->size());
      if (d.HasParseError() || !d.IsObject() || !d.HasMember("part") || !d.HasMember("manifest") ||
          !d.HasMember("first_record") || !d["part"].IsString() || !d["manifest"].IsString() ||
          !d["first_record"].IsUint64()) {
        throw ConfigError(fmt::format("{}:{}: not a docpipe manifest line", manifest.string(), n));
      }
      Part p;
      p.output = (dir / d["part"].GetString()).string();
      p.manifest = (dir / d["manifest"].GetString()).string();
      if (d.HasMember("errors") && d["errors"].IsString()) p.errors = (dir / d["errors"].GetString()).string();
      p.first = d["first_record"].GetUint64();
      parts.push_back(std::move(p));
    }
    return parts;
  }
  if (!fs::exists(input)) throw ConfigError(fmt::format("{}: no such file or directory", input));
  Part p;
  p.output = input;
  p.manifest = manifest_path(input);
  if (!fs::exists(p.manifest)) {
    throw ConfigError(fmt::format("{}: no manifest {} beside it (write shards with docpipe run --shard I/N -o FILE)",
                                  input, p.manifest));
  }
  check_finished(input);
  if (fs::exists(input + ".errors.jsonl")) p.errors = input + ".errors.jsonl";
  OpenPart probe{&p, nullptr, nullptr, nullptr};
  probe.manifest = std::make_unique<LineFile>(p.manifest);
  p.first = probe.advance() ? probe.record : UINT64_MAX;  // an empty shard holds nothing
  parts.push_back(std::move(p));
  return parts;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  Shard s;
  try {
    std::size_t used = 0;
    if (slash == std::string::npos) throw std::invalid_argument("no /");
    s.index = std::stoull(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("index");
    const std::string count = text.substr(slash + 1);
    s.count = std::stoull(count, &used);
    if (used != count.size()) throw std::invalid_argument("count");
  } catch (const std::exception&) {
    throw ConfigError(fmt::format("--shard '{}': expected I/N, e.g. 0/4", text));
  }
  if (s.count == 0 || s.index >= s.count) {
    throw ConfigError(fmt::format("--shard '{}': I must be in 0..N-1", text));
  }
  return s;
}

std::string manifest_path(const std::string& output) {
  return output + ".manifest.jsonl";
}

MergeStats merge_outputs(const MergeOptions& options) {
  std::vector<Part> parts;
  // A shell glob such as out/shard-*.jsonl also names the files beside each
  // output; they are read with their output, not as outputs of their own.
  const std::set<std::string, std::less<>> named(options.inputs.begin(), options.inputs.end());
  const auto sidecar = [&named](const std::string& input) {
    for (const std::string_view suffix : {".manifest.jsonl", ".errors.jsonl", ".journal"}) {
      if (input.size() > suffix.size() && input.ends_with(suffix) &&
          named.count(input.substr(0, input.size() - suffix.size())) != 0) {
        return true;
      }
    }
    return false;
  };
  for (const auto& input : options.inputs) {
    if (sidecar(input)) continue;
    auto more = parts_of(input);
    parts.insert(parts.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.first < b.first; });

  std::string errors_path = options.errors;
  if (errors_path.empty() && options.output != "-") errors_path = options.output + ".errors.jsonl";
  MergeStats stats;
  stats.parts = parts.size();
  std::error_code ec;
  if (!errors_path.empty()) fs::remove(errors_path, ec);  // a stale one would mislead
  try {
    OutFile out(options.output);
    std::unique_ptr<OutFile> errors;
    std::vector<std::unique_ptr<OpenPart>> open;
    std::priority_queue<OpenPart*, std::vector<OpenPart*>, Later> heap;
    std::size_t next_part = 0;
    std::uint64_t expected = 0;
    const auto finish_part = [](const OpenPart& p) {
      if (p.output->next()) {
        throw ConfigError(
            fmt::format("{} has more lines than its manifest {} lists", p.part->output, p.part->manifest));
      }
      if (p.errors && p.errors->next()) {
        throw ConfigError(
            fmt::format("{} has more lines than its manifest {} lists", p.part->errors, p.part->manifest));
      }
    };
    for (;;) {
      while (next_part < parts.size() && parts[next_part].first != UINT64_MAX &&
             (heap.empty() || parts[next_part].first <= heap.top()->record)) {
        const Part& part = parts[next_part++];
        auto p = std::make_unique<OpenPart>();
        p->part = &part;
        p->manifest = std::make_unique<LineFile>(part.manifest);
        p->output = std::make_unique<LineFile>(part.output);
        if (!part.errors.empty()) p->errors = std::make_unique<LineFile>(part.errors);
        if (p->advance())
          heap.push(p.get());
        else
          finish_part(*p);
        open.push_back(std::move(p));
      }
      if (heap.empty()) break;
      OpenPart* p = heap.top();
      heap.pop();
      if (p->record != expected) {
        throw ConfigError(
            p->record < expected
                ? fmt::format("record {} appears twice (again in {})", p->record, p->part->output)
                : fmt::format("records {}..{} are in no input (a shard or part is missing)", expected, p->record - 1));
      }
      ++expected;
      if (p->ok) {
        const auto line = p->output->next();
        if (!line) throw ConfigError(fmt::format("{} has fewer lines than its manifest lists", p->part->output));
        out.write(*line);
        ++stats.documents;
      } else {
        const auto line = p->errors ? p->errors->next() : std::nullopt;
        if (!line) {
          throw ConfigError(
              fmt::format("{}: record {} failed but its errors file has no line for it", p->part->output, p->record));
        }
        if (!errors_path.empty()) {
          if (!errors) errors = std::make_unique<OutFile>(errors_path);
          errors->write(*line);
        }
        ++stats.failed;
      }
      if (p->advance()) {
        heap.push(p);
      } else {
        finish_part(*p);
        std::erase_if(open, [p](const auto& o) { return o.get() == p; });  // closes its files
      }
    }
    out.close();
    if (errors) errors->close();
  } catch (...) {
    if (options.output != "-") fs::remove(options.output, ec);
    if (!errors_path.empty()) fs::remove(errors_path, ec);
    throw;
  }
  if (stats.failed > 0) stats.errors_file = errors_path;
  return stats;
}

}  // namespace docpipe
