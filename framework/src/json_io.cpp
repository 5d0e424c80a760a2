#include <docpipe/framework/json_io.hpp>

#include <docpipe/sdk/error.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>
#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace docpipe {
namespace {

using Json = rapidjson::Value;
using JsonDocument = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>,
                                                rapidjson::MemoryPoolAllocator<>>;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid
// (overlongs, surrogates and code points past U+10FFFF are invalid).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

// Bytes of the maximal invalid subpart starting at s[i] (at least 1).
std::size_t invalid_subpart_length(std::string_view s, std::size_t i) {
  std::size_t n = 1;
  while (i + n < s.size() && n < 4) {
    const auto b = static_cast<unsigned char>(s[i + n]);
    if (b < 0x80 || b > 0xBF) break;
    // Continue only while the prefix could still start a valid sequence.
    std::string probe(s.substr(i, n + 1));
    probe.append(4, '\x80');
    if (valid_sequence_length(probe, 0) == 0) break;
    ++n;
  }
  return n;
}

// Writing a value back (RapidJSON's Accept) recurses once per level, so
// hostile nesting is refused before that; parsing itself is iterative.
constexpr std::size_t kMaxNesting = 512;

// Per-thread parse and write buffers above this size are freed after use,
// so one huge document does not keep its memory for the rest of the run.
constexpr std::size_t kKeptBuffer = std::size_t{4} << 20;

[[noreturn]] void bad(const std::string& what) { throw DocumentError(what); }

// Where a JSON number (syntax already checked) lies in decimal orders of
// magnitude: > 0 when it is at least 1 in size, <= 0 when below 1.
long decimal_order(std::string_view number) {
  if (number.starts_with('-')) number.remove_prefix(1);
  const std::size_t e = number.find_first_of("eE");
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = number.substr(e + 1);
    const bool negative = digits.starts_with('-');
    if (digits.starts_with('-') || digits.starts_with('+')) digits.remove_prefix(1);
    // Saturate: an exponent this large settles the question anyway.
    for (const char c : digits) exponent = std::min(exponent * 10 + (c - '0'), 1L << 40);
    if (negative) exponent = -exponent;
    number = number.substr(0, e);
  }
  const std::size_t point = number.find('.');
  const std::string_view whole = number.substr(0, point);
  const std::size_t first = whole.find_first_not_of('0');
  if (first != std::string_view::npos) return static_cast<long>(whole.size() - first) + exponent;
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : number.substr(point + 1);
  const std::size_t nonzero = fraction.find_first_not_of('0');
  if (nonzero == std::string_view::npos) return std::numeric_limits<long>::min() / 2;  // zero
  return exponent - static_cast<long>(nonzero);
}

// Makes `value` the number `text` spells (JSON syntax, checked by the parser):
// an integer when it has no fraction or exponent and fits 64 bits, else the
// nearest double (std::from_chars: exact and correctly rounded).
void set_number(Json& value, std::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  if (text.find_first_of(".eE") == std::string_view::npos) {
    if (text.starts_with('-')) {
      std::int64_t i = 0;
      if (const auto r = std::from_chars(begin, end, i); r.ec == std::errc() && r.ptr == end) {
        value.SetInt64(i);
        return;
      }
    } else {
      std::uint64_t u = 0;
      if (const auto r = std::from_chars(begin, end, u); r.ec == std::errc() && r.ptr == end) {
        value.SetUint64(u);
        return;
      }
    }
  }
  double d = 0.0;
  const auto r = std::from_chars(begin, end, d);
  if (r.ec == std::errc::result_out_of_range) {
    if (decimal_order(text) > 0) {
      bad(fmt::format("number too big for a double: {}{}", text.substr(0, 40), text.size() > 40 ? "..." : ""));
    }
    d = text.starts_with('-') ? -0.0 : 0.0;  // below the smallest double: zero, as JSON parsers do
  } else if (r.ec != std::errc() || r.ptr != end) {
    bad(fmt::format("not a number: {}", text.substr(0, 40)));
  }
  value.SetDouble(d);
}

