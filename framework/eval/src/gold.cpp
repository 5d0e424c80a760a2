#include <docpipe/eval/gold.hpp>

#include <docpipe/sdk/error.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fmt/format.h>

#include <fstream>

namespace docpipe::eval {
namespace {

using Json = rapidjson::Value;

[[noreturn]] void bad(const std::string& what) {
  throw DocumentError(what);
}

rapidjson::Document parse_json(std::string_view line) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError()) {
    bad(fmt::format("not JSON: {} at byte {}", rapidjson::GetParseError_En(d.GetParseError()), d.GetErrorOffset()));
  }
  if (!d.IsObject()) bad("a gold record must be a JSON object");
  return d;
}

const Json* member(const Json& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it == obj.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

std::string string_field(const Json& obj, const char* key, bool required) {
  const Json* v = member(obj, key);
  if (v == nullptr) {
    if (required) bad(fmt::format("missing '{}'", key));
    return {};
  }
  if (v->IsString()) return {v->GetString(), v->GetStringLength()};
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  bad(fmt::format("'{}' must be a string", key));
}

std::uint32_t offset(const Json& v, std::string_view what, std::size_t text_size) {
  if (!v.IsUint() || v.GetUint() > text_size) {
    bad(fmt::format("{}: offsets must be integers within the text ({} bytes)", what, text_size));
  }
  return v.GetUint();
}

Span checked(Span s, std::string_view what) {
  if (s.end < s.begin) bad(fmt::format("{}: end {} before begin {}", what, s.end, s.begin));
  return s;
}

// [[b, e], ...] or [{"begin": b, "end": e}, ...].
std::optional<std::vector<Span>> span_array(const Json& obj, const char* key, std::size_t text_size) {
  const Json* v = member(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsArray()) bad(fmt::format("'{}' must be an array of spans", key));
  std::vector<Span> out;
  out.reserve(v->Size());
  for (const auto& item : v->GetArray()) {
    if (item.IsArray() && item.Size() == 2) {
      out.push_back(checked({offset(item[0], key, text_size), offset(item[1], key, text_size)}, key));
    } else if (item.IsObject() && member(item, "begin") && member(item, "end")) {
      out.push_back(checked({offset(item["begin"], key, text_size), offset(item["end"], key, text_size)}, key));
    } else {
      bad(fmt::format("'{}' must hold [begin, end] pairs", key));
    }
  }
  return out;
}

std::optional<Span> optional_span(const Json& obj, const char* begin, const char* end, std::size_t text_size) {
  const Json* b = member(obj, begin);
  const Json* e = member(obj, end);
  if (b == nullptr || e == nullptr) return std::nullopt;
  return checked({offset(*b, begin, text_size), offset(*e, end, text_size)}, begin);
}

std::optional<double> number(const Json& obj, const char* key) {
  const Json* v = member(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsNumber()) bad(fmt::format("'{}' must be a number", key));
  return v->GetDouble();
}

bool is_string_array(const Json* v) {
  if (v == nullptr || !v->IsArray()) return false;
  for (const auto& item : v->GetArray()) {
    if (!item.IsString()) return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(GoldKind kind) {
  switch (kind) {
    case GoldKind::tokens:
      return "tokens";
    case GoldKind::sbd:
      return "sbd";
    case GoldKind::quotes:
      return "quotes";
    case GoldKind::places:
      return "places";
    case GoldKind::summary:
      return "summary";
  }
  return "?";
}

std::optional<GoldKind> gold_kind_from_string(std::string_view name) {
  for (const GoldKind k : {GoldKind::tokens, GoldKind::sbd, GoldKind::quotes, GoldKind::places, GoldKind::summary}) {
    if (to_string(k) == name) return k;
  }
  return std::nullopt;
}

GoldKind detect_gold_kind(std::string_view json_line) {
  rapidjson::Document d;
  try {
    d = parse_json(json_line);
  } catch (const DocumentError& e) {
    throw ConfigError(e.what());
  }
  if (member(d, "toponyms")) return GoldKind::places;
  if (member(d, "quotes")) return GoldKind::quotes;
  if (member(d, "summaries")) return GoldKind::summary;
  if (member(d, "spans") && is_string_array(member(d, "sentences"))) return GoldKind::sbd;
  if (member(d, "tokens") || member(d, "words") || member(d, "sentences")) return GoldKind::tokens;
  throw ConfigError(
      "cannot tell what the gold file annotates (no 'toponyms', 'quotes', 'summaries', 'spans', 'tokens' or "
      "'sentences' field); name it with --kind");
}

GoldDocument parse_gold(std::string_view json_line, GoldKind kind) {
  const rapidjson::Document d = parse_json(json_line);
  GoldDocument g;
  g.id = string_field(d, "id", true);
  g.text = string_field(d, "text", true);
  g.title = string_field(d, "title", false);
  const std::size_t n = g.text.size();
  switch (kind) {
    case GoldKind::tokens:
      g.tokens = span_array(d, "tokens", n);
      g.words = span_array(d, "words", n);
      g.sentences = span_array(d, "sentences", n);
      break;
    case GoldKind::sbd: {
      g.rule = string_field(d, "rule", false);
      const Json* s = member(d, "sentences");
      if (!is_string_array(s)) bad("'sentences' must be an array of strings");
      for (const auto& item : s->GetArray())
        g.expected_sentences.emplace_back(item.GetString(), item.GetStringLength());
      g.sentences = span_array(d, "spans", n);
      break;
    }
    case GoldKind::quotes: {
      const Json* qs = member(d, "quotes");
      if (qs == nullptr || !qs->IsArray()) bad("'quotes' must be an array");
      for (const auto& q : qs->GetArray()) {
        if (!q.IsObject()) bad("each quote must be an object");
        GoldQuote gq;
        auto span = optional_span(q, "start", "end", n);
        if (!span) span = optional_span(q, "begin", "end", n);
        if (!span) bad("a quote needs 'start' and 'end'");
        gq.span = *span;
        gq.kind = string_field(q, "kind", true);
        if (gq.kind != "direct" && gq.kind != "mixed" && gq.kind != "indirect") {
          bad(fmt::format("quote kind '{}' is not direct, mixed or indirect", gq.kind));
        }
        gq.speaker = optional_span(q, "speaker_start", "speaker_end", n);
        if (!gq.speaker) gq.speaker = optional_span(q, "speaker_begin", "speaker_end", n);
        g.quotes.push_back(std::move(gq));
      }
      break;
    }
    case GoldKind::places: {
      const Json* ts = member(d, "toponyms");
      if (ts == nullptr || !ts->IsArray()) bad("'toponyms' must be an array");
      for (const auto& t : ts->GetArray()) {
        if (!t.IsObject()) bad("each toponym must be an object");
        GoldToponym gt;
        auto span = optional_span(t, "start", "end", n);
        if (!span) span = optional_span(t, "begin", "end", n);
        if (!span) bad("a toponym needs 'start' and 'end'");
        gt.span = *span;
        const auto lat = number(t, "lat");
        const auto lon = number(t, "lon");
        if (lat && lon) gt.coordinates = std::make_pair(*lat, *lon);
        gt.type = string_field(t, "type", false);
        g.toponyms.push_back(std::move(gt));
      }
      g.source = string_field(d, "source", false);
      break;
    }
    case GoldKind::summary: {
      const Json* s = member(d, "summaries");
      if (s != nullptr && s->IsString()) {
        g.summaries.emplace_back(s->GetString(), s->GetStringLength());
      } else if (is_string_array(s)) {
        for (const auto& item : s->GetArray()) g.summaries.emplace_back(item.GetString(), item.GetStringLength());
      } else {
        bad("'summaries' must be a string or an array of strings");
      }
      break;
    }
  }
  return g;
}

GoldSet read_gold_file(const std::filesystem::path& file, std::optional<GoldKind> kind,
                       std::optional<std::size_t> limit) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot open the gold file", file.string()));
  GoldSet set;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (limit && set.documents.size() >= *limit) break;
    try {
      if (!kind) kind = detect_gold_kind(line);
      set.documents.push_back(parse_gold(line, *kind));
    } catch (const Error& e) {
      throw ConfigError(fmt::format("{}:{}: {}", file.string(), number, e.what()));
    }
  }
  if (!kind) throw ConfigError(fmt::format("{}: the gold file has no records", file.string()));
  set.kind = *kind;
  return set;
}

}  // namespace docpipe::eval
