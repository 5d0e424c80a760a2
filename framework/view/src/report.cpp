#include <docpipe/view/report.hpp>

#include "detail/assets.hpp"
#include "detail/escape.hpp"
#include "detail/utf16_offsets.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace docpipe::view {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr std::size_t kTopSpeakers = 40;
constexpr std::size_t kMaxCorpusPlaces = 5000;
constexpr std::size_t kMaxListedErrors = 200;
constexpr std::size_t kSnippetBytes = 120;

void put(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void put_number(Writer& w, double v) {
  if (std::isfinite(v))
    w.Double(v);
  else
    w.Null();
}

// The first non-blank line of `text`, cut at a character boundary: what the
// index shows for a document without a title.
std::string snippet(std::string_view text) {
  std::size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = text.find('\n', b);
  if (e == std::string_view::npos) e = text.size();
  if (e - b > kSnippetBytes) {
    e = b + kSnippetBytes;
    while (e > b && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
  }
  return std::string(text.substr(b, e - b));
}

char token_kind_code(TokenKind kind) {
  switch (kind) {
    case TokenKind::word:
      return 'w';
    case TokenKind::number:
      return 'n';
    case TokenKind::punct:
      return 'p';
    case TokenKind::symbol:
      return 's';
    case TokenKind::url:
      return 'u';
    case TokenKind::email:
      return 'e';
    case TokenKind::emoji:
      return 'j';
    case TokenKind::other:
      return 'o';
  }
  return 'o';
}

template <typename Spans>
void put_flat_spans(Writer& w, const Spans& spans, const detail::Utf16Offsets& u16) {
  w.StartArray();
  for (const auto& s : spans) {
    w.Uint(u16(s.begin));
    w.Uint(u16(s.end));
  }
  w.EndArray();
}

std::string place_key(const Place& p) {
  return fmt::format("{}|{:.2f}|{:.2f}", p.name, p.lat, p.lon);
}

}  // namespace

Report::Report(std::string title) : title_(std::move(title)) {}

void Report::add(const Document& doc) {
  const detail::Utf16Offsets u16(doc.text);
  const auto title = doc.meta_string("title").value_or(doc.meta_string("headline").value_or(""));

  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("id");
  put(w, doc.id);
  w.Key("title");
  put(w, title);
  w.Key("text");
  put(w, doc.text);
  w.Key("meta");
  w.StartObject();
  for (const auto& [key, raw] : doc.meta) {
    put(w, key);
    w.RawValue(raw.data(), raw.size(), rapidjson::kObjectType);
  }
  w.EndObject();
  w.Key("layers");
  w.StartArray();
  for (const auto& name : doc.present_layers()) put(w, name);
  w.EndArray();

  if (doc.has_layer("sentences")) {
    w.Key("sentences");
    put_flat_spans(w, doc.sentences, u16);
  }
  if (doc.has_layer("paragraphs")) {
    w.Key("paragraphs");
    put_flat_spans(w, doc.paragraphs, u16);
  }
  if (doc.has_layer("tokens")) {
    w.Key("tokens");
    put_flat_spans(w, doc.tokens, u16);
    std::string kinds;
    kinds.reserve(doc.tokens.size());
    for (const auto& t : doc.tokens) kinds += token_kind_code(t.kind);
    w.Key("token_kinds");
    put(w, kinds);
  }
  std::set<std::string, std::less<>> doc_speakers;
  if (doc.has_layer("quotes")) {
    w.Key("quotes");
    w.StartArray();
    for (const auto& q : doc.quotes) {
      w.StartObject();
      w.Key("b");
      w.Uint(u16(q.begin));
      w.Key("e");
      w.Uint(u16(q.end));
      if (q.speaker_span) {
        w.Key("sb");
        w.Uint(u16(q.speaker_span->first));
        w.Key("se");
        w.Uint(u16(q.speaker_span->second));
      }
      if (q.speaker) {
        w.Key("s");
        put(w, *q.speaker);
        auto& stats = speakers_[*q.speaker];
        ++stats.quotes;
        if (doc_speakers.insert(*q.speaker).second) ++stats.documents;
      }
      if (q.cue_span) {
        w.Key("cb");
        w.Uint(u16(q.cue_span->first));
        w.Key("ce");
        w.Uint(u16(q.cue_span->second));
      }
      w.Key("k");
      put(w, to_string(q.kind));
      w.Key("c");
      put_number(w, q.confidence);
      w.EndObject();
    }
    w.EndArray();
  }
  std::set<std::string, std::less<>> doc_places;
  if (doc.has_layer("places")) {
    w.Key("places");
    w.StartArray();
    for (const auto& p : doc.places) {
      w.StartObject();
      w.Key("b");
      w.Uint(u16(p.begin));
      w.Key("e");
      w.Uint(u16(p.end));
      w.Key("n");
      put(w, p.name);
      w.Key("lat");
      put_number(w, p.lat);
      w.Key("lon");
      put_number(w, p.lon);
      if (p.geonameid) {
        w.Key("g");
        w.Int64(*p.geonameid);
      }
      w.Key("cc");
      put(w, p.country);
      w.Key("f");
      put(w, p.feature);
      w.Key("c");
      put_number(w, p.confidence);
      w.EndObject();
      if (std::isfinite(p.lat) && std::isfinite(p.lon)) {
        auto key = place_key(p);
        auto& stats = places_[key];
        if (stats.mentions == 0) stats = {p.name, p.country, p.lat, p.lon, 0, 0};
        ++stats.mentions;
        if (doc_places.insert(key).second) ++stats.documents;
      }
    }
    w.EndArray();
  }
  if (doc.has_layer("summary")) {
    w.Key("summary");
    w.StartArray();
    for (const auto& s : doc.summary) {
      w.StartObject();
      w.Key("b");
      w.Uint(u16(s.begin));
      w.Key("e");
      w.Uint(u16(s.end));
      w.Key("score");
      put_number(w, s.score);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("custom");
  w.StartObject();
  for (const auto& [name, layer] : doc.custom_layers()) {
    if (!doc.has_layer(name)) continue;
    put(w, name);
    w.StartArray();
    for (const auto& a : layer) {
      w.StartObject();
      w.Key("b");
      w.Uint(u16(a.begin));
      w.Key("e");
      w.Uint(u16(a.end));
      w.Key("a");
      w.StartObject();
      for (const auto& [key, value] : a.attributes) {
        put(w, key);
        std::visit(
            [&](const auto& v) {
              using T = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<T, std::string>)
                put(w, v);
              else if constexpr (std::is_same_v<T, std::int64_t>)
                w.Int64(v);
              else if constexpr (std::is_same_v<T, double>)
                put_number(w, v);
              else
                w.Bool(v);
            },
            value);
      }
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
  docs_.emplace_back(buffer.GetString(), buffer.GetSize());

  Entry entry;
  entry.id = doc.id;
  entry.title = title;
  if (title.empty()) entry.snippet = snippet(doc.text);
  entry.quotes = doc.quotes.size();
  entry.places = doc.places.size();
  entry.summary = doc.summary.size();
  entry.speaker_names.assign(doc_speakers.begin(), doc_speakers.end());
  entry.place_keys.assign(doc_places.begin(), doc_places.end());
  entries_.push_back(std::move(entry));
}

void Report::add_error(const std::string& message) {
  ++error_count_;
  if (errors_.size() < kMaxListedErrors) errors_.push_back(message);
}

void Report::write(std::ostream& out) const {
  // The index: rows, corpus totals, top speakers and aggregated places.
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("title");
  put(w, title_);
  w.Key("errors");
  w.Uint64(error_count_);
  w.Key("error_list");
  w.StartArray();
  for (const auto& e : errors_) put(w, e);
  w.EndArray();

  std::vector<std::pair<std::string_view, const SpeakerStats*>> speakers;
  speakers.reserve(speakers_.size());
  for (const auto& [name, stats] : speakers_) speakers.emplace_back(name, &stats);
  std::stable_sort(speakers.begin(), speakers.end(),
                   [](const auto& a, const auto& b) { return a.second->quotes > b.second->quotes; });
  w.Key("speaker_count");
  w.Uint64(speakers.size());
  w.Key("speakers");
  w.StartArray();
  std::map<std::string_view, std::size_t, std::less<>> speaker_index;  // top speakers only
  for (std::size_t i = 0; i < speakers.size() && i < kTopSpeakers; ++i) {
    speaker_index.emplace(speakers[i].first, i);
    w.StartArray();
    put(w, speakers[i].first);
    w.Uint64(speakers[i].second->quotes);
    w.Uint64(speakers[i].second->documents);
    w.EndArray();
  }
  w.EndArray();

  std::vector<std::pair<std::string_view, const PlaceStats*>> places;
  places.reserve(places_.size());
  for (const auto& [key, stats] : places_) places.emplace_back(key, &stats);
  std::stable_sort(places.begin(), places.end(),
                   [](const auto& a, const auto& b) { return a.second->mentions > b.second->mentions; });
  std::map<std::string_view, std::size_t, std::less<>> place_index;  // places drawn only
  w.Key("place_count");
  w.Uint64(places.size());
  w.Key("places");
  w.StartArray();
  for (std::size_t i = 0; i < places.size() && i < kMaxCorpusPlaces; ++i) {
    const PlaceStats& p = *places[i].second;
    place_index.emplace(places[i].first, i);
    w.StartArray();
    put(w, p.name);
    put(w, p.country);
    put_number(w, p.lat);
    put_number(w, p.lon);
    w.Uint64(p.mentions);
    w.Uint64(p.documents);
    w.EndArray();
  }
  w.EndArray();

  // Rows name their speakers and places by position in the lists above, so
  // the index can filter by a speaker or a place without repeating names.
  auto put_positions = [&w](const char* key, const std::vector<std::string>& names, const auto& positions) {
    w.Key(key);
    w.StartArray();
    for (const auto& name : names) {
      if (auto it = positions.find(name); it != positions.end()) w.Uint64(it->second);
    }
    w.EndArray();
  };
  w.Key("docs");
  w.StartArray();
  for (const auto& e : entries_) {
    w.StartObject();
    w.Key("id");
    put(w, e.id);
    w.Key("title");
    put(w, e.title);
    if (!e.snippet.empty()) {
      w.Key("snip");
      put(w, e.snippet);
    }
    w.Key("q");
    w.Uint64(e.quotes);
    w.Key("sp");
    w.Uint64(e.speaker_names.size());
    w.Key("pl");
    w.Uint64(e.places);
    w.Key("su");
    w.Uint64(e.summary);
    put_positions("ts", e.speaker_names, speaker_index);
    put_positions("tp", e.place_keys, place_index);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  std::string page;
  page.reserve(detail::kViewerCss.size() + detail::kViewerJs.size() + detail::kLandPath.size() + buffer.GetSize() +
               4096);
  page +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Everything is inline; the policy makes sure opening the page never
      // fetches anything, even if a document's text tried to.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"generator\" content=\"docpipe view\">\n<title>";
  page += detail::escape_html(title_);
  page += " - docpipe view</title>\n<style>\n";
  page += detail::kViewerCss;
  page +=
      "</style>\n</head>\n<body>\n<svg class=\"dp-defs\" aria-hidden=\"true\" width=\"0\" height=\"0\">"
      "<defs><path id=\"dp-land\" d=\"";
  page += detail::kLandPath.substr(0, detail::kLandPath.find_last_not_of("\r\n") + 1);
  page +=
      "\"/></defs></svg>\n<header id=\"dp-top\"><a class=\"dp-brand\" href=\"#\">docpipe view</a> <span "
      "id=\"dp-source\">";
  page += detail::escape_html(title_);
  page +=
      "</span></header>\n<main id=\"dp-app\"><noscript>This report is drawn by a script; allow JavaScript to see it."
      "</noscript></main>\n<div id=\"dp-tip\" role=\"tooltip\" hidden></div>\n"
      "<script type=\"application/json\" id=\"dp-index\">";
  detail::append_script_safe_json({buffer.GetString(), buffer.GetSize()}, page);
  page += "</script>\n";
  out << page;
  for (std::size_t i = 0; i < docs_.size(); ++i) {
    page.clear();
    page += fmt::format("<script type=\"application/json\" id=\"dp-doc-{}\">", i);
    detail::append_script_safe_json(docs_[i], page);
    page += "</script>\n";
    out << page;
  }
  out << "<script>\n" << detail::kViewerJs << "</script>\n</body>\n</html>\n";
}

std::string Report::html() const {
  std::ostringstream out;
  write(out);
  return out.str();
}

}  // namespace docpipe::view
