#include "detail/escape.hpp"

#include <rapidjson/document.h>
#include <catch2/catch.hpp>

using docpipe::view::detail::append_script_safe_json;
using docpipe::view::detail::escape_html;

TEST_CASE("escape_html turns markup characters into references", "[view]") {
  CHECK(escape_html("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape_html("São Tomé") == "São Tomé");
}

TEST_CASE("script-safe JSON cannot end its script element and means the same", "[view]") {
  const std::string json = "{\"t\":\"</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 \xE2\x80\x94\"}";
  std::string out;
  append_script_safe_json(json, out);
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('>') == std::string::npos);
  CHECK(out.find('&') == std::string::npos);
  CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(out.find("\xE2\x80\xA9") == std::string::npos);
  CHECK(out.find("\xE2\x80\x94") != std::string::npos);  // other characters stay as they are
  CHECK(out.find("\\u003c/script\\u003e\\u003c!--") != std::string::npos);

  rapidjson::Document back;
  back.Parse(out.c_str());
  REQUIRE_FALSE(back.HasParseError());
  CHECK(std::string(back["t"].GetString()) == "</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 \xE2\x80\x94");
}
