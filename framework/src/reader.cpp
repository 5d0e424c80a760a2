#include <docpipe/framework/reader.hpp>

#include "detail/byte_stream.hpp"

#include <docpipe/framework/json_io.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>

namespace docpipe {
namespace fs = std::filesystem;

namespace {

std::string strip_compression(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".gz" || ext == ".zst") return path.substr(0, path.size() - ext.size());
  return path;
}

}  // namespace

bool is_jsonl_path(const std::string& path) {
  if (path == "-") return true;
  const std::string ext = fs::path(strip_compression(path)).extension().string();
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::string& glob,
                                       const std::vector<std::string>& exclude) {
  std::vector<fs::path> excluded;  // canonical
  for (const auto& e : exclude) {
    if (e.empty() || e == "-") continue;
    std::error_code ec;
    auto canonical = fs::weakly_canonical(e, ec);
    if (!ec) excluded.push_back(std::move(canonical));
  }
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input == "-") {
      files.push_back(input);
    } else if (fs::is_directory(input, ec)) {
      // The excluded paths inside this directory, spelled as the iterator
      // spells its entries, so that no entry needs a canonical path.
      std::set<fs::path> skip;
      const auto base = fs::canonical(input, ec);
      for (const auto& e : excluded) {
        const auto rel = e.lexically_relative(base);
        if (!ec && !rel.empty() && *rel.begin() != "..") skip.insert(fs::path(input) / rel);
      }
      std::vector<std::string> found;
      // An unreadable directory is an error, not skipped: its documents would
      // be missing from the output without a word. The last directory
      // entered is the one that could not be opened.
      fs::path last_dir = input;
      for (auto it = fs::recursive_directory_iterator(input, ec); it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (ec) break;
        if (!skip.empty() && skip.count(it->path()) != 0) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory(ec)) {
          last_dir = it->path();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (glob.empty() || fnmatch(glob.c_str(), name.c_str(), 0) == 0) found.push_back(it->path().string());
      }
      if (ec) {
        throw ConfigError(fmt::format("{}: cannot list directory {}: {}", input, last_dir.string(), ec.message()));
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      throw ConfigError(fmt::format("{}: no such input file or directory", input));
    }
  }
  return files;
}

DocumentReader::DocumentReader(std::vector<std::string> files, ReaderOptions options)
    : files_(std::move(files)), options_(options) {}
DocumentReader::~DocumentReader() = default;

std::optional<std::size_t> DocumentReader::total_bytes() const {
  std::size_t total = 0;
  for (const auto& file : files_) {
    if (file == "-") return std::nullopt;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (!ec) total += size;
  }
  return total;
}

// Opens the next file; false when none is left. An unopenable file leaves
// lines_ empty and fills `record` with the error.
bool DocumentReader::open_next(InputRecord& record) {
  lines_.reset();
  if (next_file_ >= files_.size()) return false;
  current_ = files_[next_file_++];
  line_ = 0;
  record.file = current_;
  try {
    lines_ = std::make_unique<detail::LineReader>(
        detail::open_byte_stream(current_), is_jsonl_path(current_) ? options_.max_doc_bytes : SIZE_MAX);
  } catch (const DocumentError& e) {
    record.error = e.what();
  }
  return true;
}

// The next record of this shard; records of other shards are read unparsed.
bool DocumentReader::read_record(InputRecord& record, bool parse) {
  for (;;) {
    const bool mine = options_.shard_count <= 1 || position_ % options_.shard_count == options_.shard_index;
    if (!read_any_record(record, parse && mine)) return false;
    record.index = position_++;
    if (mine) return true;
  }
}

bool DocumentReader::read_any_record(InputRecord& record, bool parse) {
  record = InputRecord{};
  for (;;) {
    if (!lines_ && next_file_ < files_.size() && !is_jsonl_path(files_[next_file_])) {
      read_text_file(files_[next_file_++], record, parse);
      return true;
    }
    if (!lines_) {
      if (!open_next(record)) return false;
      if (!lines_) return true;  // the open error is this record
    }
    record.file = current_;
    detail::LineReader::Line line;
    try {
      if (!lines_->next(line)) {
        lines_.reset();
        continue;
      }
    } catch (const DocumentError& e) {
      // A damaged compressed stream cannot be resynchronised: say so, and
      // what was read before the damage (those records went on as usual).
      lines_.reset();
      record.line = line_ + 1;
      record.error = fmt::format("{}; nothing after it in this file can be read ({} lines read before it)", e.what(), line_);
      return true;
    }
    ++line_;
    record.line = line_;
    record.bytes = line.length;
    if (line.too_long) {
      record.error = fmt::format("line of {} bytes is over --max-doc-bytes ({})", line.length, options_.max_doc_bytes);
      return true;
    }
    if (line.text.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are not documents
    if (!parse) return true;
    record.json = std::move(line.text);
    if (!options_.defer_parse) parse_record(record);
    return true;
  }
}

// A plain-text file is one document, read byte for byte within the limit.
void DocumentReader::read_text_file(const std::string& path, InputRecord& record, bool parse) const {
  record.file = path;
  try {
    auto stream = detail::open_byte_stream(path);
    std::string text;
    std::vector<char> chunk(1 << 20);
    for (std::size_t n; (n = stream->read(chunk.data(), chunk.size())) > 0;) {
      record.bytes += n;
      if (text.size() + n > options_.max_doc_bytes) {
        record.error = fmt::format("document is over --max-doc-bytes ({} bytes)", options_.max_doc_bytes);
        continue;  // keep counting bytes, hold nothing more
      }
      text.append(chunk.data(), n);
    }
    if (!record.error.empty() || !parse) return;
    Document doc(path, std::move(text));
    if (const auto repairs = repair_utf8(doc.text); repairs > 0) {
      doc.meta.emplace_back("_utf8_repairs", std::to_string(repairs));
    }
    record.doc = std::move(doc);
  } catch (const DocumentError& e) {
    record.error = e.what();
  }
}

bool DocumentReader::next(InputRecord& record) { return read_record(record, true); }

void parse_record(InputRecord& record) {
  if (record.json.empty() || record.doc) return;  // nothing deferred, or parsed already
  std::string_view literal;
  thread_local std::string fallback_id;  // FILE:LINE, for a line without an id; no allocation per line
  fallback_id.clear();
  fmt::format_to(std::back_inserter(fallback_id), "{}:{}", record.file, record.line);
  try {
    record.doc = parse_document(record.json, fallback_id, &literal);
  } catch (const DocumentError& e) {
    record.error = e.what();
    record.error_id = id_of(record.json);
  }
  if (literal.empty()) {
    record.json = std::string();
  } else {
    record.literal_begin = static_cast<std::size_t>(literal.data() - record.json.data());
    record.literal_size = literal.size();
  }
}

std::size_t DocumentReader::skip(std::size_t count) {
  InputRecord record;
  std::size_t skipped = 0;
  while (skipped < count && read_record(record, false)) ++skipped;
  return skipped;
}

}  // namespace docpipe
