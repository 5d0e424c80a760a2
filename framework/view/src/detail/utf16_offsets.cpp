#include "detail/utf16_offsets.hpp"

namespace docpipe::view::detail {

Utf16Offsets::Utf16Offsets(std::string_view text) : map_(text.size() + 1) {
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + len > text.size()) len = text.size() - i;
    map_[i] = units;
    units += len == 4 ? 2 : 1;  // characters past U+FFFF take a surrogate pair
    for (std::size_t k = 1; k < len; ++k) map_[i + k] = units;
    i += len;
  }
  map_[text.size()] = units;
}

}  // namespace docpipe::view::detail
