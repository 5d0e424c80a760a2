#pragma once
// Reading documents from the inputs a user names: JSONL files (one
// {"id","text",...} object a line; also .jsonl.gz and .jsonl.zst), plain-text
// files (one document each, id = path), directories (recursive, filtered by
// a glob) and "-" for JSONL on stdin.

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe {

namespace detail {
class LineReader;
}

/// One record read: a document, or why its line could not be read.
struct InputRecord {
  std::optional<Document> doc;
  /// The JSONL line, not parsed yet (ReaderOptions::defer_parse); parse_record
  /// turns it into `doc` or `error`.
  std::string json;
  /// Where `json` spells the text as write_document would (parse_document's
  /// text_literal), kept by parse_record so the writer can copy it.
  std::size_t literal_begin = 0;
  std::size_t literal_size = 0;
  std::string error;      ///< set when doc is empty and there is no line to parse
  std::optional<std::string> error_id;  ///< the id of a line that could not be read, when it has one
  std::string file;       ///< input file ("-" for stdin)
  std::size_t line = 0;   ///< 1-based line in a JSONL input; 0 for a text file
  std::size_t bytes = 0;  ///< input bytes this record took
  std::size_t index = 0;  ///< 0-based position among all records of the inputs, in input order

  [[nodiscard]] std::string_view text_literal() const {
    return std::string_view(json).substr(literal_begin, literal_size);
  }
};

/// True when `path` is read as JSONL: "-", or .jsonl/.ndjson/.json, also
/// followed by .gz or .zst.
[[nodiscard]] bool is_jsonl_path(const std::string& path);

/// The files the inputs name, in order: a directory becomes its regular
/// files whose name matches `glob` (fnmatch, e.g. "*.jsonl"), recursively,
/// sorted by path, leaving out the files and directories in `exclude` (a
/// run's own outputs, which a second run would otherwise read). Throws
/// ConfigError for an input that does not exist or a directory (also one
/// inside an input) that cannot be listed.
[[nodiscard]] std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::string& glob,
                                                     const std::vector<std::string>& exclude = {});

struct ReaderOptions {
  /// Documents (JSONL lines, text files) larger than this are refused with
  /// an error record, without being held in memory.
  std::size_t max_doc_bytes = std::size_t{256} << 20;
  /// Static sharding (--shard I/N): only records whose index is
  /// shard_index modulo shard_count are returned; the others are passed over
  /// unparsed. N readers with I = 0..N-1 together return every record once.
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
  /// Leave JSONL lines unparsed in InputRecord::json, so that the caller can
  /// parse them elsewhere (the runner parses on its worker threads, not in
  /// its serial read step).
  bool defer_parse = false;
};

/// Parses a record's deferred line into its document (or its error); keeps
/// the line only when it holds the text's literal. Does nothing for a record
/// without a line.
void parse_record(InputRecord& record);

/// Reads input files in order, one record at a time. Not thread-safe.
class DocumentReader {
 public:
  explicit DocumentReader(std::vector<std::string> files, ReaderOptions options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  /// Fills `record` with the next record; false at the end of all inputs.
  /// An input that cannot be opened or read gives one record with the error.
  bool next(InputRecord& record);
  /// Skips `count` records (of this shard) without parsing them (for
  /// --resume); returns how many were skipped.
  std::size_t skip(std::size_t count);
  /// Index of the next record of the inputs (all shards counted): how many
  /// records have been read or passed over so far.
  [[nodiscard]] std::size_t position() const { return position_; }
  /// Total size of the input files in bytes, when known (not for stdin).
  [[nodiscard]] std::optional<std::size_t> total_bytes() const;

 private:
  bool read_record(InputRecord& record, bool parse);
  bool read_any_record(InputRecord& record, bool parse);
  void read_text_file(const std::string& path, InputRecord& record, bool parse) const;
  bool open_next(InputRecord& record);
  std::vector<std::string> files_;
  ReaderOptions options_;
  std::size_t next_file_ = 0;
  std::string current_;
  std::unique_ptr<detail::LineReader> lines_;
  std::size_t line_ = 0;
  std::size_t position_ = 0;
};

}  // namespace docpipe
