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
///
/// With `text_literal`, also says where the line spells the text as a JSON
/// string literal (quotes included) exactly as write_document would: a view
/// into `line`, empty when the spelling differs (\u escapes other than
/// those of control characters, "\/", repaired bytes). Writing can then copy
/// the literal instead of escaping the text again.
[[nodiscard]] Document parse_document(std::string_view line, const std::string& fallback_id,
                                      std::string_view* text_literal = nullptr);

/// The id of a line parse_document refused, when the line is a JSON object
/// with a string or numeric `id` (e.g. it lacks `text`); for error reports.
[[nodiscard]] std::optional<std::string> id_of(std::string_view line);

/// What write_document writes.
struct WriteOptions {
  /// Layers to write; nullopt: every present layer except `tokens`.
  std::optional<std::set<std::string, std::less<>>> layers;
  bool include_text = true;
};

/// Appends `doc` as one JSON object and a newline to `out`:
/// {"id","text","meta", then each chosen present layer, core layers first}.
/// A non-empty `text_literal` (from parse_document, for this document's
/// text) is copied as the text's value.
void write_document(const Document& doc, const WriteOptions& options, std::string& out,
                    std::string_view text_literal = {});

}  // namespace docpipe
