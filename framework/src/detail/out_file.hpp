#pragma once
// An output file (or stdout) written with write(2) through a 1 MiB buffer of
// its own, counting bytes; on resume, cut back to a known size first. Errors
// on write are thrown, never ignored.

#include <cstdint>
#include <string>
#include <string_view>

namespace docpipe::detail {

class OutFile {
 public:
  OutFile() = default;
  explicit OutFile(const std::string& path) { open(path); }
  /// Writes what is pending, best effort: call close() to hear of errors.
  ~OutFile();
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;

  /// Opens `path` ("-": stdout) for writing; with `resume`, keeps its first
  /// `keep_bytes` bytes (what a journal says was complete) and appends after
  /// them. Throws ConfigError when it cannot.
  void open(const std::string& path, bool resume = false, std::uint64_t keep_bytes = 0);
  void write(std::string_view s);
  /// Hands everything written so far to the kernel.
  void flush();
  void close();

  [[nodiscard]] bool is_open() const { return fd_ >= 0; }
  /// Bytes in the file, pending ones included.
  [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  void write_all(const char* data, std::size_t size);
  [[noreturn]] void fail() const;

  std::string path_;
  int fd_ = -1;
  bool owned_ = false;
  std::string pending_;
  std::uint64_t bytes_ = 0;
};

}  // namespace docpipe::detail
