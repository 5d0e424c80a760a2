#include <docpipe/framework/json_io.hpp>

#include <docpipe/sdk/error.hpp>

#include <catch2/catch.hpp>

using namespace docpipe;

TEST_CASE("every core and custom layer survives a write and a read", "[json_io]") {
  Document doc("d1", "Medvedev said \"yes\" in Moscow.");
  doc.meta.emplace_back("title", "\"A title\"");
  doc.paragraphs.push_back({0, 30});
  doc.sentences.push_back({0, 30});
  doc.tokens.push_back({0, 8, TokenKind::word});
  doc.tokens.push_back({29, 30, TokenKind::punct});
  Quote q;
  q.begin = 15;
  q.end = 18;
  q.speaker_span = {{0, 8}};
  q.speaker = "Dmitry Medvedev";
  q.cue_span = {{9, 13}};
  q.kind = QuoteKind::direct;
  q.confidence = 0.75;
  doc.quotes.push_back(q);
  Place p;
  p.begin = 23;
  p.end = 29;
  p.name = "Moscow";
  p.lat = 55.75222;
  p.lon = 37.61556;
  p.geonameid = 524901;
  p.country = "RU";
  p.feature = "PPLC";
  p.confidence = 0.9;
  doc.places.push_back(p);
  doc.summary.push_back({0, 30, 1.5});
  doc.layer("entities").push_back({0, 8, {{"type", std::string("PERSON")}, {"rank", std::int64_t{1}},
                                          {"score", 0.5}, {"resolved", true}}});
  for (auto name : kCoreLayers) doc.mark_present(name);

  std::string line;
  write_document(doc, WriteOptions{std::set<std::string, std::less<>>{"paragraphs", "sentences", "tokens", "quotes",
                                                                     "places", "summary", "entities"},
                                   true},
                 line);
  REQUIRE(line.back() == '\n');
  line.pop_back();
  const Document back = parse_document(line, "fallback");
  CHECK(back == doc);
}

TEST_CASE("tokens are left out by default and the text on request", "[json_io]") {
  Document doc("d", "Hi.");
  doc.tokens.push_back({0, 2, TokenKind::word});
  doc.sentences.push_back({0, 3});
  doc.mark_present("tokens");
  doc.mark_present("sentences");
  std::string line;
  write_document(doc, {}, line);
  CHECK(line == "{\"id\":\"d\",\"text\":\"Hi.\",\"sentences\":[{\"begin\":0,\"end\":3}]}\n");
  line.clear();
  write_document(doc, WriteOptions{std::nullopt, false}, line);
  CHECK(line == "{\"id\":\"d\",\"sentences\":[{\"begin\":0,\"end\":3}]}\n");
}

TEST_CASE("fields that are not layers are meta; a numeric id becomes a string", "[json_io]") {
  const Document doc = parse_document(R"({"id":7,"text":"x","title":"T","tags":[1,2],"meta":{"src":"w"}})", "f");
  CHECK(doc.id == "7");
  CHECK(doc.meta_string("title") == "T");
  CHECK(doc.meta_string("src") == "w");
  CHECK_FALSE(doc.meta_string("tags").has_value());
  CHECK(doc.present_layers().empty());
}