// Walks the parsed tree once, iteratively: refuses nesting deeper than
// kMaxNesting, and turns numbers back into numbers. They are parsed as their
// source text (kParseNumbersAsStringsFlag) because RapidJSON 1.1.0's own
// full-precision conversion reads out of bounds on some long numbers (found
// by fuzzing; fixed upstream after 1.1.0). In situ, a string's text starts
// right after its opening quote in `line`, a number's does not: that tells
// them apart.
void finish_tree(Json& root, std::string_view line, const char* base) {
  std::vector<std::pair<Json*, std::size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [value, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxNesting) bad(fmt::format("JSON nested deeper than {} levels", kMaxNesting));
    if (value->IsArray()) {
      for (auto& item : value->GetArray()) stack.emplace_back(&item, depth + 1);
    } else if (value->IsObject()) {
      for (auto& member : value->GetObject()) stack.emplace_back(&member.value, depth + 1);
    } else if (value->IsString()) {
      const auto at = static_cast<std::size_t>(value->GetString() - base);
      if (at == 0 || at > line.size() || line[at - 1] != '"') {
        set_number(*value, std::string_view(value->GetString(), value->GetStringLength()));
      }
    }
  }
}

std::string json_text(const Json& value) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string as_string(const Json& v) { return {v.GetString(), v.GetStringLength()}; }


Offset offset_field(const Json& obj, const char* key, std::string_view layer, std::size_t text_size) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsUint64()) {
    bad(fmt::format("layer '{}': '{}' must be a non-negative integer", layer, key));
  }
  const auto v = it->value.GetUint64();
  if (v > text_size) bad(fmt::format("layer '{}': {} {} is past the end of the text ({} bytes)", layer, key, v, text_size));
  return static_cast<Offset>(v);
}

std::optional<std::pair<Offset, Offset>> optional_span(const Json& obj, const char* b, const char* e,
                                                       std::string_view layer, std::size_t n) {
  if (!obj.HasMember(b) || obj[b].IsNull()) return std::nullopt;
  return std::pair{offset_field(obj, b, layer, n), offset_field(obj, e, layer, n)};
}

double number_field(const Json& obj, const char* key, double fallback) {
  auto it = obj.FindMember(key);
  return (it != obj.MemberEnd() && it->value.IsNumber()) ? it->value.GetDouble() : fallback;
}

std::string string_field(const Json& obj, const char* key) {
  auto it = obj.FindMember(key);
  return (it != obj.MemberEnd() && it->value.IsString()) ? as_string(it->value) : std::string();
}

// An array of objects with integer `begin` and `end` is a layer; for a
// custom layer every other field must also be a scalar (an annotation's
// attributes are), or the field is left in meta as it came.
bool is_span_array(const Json& v, bool core) {
  if (!v.IsArray() || v.Empty()) return false;
  return std::all_of(v.Begin(), v.End(), [core](const Json& e) {
    if (!e.IsObject() || !e.HasMember("begin") || !e.HasMember("end") || !e["begin"].IsInt64() || !e["end"].IsInt64()) {
      return false;
    }
    return core || std::all_of(e.MemberBegin(), e.MemberEnd(), [](const auto& m) {
      return m.value.IsString() || m.value.IsNumber() || m.value.IsBool();
    });
  });
}

void read_layer(Document& doc, std::string_view name, const Json& array) {
  const std::size_t n = doc.text.size();
  for (const auto& e : array.GetArray()) {
    const Offset b = offset_field(e, "begin", name, n);
    const Offset en = offset_field(e, "end", name, n);
    if (en < b) bad(fmt::format("layer '{}': end {} before begin {}", name, en, b));
    if (name == "paragraphs") {
      doc.paragraphs.push_back({b, en});
    } else if (name == "sentences") {
      doc.sentences.push_back({b, en});
    } else if (name == "tokens") {
      const auto kind = token_kind_from_string(string_field(e, "kind"));
      doc.tokens.push_back({b, en, kind.value_or(TokenKind::other)});
    } else if (name == "quotes") {
      Quote q;
      q.begin = b;
      q.end = en;
      q.speaker_span = optional_span(e, "speaker_begin", "speaker_end", name, n);
      q.cue_span = optional_span(e, "cue_begin", "cue_end", name, n);
      if (e.HasMember("speaker") && e["speaker"].IsString()) q.speaker = as_string(e["speaker"]);
      q.kind = quote_kind_from_string(string_field(e, "kind")).value_or(QuoteKind::direct);
      q.confidence = number_field(e, "confidence", 1.0);
      doc.quotes.push_back(std::move(q));
    } else if (name == "places") {
      Place p;
      p.begin = b;
      p.end = en;
      p.name = string_field(e, "name");
      p.lat = number_field(e, "lat", 0.0);
      p.lon = number_field(e, "lon", 0.0);
      if (e.HasMember("geonameid") && e["geonameid"].IsInt64()) p.geonameid = e["geonameid"].GetInt64();
      p.country = string_field(e, "country");
      p.feature = string_field(e, "feature");
      p.confidence = number_field(e, "confidence", 1.0);
      doc.places.push_back(std::move(p));
    } else if (name == "summary") {
      doc.summary.push_back({b, en, number_field(e, "score", 0.0)});
    } else {
      Annotation a{b, en, {}};
      for (const auto& m : e.GetObject()) {
        const std::string key(m.name.GetString(), m.name.GetStringLength());
        if (key == "begin" || key == "end") continue;
        if (m.value.IsString()) a.attributes[key] = as_string(m.value);
        else if (m.value.IsBool()) a.attributes[key] = m.value.GetBool();
        else if (m.value.IsInt64()) a.attributes[key] = m.value.GetInt64();
        else if (m.value.IsNumber()) a.attributes[key] = m.value.GetDouble();
        else bad(fmt::format("layer '{}': attribute '{}' must be a string, integer, number or boolean", name, key));
      }
      doc.layer(name).push_back(std::move(a));
    }
  }
  doc.mark_present(name);
}

