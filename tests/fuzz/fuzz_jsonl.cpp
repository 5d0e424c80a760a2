// Fuzz target: the JSONL reader on one line of raw bytes. A line it accepts
// must be written back as exactly one line of JSON that reads back to the
// same document and writes the same bytes again; and copying the text's
// literal, when the reader offers it, writes the very bytes escaping does.

#include "fuzz_support.hpp"

#include <docpipe/framework/json_io.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string write_all(const docpipe::Document& doc, std::string_view text_literal = {}) {
  docpipe::WriteOptions options;
  options.layers.emplace(doc.present_layers().begin(), doc.present_layers().end());
  std::string out;
  docpipe::write_document(doc, options, out, text_literal);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using docpipe::fuzz::fail;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  docpipe::Document doc;
  std::string_view literal;
  try {
    doc = docpipe::parse_document(line, "fallback-id", &literal);
  } catch (const docpipe::DocumentError&) {
    return 0;
  }
  std::string text = doc.text;
  if (docpipe::repair_utf8(text) != 0) fail("the reader let invalid UTF-8 into the text");

  const std::string out = write_all(doc);
  if (out.empty() || out.back() != '\n' || std::count(out.begin(), out.end(), '\n') != 1)
    fail(fmt::format("the writer did not write exactly one line: {}", out));
  docpipe::Document again;
  try {
    again = docpipe::parse_document(std::string_view(out).substr(0, out.size() - 1), "fallback-id");
  } catch (const docpipe::DocumentError& e) {
    fail(fmt::format("the writer's own line is refused by the reader ({}): {}", e.what(), out));
  }
  if (!(again == doc)) {
    const char* part = again.id != doc.id       ? "id"
                       : again.text != doc.text ? "text"
                       : again.meta != doc.meta ? "meta"
                                                : "layers";
    fail(fmt::format("reading back the written line gives another document ({} differs): {}", part, out));
  }
  if (write_all(again) != out) fail(fmt::format("writing the re-read document gives other bytes: {}", out));
  if (!literal.empty() && write_all(doc, literal) != out)
    fail(fmt::format("copying the text literal {} writes other bytes than escaping the text: {}", literal, out));
  return 0;
}
