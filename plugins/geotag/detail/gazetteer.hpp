#pragma once
// The gazetteer: places with their names, loaded once per stage from the
// TSV files of data/ (plain or gzip) and shared read-only by all threads.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace docpipe::geotag::detail {

/// One place of the gazetteer.
struct Entry {
  std::string name;     ///< canonical name
  std::string feature;  ///< GeoNames feature code (PPL, ADM1, PCLI, CONT, RGN, ...)
  std::string country;  ///< ISO 3166-1 alpha-2, empty for continents
  std::string admin1;   ///< first-level region code within the country, may be empty
  double lat = 0;
  double lon = 0;
  std::int64_t population = 0;
  std::int64_t geonameid = 0;  ///< 0 when unknown
};

/// How a name refers to its entry.
enum class NameKind : std::uint8_t {
  name,          ///< the place's name or another name of it
  demonym,       ///< "Russian" for Russia
  abbreviation,  ///< "Kan.": a place only after "Town, "
};

/// One entry a name may mean.
struct NameRef {
  std::uint32_t entry = 0;
  NameKind kind = NameKind::name;
  float bonus = 0;  ///< added to the entry's prior for this name
};

/// True for feature codes of countries and dependent territories.
[[nodiscard]] bool is_country_feature(std::string_view feature);
/// True for continents and named regions (CONT, RGN).
[[nodiscard]] bool is_region_feature(std::string_view feature);
/// True for populated places (PPL, PPLC, PPLA, ...).
[[nodiscard]] bool is_city_feature(std::string_view feature);

/// Hash that lets string containers be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// Places by normalized name.
///
///   Gazetteer g;
///   g.load_file("data/gazetteer.tsv.gz");
///   if (const auto* refs = g.find(normalized("Moscow"))) { ... }
class Gazetteer {
 public:
  /// Adds the entries of a gazetteer file (format: see docs/plugins/geotag.md);
  /// throws docpipe::ConfigError naming the file and line when it is unreadable
  /// or malformed.
  void load_file(const std::filesystem::path& path);
  /// Adds entries from TSV text; `origin` names the source in errors.
  void load_text(std::string_view text, std::string_view origin);
  /// Adds one entry with its names (the canonical name is added as a name).
  void add(Entry entry, const std::vector<std::string>& names);

  /// The entries a normalized name may mean, or nullptr.
  [[nodiscard]] const std::vector<NameRef>* find(std::string_view key) const;
  /// The longest name, in units, of names whose first unit is `first_unit`
  /// (normalized); 0 when no name starts with it.
  [[nodiscard]] std::uint32_t max_units(std::string_view first_unit) const;

  [[nodiscard]] const Entry& entry(std::uint32_t index) const { return entries_[index]; }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  void add_name(std::uint32_t entry, std::string_view name);
  void add_key(NameRef ref, std::string key);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<NameRef>, StringHash, std::equal_to<>> names_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> first_units_;
};


/// Word lists the recogniser reads context with (data/words.tsv).
struct Words {
  WordSet first;  ///< first names
  WordSet common;  ///< normalized
  WordSet title;
  WordSet after_ok;
  WordSet org;
  WordSet prep;
  WordSet prefix;
  WordSet never;

  /// Adds the words of a words.tsv file; throws docpipe::ConfigError.
  void load_file(const std::filesystem::path& path);
  /// Adds words from TSV text ("category\tword" lines).
  void load_text(std::string_view text);
};

/// The contents of a file, gunzipped when it ends in ".gz"; throws
/// docpipe::ConfigError when it cannot be read.
[[nodiscard]] std::string read_data_file(const std::filesystem::path& path);

}  // namespace docpipe::geotag::detail
