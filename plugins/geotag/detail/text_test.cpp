#include "detail/text.hpp"

#include <catch2/catch.hpp>

using namespace docpipe::geotag::detail;

namespace {
std::vector<std::string> unit_texts(std::string_view text, bool possessive = true) {
  std::vector<Unit> units;
  split_units(text, 0, static_cast<std::uint32_t>(text.size()), possessive, units);
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(std::string(text.substr(u.begin, u.end - u.begin)) + (u.dot_after ? "+." : ""));
  return out;
}
}  // namespace

TEST_CASE("names are folded to one key whatever their case, accents and spacing", "[geotag]") {
  CHECK(normalized("Bogotá") == "bogota");
  CHECK(normalized("ZÜRICH") == "zurich");
  CHECK(normalized("  New \n York ") == "new york");
  CHECK(normalized("Côte d’Ivoire") == "cote d'ivoire");
  CHECK(normalized("W.Va.") == "w.va.");
}

TEST_CASE("text splits into word units at spaces, hyphens and possessives", "[geotag]") {
  CHECK(unit_texts("Moscow's frustration") == std::vector<std::string>{"Moscow", "frustration"});
  CHECK(unit_texts("Moscow\xE2\x80\x99s") == std::vector<std::string>{"Moscow"});
  CHECK(unit_texts("Britain-based group") == std::vector<std::string>{"Britain", "based", "group"});
  CHECK(unit_texts("the U.S. and W. Va.") == std::vector<std::string>{"the", "U.S+.", "and", "W+.", "Va+."});
  CHECK(unit_texts("(\"Iraq\"),") == std::vector<std::string>{"Iraq"});
}

TEST_CASE("capitals are told from lower case in any script", "[geotag]") {
  CHECK(starts_upper("Zürich", 0));
  CHECK(starts_upper("Évian", 0));
  CHECK_FALSE(starts_upper("évian", 0));
  CHECK(is_all_caps("BEIRUT (AP)", 0, 6));
  CHECK_FALSE(is_all_caps("Beirut", 0, 6));
}
