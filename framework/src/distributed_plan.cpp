#include "detail/distributed_plan.hpp"

#include <docpipe/framework/distributed.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace docpipe::detail {
namespace fs = std::filesystem;

namespace {

constexpr const char* kJournal = "chunks.journal";
constexpr const char* kManifest = "manifest.jsonl";

std::string stem(std::uint64_t id) {
  return fmt::format("part-{:06}", id);
}

// key=value words after the first word of a journal line.
std::map<std::string, std::string, std::less<>> fields(std::istringstream& line) {
  std::map<std::string, std::string, std::less<>> out;
  for (std::string word; line >> word;) {
    const auto eq = word.find('=');
    if (eq != std::string::npos) out[word.substr(0, eq)] = word.substr(eq + 1);
  }
  return out;
}

std::uint64_t number(const std::map<std::string, std::string, std::less<>>& f, const char* key) {
  const auto it = f.find(key);
  return it == f.end() ? 0 : std::stoull(it->second);
}

}  // namespace

std::string chunk_part_name(std::uint64_t id) {
  return stem(id) + ".jsonl";
}

std::string inputs_key(const std::vector<std::string>& files) {
  std::size_t h = files.size();
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = f == "-" ? 0 : fs::file_size(f, ec);
    h = h * 1000003u ^ std::hash<std::string>{}(f);
    h = h * 1000003u ^ std::hash<std::uintmax_t>{}(ec ? 0 : size);
  }
  return fmt::format("{:016x}", h);
}

ChunkPlan::ChunkPlan(std::string dir, std::uint64_t chunk_records, std::string inputs_key, bool resume)
    : dir_(std::move(dir)), chunk_records_(chunk_records), inputs_key_(std::move(inputs_key)) {
  if (chunk_records_ == 0) throw ConfigError("--chunk must be at least 1");
  fs::create_directories(dir_);
  const std::string journal = (fs::path(dir_) / kJournal).string();
  const bool have_journal = resume && fs::exists(journal);
  if (resume && !have_journal) spdlog::info("--resume: no journal at {}; starting from the beginning", journal);
  if (have_journal) {
    load_journal();
  } else {
    // A fresh run: parts of an earlier run in the same directory would be merged with ours.
    for (const auto& entry : fs::directory_iterator(dir_)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("part-", 0) == 0 || name == kJournal || name == kManifest) fs::remove(entry.path());
    }
  }
  std::error_code ec;
  fs::remove(fs::path(dir_) / kManifest, ec);  // written again at the end
  journal_ = ::open(journal.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (journal_ < 0) throw ConfigError(fmt::format("cannot write {}: {}", journal, std::strerror(errno)));
  if (!have_journal) append(fmt::format("docpipe-mpi chunk_records={} inputs={}", chunk_records_, inputs_key_));
}

ChunkPlan::~ChunkPlan() {
  if (journal_ >= 0) ::close(journal_);
}

// Rebuilds the table from the journal; a last line cut by a kill is ignored.
void ChunkPlan::load_journal() {
  const std::string path = (fs::path(dir_) / kJournal).string();
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto complete = content.rfind('\n');
  content.resize(complete == std::string::npos ? 0 : complete + 1);
  std::istringstream lines(content);
  bool header = false;
  for (std::string text; std::getline(lines, text);) {
    std::istringstream line(text);
    std::string kind;
    line >> kind;
    if (kind == "docpipe-mpi") {
      const auto f = fields(line);
      if (f.count("inputs") != 0 && f.at("inputs") != inputs_key_) {
        throw ConfigError(
            fmt::format("--resume: the inputs are not those of the run in {} (other files or sizes)", dir_));
      }
      header = true;
    } else if (kind == "chunk") {
      std::uint64_t id = 0;
      line >> id;
      const auto f = fields(line);
      auto& s = chunks_[id];
      s.chunk = {id, number(f, "first"), number(f, "end")};
      s.worker = static_cast<int>(number(f, "worker"));
    } else if (kind == "done") {
      std::uint64_t id = 0;
      line >> id;
      const auto f = fields(line);
      auto& s = chunks_[id];
      s.done = true;
      s.report = {id, number(f, "records"), number(f, "documents"), number(f, "failed"), 0};
    } else if (kind == "end") {
      const auto f = fields(line);
      total_records_ = number(f, "records");
    } else if (kind == "finished") {
      finished_ = true;
    }
  }
  if (!header) throw ConfigError(fmt::format("--resume: {} is not a docpipe MPI journal", path));
  for (const auto& [id, s] : chunks_) {
    next_id_ = std::max(next_id_, id + 1);
    next_first_ = std::max(next_first_, s.chunk.end);
    if (s.done) {
      resumed_from_ += s.report.records;
    } else {
      spdlog::info("--resume: chunk {} (records {}..{}) held by rank {} did not finish; it runs again", id,
                   s.chunk.first, s.chunk.end - 1, s.worker);
      reruns_.push_back(id);
    }
  }
  if (finished_) spdlog::info("--resume: the run had already finished; nothing to do");
}