void write_span_pair(Writer& w, const char* b, const char* e, const std::optional<std::pair<Offset, Offset>>& span) {
  if (!span) return;
  w.Key(b);
  w.Uint(span->first);
  w.Key(e);
  w.Uint(span->second);
}

void write_number(Writer& w, double v) {
  if (std::isfinite(v)) w.Double(v);
  else w.Null();  // JSON has no NaN or infinity
}

void write_string(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_core_layer(Writer& w, const Document& doc, std::string_view name) {
  w.StartArray();
  auto span = [&](Offset b, Offset e) {
    w.Key("begin");
    w.Uint(b);
    w.Key("end");
    w.Uint(e);
  };
  if (name == "paragraphs") {
    for (const auto& p : doc.paragraphs) { w.StartObject(); span(p.begin, p.end); w.EndObject(); }
  } else if (name == "sentences") {
    for (const auto& s : doc.sentences) { w.StartObject(); span(s.begin, s.end); w.EndObject(); }
  } else if (name == "tokens") {
    for (const auto& t : doc.tokens) {
      w.StartObject();
      span(t.begin, t.end);
      w.Key("kind");
      write_string(w, to_string(t.kind));
      w.EndObject();
    }
  } else if (name == "quotes") {
    for (const auto& q : doc.quotes) {
      w.StartObject();
      span(q.begin, q.end);
      write_span_pair(w, "speaker_begin", "speaker_end", q.speaker_span);
      if (q.speaker) { w.Key("speaker"); write_string(w, *q.speaker); }
      write_span_pair(w, "cue_begin", "cue_end", q.cue_span);
      w.Key("kind");
      write_string(w, to_string(q.kind));
      w.Key("confidence");
      write_number(w, q.confidence);
      w.EndObject();
    }
  } else if (name == "places") {
    for (const auto& p : doc.places) {
      w.StartObject();
      span(p.begin, p.end);
      w.Key("name"); write_string(w, p.name);
      w.Key("lat"); write_number(w, p.lat);
      w.Key("lon"); write_number(w, p.lon);
      if (p.geonameid) { w.Key("geonameid"); w.Int64(*p.geonameid); }
      w.Key("country"); write_string(w, p.country);
      w.Key("feature"); write_string(w, p.feature);
      w.Key("confidence"); write_number(w, p.confidence);
      w.EndObject();
    }
  } else if (name == "summary") {
    for (const auto& s : doc.summary) {
      w.StartObject();
      span(s.begin, s.end);
      w.Key("score");
      write_number(w, s.score);
      w.EndObject();
    }
  }
  w.EndArray();
}

void write_custom_layer(Writer& w, const std::vector<Annotation>& layer) {
  w.StartArray();
  for (const auto& a : layer) {
    w.StartObject();
    w.Key("begin");
    w.Uint(a.begin);
    w.Key("end");
    w.Uint(a.end);
    for (const auto& [key, value] : a.attributes) {
      write_string(w, key);
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) write_string(w, v);
            else if constexpr (std::is_same_v<T, std::int64_t>) w.Int64(v);
            else if constexpr (std::is_same_v<T, double>) write_number(w, v);
            else w.Bool(v);
          },
          value);
    }
    w.EndObject();
  }
  w.EndArray();
}

