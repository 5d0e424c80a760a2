#pragma once
// Making text safe inside the page: HTML-escaping for markup and
// script-safe JSON for <script type="application/json"> blocks.

#include <string>
#include <string_view>

namespace docpipe::view::detail {

/// `text` with & < > " ' as character references, for element content and
/// quoted attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

/// Appends JSON text `json` to `out` so it can sit inside a <script> element:
/// < > & become \u003c \u003e \u0026 (so neither "</script" nor "<!--" can
/// occur) and U+2028/U+2029 become \u2028/\u2029. Valid JSON only has these
/// characters inside strings, where the escapes mean the same characters.
void append_script_safe_json(std::string_view json, std::string& out);

}  // namespace docpipe::view::detail
