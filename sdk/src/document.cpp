#include <docpipe/sdk/document.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace docpipe {
namespace {

constexpr std::array<std::string_view, 8> kTokenKinds = {"word", "number", "punct", "symbol",
                                                         "url",  "email",  "emoji", "other"};
constexpr std::array<std::string_view, 3> kQuoteKinds = {"direct", "mixed", "indirect"};

template <typename Enum, std::size_t N>
std::optional<Enum> enum_from(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(TokenKind kind) { return kTokenKinds.at(static_cast<std::size_t>(kind)); }
std::optional<TokenKind> token_kind_from_string(std::string_view name) {
  return enum_from<TokenKind>(kTokenKinds, name);
}
std::string_view to_string(QuoteKind kind) { return kQuoteKinds.at(static_cast<std::size_t>(kind)); }
std::optional<QuoteKind> quote_kind_from_string(std::string_view name) {
  return enum_from<QuoteKind>(kQuoteKinds, name);
}

bool is_core_layer(std::string_view name) {
  return std::find(std::begin(kCoreLayers), std::end(kCoreLayers), name) != std::end(kCoreLayers);
}

std::optional<std::string> Document::meta_string(std::string_view key) const {
  for (const auto& [k, raw] : meta) {
    if (k != key) continue;
    rapidjson::Document value;
    value.Parse(raw.data(), raw.size());
    if (value.HasParseError() || !value.IsString()) return std::nullopt;
    return std::string(value.GetString(), value.GetStringLength());
  }
  return std::nullopt;
}

std::vector<Annotation>& Document::layer(std::string_view name) {
  if (is_core_layer(name)) {
    throw std::invalid_argument("layer '" + std::string(name) + "' is a core layer; use its typed member");
  }
  mark_present(name);
  auto it = custom_.find(name);
  if (it == custom_.end()) it = custom_.emplace(std::string(name), std::vector<Annotation>{}).first;
  return it->second;
}

const std::vector<Annotation>* Document::find_layer(std::string_view name) const {
  auto it = custom_.find(name);
  return it == custom_.end() ? nullptr : &it->second;
}

void Document::mark_present(std::string_view name) {
  if (!present_.contains(name)) present_.emplace(name);
  if (!is_core_layer(name) && !custom_.contains(name)) custom_.emplace(std::string(name), std::vector<Annotation>{});
}

bool Document::has_layer(std::string_view name) const { return present_.contains(name); }

std::string_view Document::slice(Offset begin, Offset end) const {
  const std::size_t b = std::min<std::size_t>(begin, text.size());
  const std::size_t e = std::clamp<std::size_t>(end, b, text.size());
  return std::string_view(text).substr(b, e - b);
}

}  // namespace docpipe
