#include "detail/suggest.hpp"

#include <catch2/catch.hpp>

using docpipe::detail::closest_match;

TEST_CASE("did-you-mean picks a close name and nothing far away", "[suggest]") {
  const std::vector<std::string> names = {"tokenizer", "quotes", "geotag", "summarizer"};
  CHECK(closest_match("tokeniser", names) == "tokenizer");
  CHECK(closest_match("quote", names) == "quotes");
  CHECK(closest_match("GeoTag", names) == "geotag");
  CHECK(closest_match("parser", names).empty());
}
