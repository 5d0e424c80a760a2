#include <docpipe/view/report.hpp>

#include <docpipe/framework/json_io.hpp>

#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace {

std::vector<docpipe::Document> sample_documents() {
  std::ifstream in(DOCPIPE_VIEW_TEST_DATA "/sample.jsonl", std::ios::binary);
  REQUIRE(in);
  std::vector<docpipe::Document> docs;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) docs.push_back(docpipe::parse_document(line, "line"));
  }
  REQUIRE(docs.size() == 3);
  return docs;
}

std::string sample_html(const std::string& title = "sample.jsonl") {
  docpipe::view::Report report(title);
  for (const auto& doc : sample_documents()) report.add(doc);
  return report.html();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The JSON inside <script type="application/json" id="ID">, parsed.
rapidjson::Document embedded(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  const auto begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  const auto from = begin + open.size();
  const auto end = html.find("</script>", from);
  REQUIRE(end != std::string::npos);
  rapidjson::Document json;
  json.Parse(html.substr(from, end - from).c_str());
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

std::string str(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

}  // namespace

TEST_CASE("the report is one page with the stylesheet, script, map and data inlined", "[view]") {
  const std::string html = sample_html();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("<path id=\"dp-land\" d=\"M") != std::string::npos);
  CHECK(html.find("id=\"dp-app\"") != std::string::npos);
  CHECK(html.find("function worldMap") != std::string::npos);
  // One index, one block per document, and the viewer script: nothing else
  // may open a script element.
  CHECK(count(html, "<script") == 5);
  CHECK(count(html, "</script>") == 5);
  CHECK(html.find("id=\"dp-doc-2\"") != std::string::npos);
  // Nothing is fetched: no external sources or links.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("a document's layers are embedded with UTF-16 offsets", "[view]") {
  const std::string html = sample_html();
  const auto summit = embedded(html, "dp-doc-0");
  CHECK(str(summit["id"]) == "example-summit");
  CHECK(str(summit["title"]) == "Harbour Deal Stalls as Ministers Trade Blame");
  const auto& quotes = summit["quotes"];
  REQUIRE(quotes.Size() == 9);
  CHECK(str(quotes[0]["s"]) == "Helena Marques");
  CHECK(str(quotes[2]["k"]) == "indirect");
  const std::string text = str(summit["text"]);  // ASCII: offsets are bytes too
  CHECK(text.substr(quotes[0]["cb"].GetUint(), quotes[0]["ce"].GetUint() - quotes[0]["cb"].GetUint()) == "told");
  CHECK_FALSE(quotes[8].HasMember("s"));  // "A spokesman ..." stays unresolved
  const auto& places = summit["places"];
  REQUIRE(places.Size() == 14);
  CHECK(str(places[0]["n"]) == "Lisbon");
  CHECK(str(places[0]["cc"]) == "PT");
  CHECK(places[0]["lat"].GetDouble() == Approx(38.71667));
  CHECK(places[0]["g"].GetInt64() == 2267057);
  CHECK(summit["summary"].Size() == 3);
  CHECK(summit["sentences"].Size() % 2 == 0);
  CHECK(summit["tokens"].Size() == 2 * summit["token_kinds"].GetStringLength());
  const auto& entities = summit["custom"]["entities"];
  REQUIRE(entities.Size() == 5);
  CHECK(str(entities[0]["a"]["type"]) == "PERSON");
  CHECK(entities[0]["a"]["linked"].GetBool());

  // Before "São Tomé": "Café owners in " is 16 bytes but 15 UTF-16 units;
  // the emoji takes a surrogate pair.
  const auto hostile = embedded(html, "dp-doc-1");
  CHECK(hostile["places"][0]["b"].GetUint() == 15);
  CHECK(hostile["places"][0]["e"].GetUint() == 23);
  const auto& markup = hostile["custom"]["markup"];
  CHECK(markup[1]["b"].GetUint() == 24);
  CHECK(markup[1]["e"].GetUint() == 26);
  CHECK(markup[1]["a"]["astral"].GetBool());

  const auto plain = embedded(html, "dp-doc-2");
  CHECK(plain["layers"].Size() == 0);
  CHECK(plain["custom"].ObjectEmpty());
}

TEST_CASE("the index counts quotes, speakers and places per document and over all", "[view]") {
  const auto index = embedded(sample_html(), "dp-index");
  const auto& docs = index["docs"];
  REQUIRE(docs.Size() == 3);
  CHECK(str(docs[0]["id"]) == "example-summit");
  CHECK(docs[0]["q"].GetUint() == 9);
  CHECK(docs[0]["sp"].GetUint() == 2);  // the spokesman is not resolved
  CHECK(docs[0]["pl"].GetUint() == 14);
  CHECK(docs[0]["su"].GetUint() == 3);
  CHECK(str(docs[2]["snip"]) == "Nothing was found in this short note.");  // no title: the first line
  // Speakers and places of a row, by position in the corpus lists.
  REQUIRE(docs[0]["ts"].Size() == 2);
  CHECK(docs[0]["ts"][0].GetUint() + docs[0]["ts"][1].GetUint() == 1);  // Helena Marques 0, Youssef Benali 1
  REQUIRE(docs[1]["ts"].Size() == 1);
  CHECK(docs[1]["ts"][0].GetUint() == 2);
  CHECK(docs[0]["tp"].Size() == 11);
  CHECK(docs[1]["tp"].Size() == 2);
  CHECK(docs[2]["tp"].Size() == 0);
  CHECK(str(index["places"][docs[1]["tp"][0].GetUint()][0]).rfind("S", 0) == 0);  // São Tomé

  CHECK(index["speaker_count"].GetUint() == 3);
  const auto& top = index["speakers"][0];
  CHECK(str(top[0]) == "Helena Marques");
  CHECK(top[1].GetUint() == 5);
  CHECK(top[2].GetUint() == 1);
  // Places are merged by name and point: Lisbon, Portugal and Agadir twice.
  CHECK(index["place_count"].GetUint() == 13);
  CHECK(index["places"][0][4].GetUint() == 2);
}

TEST_CASE("markup, quotes and ampersands in documents stay text", "[view]") {
  const std::string html = sample_html("a <b>report</b> & \"co\"");
  // The report title, the only text written as markup, is escaped.
  CHECK(html.find("<title>a &lt;b&gt;report&lt;/b&gt; &amp; &quot;co&quot; - docpipe view</title>") !=
        std::string::npos);
  CHECK(html.find("<b>report") == std::string::npos);
  // Nothing from the documents can open or close an element ...
  CHECK(html.find("alert") != std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("</script><script>alert") == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK(html.find("<i>show") == std::string::npos);
  CHECK(html.find("<!-- not") == std::string::npos);
  CHECK(html.find("\xE2\x80\xA8") == std::string::npos);
  // ... and the data still reads back as the exact text.
  const auto hostile = embedded(html, "dp-doc-1");
  const auto docs = sample_documents();
  CHECK(str(hostile["text"]) == docs[1].text);
  CHECK(str(hostile["id"]) == "hostile-<b>&\"id\"");
  CHECK(str(hostile["quotes"][0]["s"]) == "Café <owners> & \"co\"");
  CHECK(str(hostile["meta"]["note"]) == "</script><script>alert(1)</script>");
}

TEST_CASE("records that could not be read are listed on the index", "[view]") {
  docpipe::view::Report report("r");
  report.add(docpipe::Document{"a", "Text."});
  report.add_error("in.jsonl:2: not JSON <here>");
  const auto index = embedded(report.html(), "dp-index");
  CHECK(index["errors"].GetUint() == 1);
  CHECK(str(index["error_list"][0]) == "in.jsonl:2: not JSON <here>");
  CHECK(report.size() == 1);
}

TEST_CASE("a long text without spaces and many annotations is embedded whole", "[view]") {
  // 2 MB of "é" (2 bytes, 1 UTF-16 unit each) and a token every 8 bytes.
  std::string text;
  for (int i = 0; i < (1 << 20); ++i) text += "\xC3\xA9";
  docpipe::Document doc{"long", text};
  for (docpipe::Offset b = 0; b + 8 <= text.size(); b += 8) doc.tokens.push_back({b, b + 8, docpipe::TokenKind::word});
  doc.mark_present("tokens");
  doc.quotes.push_back({0, static_cast<docpipe::Offset>(text.size()), std::nullopt, "Nobody", std::nullopt,
                        docpipe::QuoteKind::direct, 1.0});
  doc.mark_present("quotes");
  docpipe::view::Report report("long");
  report.add(doc);
  const auto json = embedded(report.html(), "dp-doc-0");
  CHECK(json["text"].GetStringLength() == text.size());
  const auto& tokens = json["tokens"];
  REQUIRE(tokens.Size() == 2 * doc.tokens.size());
  CHECK(tokens[tokens.Size() - 1].GetUint() == (1U << 20));  // UTF-16 units, not bytes
  CHECK(json["quotes"][0]["e"].GetUint() == (1U << 20));
}
