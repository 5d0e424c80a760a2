#include "detail/utf16_offsets.hpp"

#include <catch2/catch.hpp>

using docpipe::view::detail::Utf16Offsets;

TEST_CASE("UTF-16 offsets count one unit per BMP character and two past U+FFFF", "[view]") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80z";  // a é — 😀 z
  const Utf16Offsets u16(text);
  CHECK(u16(0) == 0);   // a
  CHECK(u16(1) == 1);   // é (2 bytes)
  CHECK(u16(3) == 2);   // — (3 bytes)
  CHECK(u16(6) == 3);   // 😀 (4 bytes, a surrogate pair)
  CHECK(u16(10) == 5);  // z
  CHECK(u16(11) == 6);  // end
  CHECK(u16(99) == 6);  // past the end: clamped
}

TEST_CASE("an offset inside a character maps to the character's end", "[view]") {
  const Utf16Offsets u16("\xC3\xA9x\xF0\x9F\x98\x80");
  CHECK(u16(1) == 1);
  CHECK(u16(4) == 4);
  CHECK(u16(6) == 4);
  CHECK(Utf16Offsets("")(0) == 0);
}
