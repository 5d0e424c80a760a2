#include "detail/byte_stream.hpp"

#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace docpipe::detail {
namespace {

constexpr std::size_t kChunk = 1 << 20;

class FdStream final : public ByteStream {
 public:
  FdStream(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdStream() override {
    if (owned_) close(fd_);
  }
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) throw DocumentError(fmt::format("read error: {}", std::strerror(errno)));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(gzFile file) : file_(file) { gzbuffer(file_, 256 * 1024); }
  ~GzipStream() override { gzclose(file_); }
  std::size_t read(char* buffer, std::size_t size) override {
    const int n = gzread(file_, buffer, static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30)));
    if (n < 0) {
      int code = 0;
      throw DocumentError(fmt::format("gzip error: {}", gzerror(file_, &code)));
    }
    if (n == 0) {
      // zlib returns what it could decode of a truncated file, then a clean 0
      // with Z_BUF_ERROR recorded: a cut file must not pass as a short one.
      int code = Z_OK;
      gzerror(file_, &code);
      if (code == Z_BUF_ERROR) throw DocumentError("gzip error: the file ends inside a compressed block (truncated?)");
    }
    return static_cast<std::size_t>(n);
  }

 private:
  gzFile file_;
};

class ZstdStream final : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> raw)
      : raw_(std::move(raw)), dctx_(ZSTD_createDCtx()), in_buffer_(ZSTD_DStreamInSize()) {}
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }
  std::size_t read(char* buffer, std::size_t size) override {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        const std::size_t n = raw_->read(in_buffer_.data(), in_buffer_.size());
        if (n == 0) {
          if (!frame_done_) throw DocumentError("zstd error: the file ends inside a frame (truncated?)");
          return 0;
        }
        in_ = ZSTD_inBuffer{in_buffer_.data(), n, 0};
      }
      const std::size_t r = ZSTD_decompressStream(dctx_, &out, &in_);
      if (ZSTD_isError(r)) throw DocumentError(fmt::format("zstd error: {}", ZSTD_getErrorName(r)));
      frame_done_ = (r == 0);
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteStream> raw_;
  ZSTD_DCtx* dctx_;
  std::vector<char> in_buffer_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool frame_done_ = true;
};

std::unique_ptr<ByteStream> open_fd(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw DocumentError("cannot open: is a directory");
    throw DocumentError(fmt::format("cannot open: {}", std::strerror(errno)));
  }
  return std::make_unique<FdStream>(fd, true);
}

}  // namespace

std::unique_ptr<ByteStream> open_byte_stream(const std::string& path) {
  if (path == "-") return std::make_unique<FdStream>(STDIN_FILENO, false);
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".gz") {
    auto raw = open_fd(path);  // for the error message; gzopen's errno is vaguer
    raw.reset();
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) throw DocumentError(fmt::format("cannot open: {}", std::strerror(errno)));
    return std::make_unique<GzipStream>(file);
  }
  if (ext == ".zst") return std::make_unique<ZstdStream>(open_fd(path));
  return open_fd(path);
}

LineReader::LineReader(std::unique_ptr<ByteStream> stream, std::size_t max_line)
    : stream_(std::move(stream)), max_line_(max_line), buffer_(kChunk) {}

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const std::size_t n = stream_->read(buffer_.data() + end_, buffer_.size() - end_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

bool LineReader::next(Line& line) {
  line.text.clear();
  line.length = 0;
  line.too_long = false;
  std::size_t scanned = 0;  // bytes of the pending part already searched
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const auto* nl = static_cast<const char*>(std::memchr(start + scanned, '\n', end_ - begin_ - scanned));
    if (nl != nullptr) {
      const std::size_t n = static_cast<std::size_t>(nl - start);
      line.length += n + 1;
      if (line.length - 1 > max_line_) line.too_long = true;
      if (!line.too_long) {
        line.text.assign(start, n);
        if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
      } else {
        line.text.clear();
      }
      begin_ += n + 1;
      return true;
    }
    const std::size_t pending = end_ - begin_;
    if (line.length + pending > max_line_ || line.too_long) {
      // Drop what is buffered: this line is refused anyway.
      line.too_long = true;
      line.length += pending;
      begin_ = end_ = 0;
      scanned = 0;
    } else {
      scanned = pending;
    }
    if (!refill()) {
      const std::size_t rest = end_ - begin_;
      if (rest == 0 && line.length == 0) return false;
      line.length += rest;
      if (line.length > max_line_) line.too_long = true;
      if (!line.too_long) {
        line.text.assign(buffer_.data() + begin_, rest);
        if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
      }
      begin_ = end_ = 0;
      return true;
    }
  }
}

}  // namespace docpipe::detail
