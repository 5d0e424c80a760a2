#include <docpipe/framework/reader.hpp>

#include <docpipe/framework/json_io.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace docpipe {
namespace fs = std::filesystem;

bool is_jsonl_path(const std::string& path) {
  if (path == "-") return true;
  const std::string ext = fs::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

DocumentReader::DocumentReader(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}
DocumentReader::~DocumentReader() = default;

std::optional<std::size_t> DocumentReader::total_bytes() const {
  std::size_t total = 0;
  for (const auto& input : inputs_) {
    if (input == "-") return std::nullopt;
    std::error_code ec;
    const auto size = fs::file_size(input, ec);
    if (!ec) total += size;
  }
  return total;
}

bool DocumentReader::open_next() {
  file_.reset();
  in_ = nullptr;
  if (next_input_ >= inputs_.size()) return false;
  current_ = inputs_[next_input_++];
  line_ = 0;
  if (current_ == "-") {
    in_ = &std::cin;
  } else {
    file_ = std::make_unique<std::ifstream>(current_, std::ios::binary);
    in_ = file_.get();
  }
  return true;
}

bool DocumentReader::next(InputRecord& record) {
  record = InputRecord{};
  for (;;) {
    if (in_ == nullptr && !open_next()) return false;
    record.file = current_;
    if (!*in_ || (file_ && !file_->is_open())) {
      const bool never_opened = file_ && !file_->is_open();
      in_ = nullptr;
      if (never_opened) {
        std::error_code ec;
        record.error = fs::is_directory(current_, ec) ? "is a directory" : fmt::format("cannot open: {}", std::strerror(errno));
        return true;
      }
      continue;
    }
    if (!is_jsonl_path(current_)) {
      // A plain-text file is one document.
      std::ostringstream text;
      text << in_->rdbuf();
      in_ = nullptr;
      Document doc(current_, text.str());
      record.bytes = doc.text.size();
      if (const auto repairs = repair_utf8(doc.text); repairs > 0) {
        doc.meta.emplace_back("_utf8_repairs", std::to_string(repairs));
      }
      record.doc = std::move(doc);
      return true;
    }
    if (!std::getline(*in_, buffer_)) {
      in_ = nullptr;
      continue;
    }
    ++line_;
    record.line = line_;
    record.bytes = buffer_.size() + 1;
    if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
    if (buffer_.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are not documents
    try {
      record.doc = parse_document(buffer_, fmt::format("{}:{}", current_, line_));
    } catch (const DocumentError& e) {
      record.error = e.what();
    }
    return true;
  }
}

}  // namespace docpipe
