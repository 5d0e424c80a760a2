#pragma once
// The JSON contract of DESIGN.md: one document per JSONL line, read from and
// written to JSON with RapidJSON (kept out of this header).

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace docpipe {

/// Replaces every invalid UTF-8 sequence in `text` by U+FFFD (one per
/// maximal invalid subpart, as Unicode recommends); returns how many.
std::size_t repair_utf8(std::string& text);

/// Reads one JSON line: `id` (string or number), `text` (string, required);
/// `meta` (object) and every other field that is not a layer go to meta; a
/// field that is an array of objects with integer `begin` and `end` is read
/// as a layer (core layers into their typed vectors). Invalid UTF-8 in the
/// text is repaired and counted in meta `_utf8_repairs`. Throws DocumentError
/// saying what is wrong; `fallback_id` is used when the line has no id.
[[nodiscard]] Document parse_document(std::string_view line, const std::string& fallback_id);

/// What write_document writes.
struct WriteOptions {
  /// Layers to write; nullopt: every present layer except `tokens`.
  std::optional<std::set<std::string, std::less<>>> layers;
  bool include_text = true;
};

/// Appends `doc` as one JSON object and a newline to `out`:
/// {"id","text","meta", then each chosen present layer, core layers first}.
void write_document(const Document& doc, const WriteOptions& options, std::string& out);

}  // namespace docpipe