// The first '"' or '\\' in [p, end), or end. SSE2 compares 16 bytes at a
// time (loads stay inside the range); news text has an escape every line or
// so, too often for memchr's start-up cost.
const char* find_quote_or_backslash(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; end - p >= 16; p += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  while (p < end && *p != '"' && *p != '\\') ++p;
  return p;
}

// The JSON string literal opening at line[open] (a parsed string's opening
// quote), if every escape in it is spelled as RapidJSON's Writer spells it:
// \" \\ \b \f \n \r \t, and \u00XX (upper-case hex) for other control
// characters. Otherwise empty.
std::string_view canonical_literal(std::string_view line, std::size_t open) {
  const char* const end = line.data() + line.size();
  const char* p = line.data() + open + 1;
  for (;;) {
    p = find_quote_or_backslash(p, end);
    if (p == end) return {};  // cannot happen for a parsed string
    if (*p == '"') break;
    if (end - p < 2) return {};
    const char c = p[1];
    if (c == 'u') {
      if (end - p < 6) return {};
      const std::string_view hex(p + 2, 4);
      const bool upper_hex = std::all_of(hex.begin(), hex.end(), [](char h) {
        return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F');
      });
      const bool short_form = hex == "0008" || hex == "0009" || hex == "000A" || hex == "000C" || hex == "000D";
      if (!upper_hex || !hex.starts_with("00") || hex[2] > '1' || short_form) return {};
      p += 6;
    } else {
      if (std::string_view("\"\\bfnrt").find(c) == std::string_view::npos) return {};
      p += 2;
    }
  }
  return line.substr(open, static_cast<std::size_t>(p - line.data()) + 1 - open);
}

}  // namespace

std::size_t repair_utf8(std::string& text) {
  // Fast path: nearly all text is valid, and simdjson checks it with SIMD.
  if (simdjson::validate_utf8(text.data(), text.size())) return 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = valid_sequence_length(text, i);
    if (len == 0) break;
    i += len;
  }
  if (i == text.size()) return 0;
  std::string out(text, 0, i);
  std::size_t repairs = 0;
  while (i < text.size()) {
    const std::size_t len = valid_sequence_length(text, i);
    if (len > 0) {
      out.append(text, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      i += invalid_subpart_length(text, i);
      ++repairs;
    }
  }
  text = std::move(out);
  return repairs;
}

Document parse_document(std::string_view line, const std::string& fallback_id, std::string_view* text_literal) {
  if (text_literal != nullptr) *text_literal = {};
  // The parse's allocations come from per-thread buffers first: a document
  // of ordinary size then costs no malloc for its JSON tree.
  alignas(16) thread_local char value_buffer[32 * 1024];
  alignas(16) thread_local char stack_buffer[4 * 1024];
  rapidjson::MemoryPoolAllocator<> values(value_buffer, sizeof value_buffer);
  rapidjson::MemoryPoolAllocator<> stack(stack_buffer, sizeof stack_buffer);
  JsonDocument json(&values, sizeof stack_buffer, &stack);
  // kParseStopWhenDoneFlag is not used: trailing garbage after the object is an error.
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a BOM opening a file
  // A raw NUL byte is not JSON (it is written \u0000); refusing it here also
  // lets the parse below take a NUL-terminated copy, in situ, which is where
  // RapidJSON scans strings with SIMD (its length-delimited stream reads
  // byte by byte).
  if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
    bad(fmt::format("not valid JSON: a raw NUL byte at byte {} (write it as \\u0000)",
                    static_cast<const char*>(nul) - line.data()));
  }
  // A per-thread copy to parse in situ, which keeps its capacity between
  // documents (an oversized one's is given back below).
  thread_local std::string buffer;
  buffer.assign(line);
  struct Trim { ~Trim() { if (buffer.capacity() > kKeptBuffer) std::string().swap(buffer); } } trim;
  // Numbers are read as their text and converted exactly by finish_tree (a
  // number in meta must read back as the same number).
  json.ParseInsitu<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(buffer.data());
  if (json.HasParseError()) {
    bad(fmt::format("not valid JSON: {} at byte {}", rapidjson::GetParseError_En(json.GetParseError()),
                    json.GetErrorOffset()));
  }
  if (!json.IsObject()) bad("a document must be a JSON object with \"text\"");
  finish_tree(json, line, buffer.data());
  Document doc;
  auto text = json.FindMember("text");
  if (text == json.MemberEnd()) {
    bad(json.HasMember("id") && json.MemberCount() > 1
            ? "no \"text\" field (an output written with --no-text has none: read the input it came from)"
            : "no \"text\" field");
  }
  if (!text->value.IsString()) bad("\"text\" must be a string");
  doc.text = as_string(text->value);
  const std::size_t repairs = repair_utf8(doc.text);
  if (text_literal != nullptr && repairs == 0) {
    // In situ, a string is decoded where it stood: its first byte is where
    // the literal's content began in `line`.
    const auto at = static_cast<std::size_t>(text->value.GetString() - buffer.data());
    if (at >= 1 && at <= line.size() && line[at - 1] == '"') *text_literal = canonical_literal(line, at - 1);
  }
  if (doc.text.size() > std::numeric_limits<Offset>::max()) bad("text longer than 4 GiB");

  auto id = json.FindMember("id");
  if (id == json.MemberEnd() || id->value.IsNull()) doc.id = fallback_id;
  else if (id->value.IsString()) doc.id = as_string(id->value);
  else if (id->value.IsNumber()) doc.id = json_text(id->value);
  else bad("\"id\" must be a string or a number");
  repair_utf8(doc.id);

  for (const auto& m : json.GetObject()) {
    std::string key(m.name.GetString(), m.name.GetStringLength());
    if (key == "id" || key == "text") continue;
    if (key == "meta" && m.value.IsObject()) {
      for (const auto& mm : m.value.GetObject()) {
        doc.meta.emplace_back(as_string(mm.name), json_text(mm.value));
        repair_utf8(doc.meta.back().second);
      }
    } else if (is_span_array(m.value, is_core_layer(key)) || (is_core_layer(key) && m.value.IsArray() && m.value.Empty())) {
      read_layer(doc, key, m.value);
    } else {
      doc.meta.emplace_back(std::move(key), json_text(m.value));
      repair_utf8(doc.meta.back().second);
    }
  }
  if (repairs > 0) doc.meta.emplace_back("_utf8_repairs", std::to_string(repairs));
  return doc;
}

