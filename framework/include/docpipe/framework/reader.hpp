#pragma once
// Reading documents from the inputs a user names: JSONL files (one
// {"id","text",...} object a line), plain-text files (one document each, id =
// path) and "-" for JSONL on stdin.

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace docpipe {

/// One record read: a document, or why its line could not be read.
struct InputRecord {
  std::optional<Document> doc;
  std::string error;  ///< set when doc is empty
  std::string file;   ///< input file ("-" for stdin)
  std::size_t line = 0;  ///< 1-based line in a JSONL input; 0 for a text file
  std::size_t bytes = 0;  ///< input bytes this record took
};

/// True when `path` is read as JSONL (by its extension, or "-").
[[nodiscard]] bool is_jsonl_path(const std::string& path);

/// Reads inputs in order, one record at a time. Not thread-safe.
class DocumentReader {
 public:
  explicit DocumentReader(std::vector<std::string> inputs);
  ~DocumentReader();
  /// Fills `record` with the next record; false at the end of all inputs.
  /// An input that cannot be opened gives one record with the error.
  bool next(InputRecord& record);
  /// Total size of the input files in bytes, when known (not for stdin).
  [[nodiscard]] std::optional<std::size_t> total_bytes() const;

 private:
  bool open_next();
  std::vector<std::string> inputs_;
  std::size_t next_input_ = 0;
  std::string current_;
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_ = nullptr;
  std::size_t line_ = 0;
  std::string buffer_;
};

}  // namespace docpipe
