#include "detail/out_file.hpp"

#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace docpipe::detail {
namespace {

// Large enough that a write(2) costs little per byte. (stdio would not do:
// glibc's setvbuf ignores the size unless given the buffer too.)
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;

}  // namespace

OutFile::~OutFile() {
  try {
    close();
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): close() is where errors are heard
  }
}

void OutFile::open(const std::string& path, bool resume, std::uint64_t keep_bytes) {
  close();
  path_ = path;
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    owned_ = false;
  } else {
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (resume ? O_APPEND : O_TRUNC);
    fd_ = ::open(path.c_str(), flags, 0666);
    if (fd_ < 0) throw ConfigError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    owned_ = true;
    if (resume && ::ftruncate(fd_, static_cast<off_t>(keep_bytes)) != 0) {
      const std::string why = std::strerror(errno);
      ::close(fd_);
      fd_ = -1;
      throw ConfigError(fmt::format("--resume: cannot truncate {}: {}", path, why));
    }
  }
  pending_.reserve(kBufferBytes);
  bytes_ = resume ? keep_bytes : 0;
}

void OutFile::write(std::string_view s) {
  if (pending_.size() + s.size() > kBufferBytes) flush();
  if (s.size() >= kBufferBytes) {
    write_all(s.data(), s.size());
  } else {
    pending_.append(s);
  }
  bytes_ += s.size();
}

void OutFile::flush() {
  if (fd_ < 0 || pending_.empty()) return;
  write_all(pending_.data(), pending_.size());
  pending_.clear();
}

void OutFile::close() {
  if (fd_ < 0) return;
  flush();
  const int fd = fd_;
  fd_ = -1;
  if (owned_ && ::close(fd) != 0) fail();
}

void OutFile::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail();
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void OutFile::fail() const {
  throw DocumentError(fmt::format("writing {} failed: {}", path_ == "-" ? "stdout" : path_, std::strerror(errno)));
}

}  // namespace docpipe::detail