TEST_CASE("unreadable documents say why", "[json_io]") {
  CHECK_THROWS_WITH(parse_document("{", "f"), Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(parse_document("[1]", "f"), Catch::Contains("JSON object"));
  CHECK_THROWS_WITH(parse_document(R"({"id":"a"})", "f"), Catch::Contains("no \"text\""));
  CHECK_THROWS_WITH(parse_document(R"({"text":5})", "f"), Catch::Contains("\"text\" must be a string"));
  CHECK_THROWS_WITH(parse_document(R"({"text":"ab","sentences":[{"begin":0,"end":9}]})", "f"),
                    Catch::Contains("past the end"));
  CHECK(parse_document(R"({"text":"ab"})", "file.jsonl:3").id == "file.jsonl:3");
  const std::string deep = R"({"text":"x","m":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK_THROWS_WITH(parse_document(deep, "f"), Catch::Contains("nested deeper than 512 levels"));
  const std::string ok = R"({"text":"x","m":)" + std::string(100, '[') + std::string(100, ']') + "}";
  CHECK(parse_document(ok, "f").meta.size() == 1);
}

TEST_CASE("NUL bytes, BOMs and every line end survive as text", "[json_io]") {
  const Document doc = parse_document(R"({"text":"a\u0000b\r\nc\rd\ufeffe"})", "f");
  CHECK(doc.text == std::string("a\0b\r\nc\rd\xEF\xBB\xBF" "e", 12));
  std::string line;
  write_document(doc, {}, line);
  line.pop_back();
  CHECK(parse_document(line, "f").text == doc.text);
  // A BOM opening a file is skipped. A raw NUL byte is not JSON (it must be
  // written \u0000), and is refused wherever it stands.
  CHECK(parse_document("\xEF\xBB\xBF{\"text\":\"x\"}", "f").text == "x");
  CHECK_THROWS_WITH(parse_document(std::string("{\"text\":\"a\0b\"}", 14), "f"), Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(parse_document(std::string("{\"text\":\"a\"}\0junk", 17), "f"), Catch::Contains("not valid JSON"));
}

TEST_CASE("invalid UTF-8 is replaced by U+FFFD, one per maximal invalid subpart", "[json_io]") {
  const std::string fffd = "\xEF\xBF\xBD";
  std::string s = "a\xC3(b";  // truncated 2-byte sequence
  CHECK(repair_utf8(s) == 1);
  CHECK(s == "a" + fffd + "(b");
  s = "\xE2\x82";  // truncated 3-byte sequence at the end
  CHECK(repair_utf8(s) == 1);
  CHECK(s == fffd);
  s = "\xED\xA0\x80";  // a surrogate: three invalid bytes
  CHECK(repair_utf8(s) == 3);
  s = "\xC0\xAF";  // overlong
  CHECK(repair_utf8(s) == 2);
  s = "caf\xC3\xA9 \xF0\x9F\x98\x80";  // valid
  CHECK(repair_utf8(s) == 0);
  CHECK(s == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

namespace {

// The line written for `line` with and without the literal parse_document found.
std::pair<std::string, std::string> written_both_ways(const std::string& line, std::string_view& literal) {
  const Document doc = parse_document(line, "fallback", &literal);
  std::string copied;
  std::string escaped;
  write_document(doc, {}, copied, literal);
  write_document(doc, {}, escaped);
  return {copied, escaped};
}

}  // namespace

TEST_CASE("a text spelled as the writer spells it is copied, byte for byte the same", "[json_io]") {
  for (const std::string text : {R"(plain)", R"(\"quoted\" and \\ back\/slash)", R"(tab\tline\nfeed\r\b\f)",
                                 R"(bell \u0007 and \u001F)", "caf\xC3\xA9", ""}) {
    CAPTURE(text);
    const std::string line = R"({"meta":{"t":"x"}, "text" : ")" + text + R"(", "id":"a"})";
    std::string_view literal;
    const auto [copied, escaped] = written_both_ways(line, literal);
    CHECK(copied == escaped);
    if (text.find("\\/") == std::string::npos) {
      CHECK(literal == "\"" + text + "\"");
      CHECK(literal.data() == line.data() + line.find(" : \"") + 3);  // a view into the line
    } else {
      CHECK(literal.empty());  // the writer does not escape '/'
    }
  }
}

TEST_CASE("a text spelled otherwise is escaped again", "[json_io]") {
  for (const std::string text : {R"(caf\u00e9)", R"(\u001f lower case)", R"(\u000A long form)", R"(x\/y)",
                                 "bad \xC3 byte", R"(\uD83D\uDE00)"}) {
    CAPTURE(text);
    std::string_view literal;
    const auto [copied, escaped] = written_both_ways(R"({"id":"a","text":")" + text + "\"}", literal);
    CHECK(literal.empty());
    CHECK(copied == escaped);
  }
  std::string_view literal = "stale";
  CHECK_THROWS_AS(parse_document(R"({"text": 5})", "f", &literal), DocumentError);
  CHECK(literal.empty());
}

TEST_CASE("numbers in meta read back as the same numbers, long ones too", "[json_io]") {
  const std::string zeros(430, '0');
  const std::string line = R"({"text":"x","meta":{"tiny":0.)" + zeros + R"(4,"long":1.)" + zeros +
                           R"(1,"i":-12,"u":18446744073709551615,"huge":123456789012345678901234567890,)"
                           R"("d":1.5e-3,"third":0.3333333333333333,"neg":-0.0}})";
  const Document doc = parse_document(line, "f");
  std::string out;
  write_document(doc, {}, out);
  CHECK_THAT(out, Catch::Contains(R"("tiny":0.0,"long":1.0,"i":-12,"u":18446744073709551615,)"
                                  R"("huge":1.2345678901234568e29,"d":0.0015,"third":0.3333333333333333,"neg":-0.0)"));
  std::string again;
  write_document(parse_document(out.substr(0, out.size() - 1), "f"), {}, again);
  CHECK(again == out);
  // Offsets written as long numbers still read as integers or fail clearly.
  CHECK_THROWS_WITH(parse_document(R"({"text":"x","n":1)" + zeros + "}", "f"), Catch::Contains("too big"));
  CHECK_THROWS_WITH(parse_document(R"({"text":"x","n":1e400})", "f"), Catch::Contains("too big"));
}

TEST_CASE("a span list whose entries carry non-scalar fields stays in meta as it came", "[json_io]") {
  const Document doc = parse_document(
      R"({"text":"Hello Paris.","entities":[{"begin":0,"end":5,"label":{"type":"PER"}}],)"
      R"("marks":[{"begin":6,"end":11,"kind":"city","n":2,"ok":true}]})",
      "f");
  CHECK_FALSE(doc.has_layer("entities"));
  REQUIRE(doc.meta.size() == 1);
  CHECK(doc.meta[0].first == "entities");
  CHECK(doc.meta[0].second == R"([{"begin":0,"end":5,"label":{"type":"PER"}}])");
  REQUIRE(doc.has_layer("marks"));
}

TEST_CASE("the id of a line that is no document is found for the error report", "[json_io]") {
  CHECK(id_of(R"({"id":"c","title":"no text"})") == "c");
  CHECK(id_of(R"({"id":42,"text":7})") == "42");
  CHECK(id_of(R"({"text":7})") == std::nullopt);
  CHECK(id_of(R"({not json)") == std::nullopt);
  CHECK(id_of(R"(["id","x"])") == std::nullopt);
}