std::optional<std::string> id_of(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  JsonDocument json;
  json.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(line.data(), line.size());
  if (json.HasParseError() || !json.IsObject()) return std::nullopt;
  const auto id = json.FindMember("id");
  if (id == json.MemberEnd() || !id->value.IsString()) return std::nullopt;  // numbers are strings here too
  std::string s = as_string(id->value);
  repair_utf8(s);
  return s;
}

void write_document(const Document& doc, const WriteOptions& options, std::string& out,
                    std::string_view text_literal) {
  // A per-thread buffer that keeps its capacity between documents (an
  // oversized one's is given back below).
  thread_local rapidjson::StringBuffer buffer;
  buffer.Clear();
  struct Trim {
    ~Trim() {
      if (buffer.GetSize() <= kKeptBuffer) return;
      buffer.Clear();
      buffer.ShrinkToFit();
    }
  } trim;
  Writer w(buffer);
  w.StartObject();
  w.Key("id");
  write_string(w, doc.id);
  // With a literal, the text is written as "" and the literal goes in its place.
  std::size_t literal_at = SIZE_MAX;
  if (options.include_text) {
    w.Key("text");
    if (text_literal.empty()) {
      write_string(w, doc.text);
    } else {
      w.String("", 0);
      literal_at = buffer.GetSize() - 2;
    }
  }
  if (!doc.meta.empty()) {
    w.Key("meta");
    w.StartObject();
    for (const auto& [key, raw] : doc.meta) {
      write_string(w, key);
      w.RawValue(raw.data(), raw.size(), rapidjson::kObjectType);
    }
    w.EndObject();
  }
  const auto wanted = [&](std::string_view name) {
    if (!doc.has_layer(name)) return false;
    return options.layers ? options.layers->contains(name) : name != "tokens";
  };
  for (std::string_view name : kCoreLayers) {
    if (!wanted(name)) continue;
    write_string(w, name);
    write_core_layer(w, doc, name);
  }
  for (const auto& [name, layer] : doc.custom_layers()) {
    if (!wanted(name)) continue;
    write_string(w, name);
    write_custom_layer(w, layer);
  }
  w.EndObject();
  const std::string_view written(buffer.GetString(), buffer.GetSize());
  if (literal_at == SIZE_MAX) {
    out.append(written);
  } else {
    out.reserve(out.size() + written.size() + text_literal.size() + 1);
    out.append(written.substr(0, literal_at));
    out.append(text_literal);
    out.append(written.substr(literal_at + 2));
  }
  out.push_back('\n');
}

}  // namespace docpipe