void ChunkPlan::append(const std::string& text) {
  const std::string line = text + "\n";
  // One write() of a short line: a kill leaves it whole or without '\n'.
  if (::write(journal_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    throw DocumentError(fmt::format("writing {} failed: {}", kJournal, std::strerror(errno)));
  }
}

std::optional<Chunk> ChunkPlan::next(int worker) {
  const std::lock_guard lock(mutex_);
  std::optional<Chunk> chunk;
  if (finished_) {
  } else if (next_rerun_ < reruns_.size()) {
    chunk = chunks_.at(reruns_[next_rerun_++]).chunk;
  } else if (!total_records_ || next_first_ < *total_records_) {
    chunk = Chunk{next_id_++, next_first_, next_first_ + chunk_records_};
    next_first_ = chunk->end;
  }
  if (!chunk) {
    ++stopped_;
    return chunk;
  }
  auto& s = chunks_[chunk->id];
  s.chunk = *chunk;
  s.worker = worker;
  append(fmt::format("chunk {} first={} end={} worker={}", chunk->id, chunk->first, chunk->end, worker));
  return chunk;
}

void ChunkPlan::complete(const ChunkReport& report) {
  const std::lock_guard lock(mutex_);
  auto& s = chunks_.at(report.id);
  s.done = true;
  s.report = report;
  append(fmt::format("done {} records={} documents={} failed={}", report.id, report.records, report.documents,
                     report.failed));
  if (report.records < s.chunk.end - s.chunk.first) {
    const std::uint64_t end = s.chunk.first + report.records;
    if (!total_records_ || end < *total_records_) {
      total_records_ = end;
      append(fmt::format("end records={}", end));
    }
  }
}

int ChunkPlan::stopped() const {
  const std::lock_guard lock(mutex_);
  return stopped_;
}

std::pair<std::size_t, std::size_t> ChunkPlan::counts() const {
  const std::lock_guard lock(mutex_);
  std::size_t done = 0;
  for (const auto& [id, s] : chunks_) done += s.done ? 1 : 0;
  return {done, chunks_.size() - done};
}

RunStats ChunkPlan::totals() const {
  const std::lock_guard lock(mutex_);
  RunStats stats;
  for (const auto& [id, s] : chunks_) {
    stats.documents += s.report.documents;
    stats.failed += s.report.failed;
    stats.bytes += s.report.bytes;
  }
  stats.resumed_from = resumed_from_;
  return stats;
}

void ChunkPlan::finish() {
  const std::lock_guard lock(mutex_);
  const fs::path dir(dir_);
  const std::string tmp = (dir / (std::string(kManifest) + ".tmp")).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    for (const auto& [id, s] : chunks_) {
      if (!s.done) throw DocumentError(fmt::format("chunk {} is not done at the end of the run", id));
      if (s.report.records == 0) continue;  // beyond the end of the inputs
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      w.StartObject();
      w.Key("part");
      w.String(chunk_part_name(id).c_str());
      w.Key("manifest");
      w.String((stem(id) + ".manifest.jsonl").c_str());
      w.Key("errors");
      if (s.report.failed > 0)
        w.String((stem(id) + ".errors.jsonl").c_str());
      else
        w.Null();
      w.Key("first_record");
      w.Uint64(s.chunk.first);
      w.Key("end_record");
      w.Uint64(s.chunk.first + s.report.records);
      w.Key("documents");
      w.Uint64(s.report.documents);
      w.Key("failed");
      w.Uint64(s.report.failed);
      w.EndObject();
      out << buffer.GetString() << '\n';
    }
    if (!out.flush()) throw DocumentError(fmt::format("writing {} failed", tmp));
  }
  fs::rename(tmp, dir / kManifest);
  if (!finished_) append("finished");
  finished_ = true;
}

ChunkWorker::ChunkWorker(const DocumentProcessor& process, RunOptions options)
    : process_(process), options_(std::move(options)) {}
ChunkWorker::~ChunkWorker() = default;

ChunkReport ChunkWorker::run(const Chunk& chunk) {
  if (!reader_ || reader_->position() > chunk.first) {
    ReaderOptions reading = options_.reader;
    reading.defer_parse = true;  // run_documents parses in its parallel step
    reader_ = std::make_unique<DocumentReader>(options_.inputs, reading);  // only when asked to go back
  }
  (void)reader_->skip(chunk.first - reader_->position());  // fewer at the end of the inputs: the run reads none
  const fs::path dir(options_.output);
  RunOptions o = options_;
  o.output = (dir / chunk_part_name(chunk.id)).string();
  o.errors = (dir / (stem(chunk.id) + ".errors.jsonl")).string();
  o.manifest = (dir / (stem(chunk.id) + ".manifest.jsonl")).string();
  o.stats.clear();
  o.split = 0;
  o.max_records = chunk.end - chunk.first;
  o.resume = fs::exists(o.output + ".journal");  // a chunk a killed run was writing goes on from there
  const RunStats stats = run_documents(process_, o, *reader_);
  ChunkReport report{chunk.id, stats.documents + stats.failed, stats.documents, stats.failed, stats.bytes};
  std::error_code ec;
  if (report.records == 0) {
    for (const auto& f : {o.output, o.errors, o.manifest, o.output + ".journal"}) fs::remove(f, ec);
  } else if (report.failed == 0) {
    fs::remove(o.errors, ec);  // a resumed run leaves an empty one
  }
  return report;
}

}  // namespace docpipe::detail
