#pragma once
// Byte streams over plain, gzip and zstd files (and stdin), and a line
// splitter on top that never buffers more than a bounded line.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace docpipe::detail {

/// A source of bytes. read() returns 0 at the end; throws DocumentError on
/// a read or decompression error.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// Opens `path` ("-" for stdin), decompressing by extension (.gz, .zst).
/// Throws DocumentError when it cannot be opened.
[[nodiscard]] std::unique_ptr<ByteStream> open_byte_stream(const std::string& path);

/// Splits a stream into lines ('\n'; a trailing '\r' is dropped). A line
/// longer than `max_line` bytes is skipped without being stored; next()
/// then reports it with `too_long` set and its full length.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteStream> stream, std::size_t max_line);
  struct Line {
    std::string text;
    std::size_t length = 0;  ///< bytes of the line, '\n' included
    bool too_long = false;
  };
  /// Reads the next line into `line`; false at the end of the stream.
  bool next(Line& line);

 private:
  bool refill();
  std::unique_ptr<ByteStream> stream_;
  std::size_t max_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
};

}  // namespace docpipe::detail
