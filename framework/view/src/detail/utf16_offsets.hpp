#pragma once
// Byte offsets (the document model's) to UTF-16 code units (what JavaScript
// strings index), so the page can slice the text without decoding UTF-8.

#include <cstdint>
#include <string_view>
#include <vector>

namespace docpipe::view::detail {

/// Maps every byte offset of one text to its UTF-16 offset.
class Utf16Offsets {
 public:
  /// `text` must be valid UTF-8 (documents are repaired on reading).
  explicit Utf16Offsets(std::string_view text);
  /// The UTF-16 offset of byte offset `byte`; an offset inside a character
  /// maps to the character's end, one past the text to the text's length.
  [[nodiscard]] std::uint32_t operator()(std::uint32_t byte) const {
    return byte < map_.size() ? map_[byte] : map_.back();
  }

 private:
  std::vector<std::uint32_t> map_;  ///< size: text bytes + 1
};

}  // namespace docpipe::view::detail
