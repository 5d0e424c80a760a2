#pragma once
// Text helpers of the geotagger: the one normalisation that gazetteer names
// and document text share (case-folded, accents stripped, spaces collapsed),
// and the split of text into word units.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::geotag::detail {

/// Appends `text` to `out` lower-cased, without accents, with each run of
/// white space as one space and typographic apostrophes as "'".
void append_normalized(std::string_view text, std::string& out);

/// `text` normalized (see append_normalized).
[[nodiscard]] std::string normalized(std::string_view text);

/// A word unit: a run of characters between spaces and separators
/// (hyphen, slash, comma, brackets, quotes, ...), without a trailing period.
struct Unit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool dot_after = false;  ///< a '.' follows directly (it was stripped)
};

/// Appends the units of text[begin, end) to `out`; offsets are into `text`.
/// With `strip_possessive`, a trailing "'s" is left out of a unit.
void split_units(std::string_view text, std::uint32_t begin, std::uint32_t end, bool strip_possessive,
                 std::vector<Unit>& out);

/// True when the code point starting at text[pos] is an upper-case letter.
[[nodiscard]] bool starts_upper(std::string_view text, std::uint32_t pos);
/// True when text[begin, end) has a letter and no lower-case letter.
[[nodiscard]] bool is_all_caps(std::string_view text, std::uint32_t begin, std::uint32_t end);

}  // namespace docpipe::geotag::detail
