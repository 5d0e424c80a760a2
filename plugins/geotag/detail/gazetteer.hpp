#pragma once
// The gazetteer: places with their names, loaded once per stage from the
// TSV files of data/ (plain, gzip or zstd) and shared read-only by all
// threads; and the word lists the recogniser reads context with.

#include "detail/text.hpp"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::geotag::detail {

/// What a feature code means to the tagger, decided once at load time so
/// the hot path compares bytes, not strings.
enum class Kind : std::uint8_t {
  country,    ///< PCLI, PCLD, ... TERR
  continent,  ///< CONT
  region,     ///< RGN, AREA: news regions
  adm1,
  adm2,
  capital,    ///< PPLC
  seat,       ///< PPLA: seat of a first-level region
  seat2,      ///< PPLA2
  city,       ///< other populated places
  minor,      ///< PPLX, PPLH, PPLQ: sections, historical and abandoned places
  other,      ///< anything else a user's gazetteer holds (BLDG, MT, ...)
};

/// The kind of a GeoNames feature code.
[[nodiscard]] Kind kind_of_feature(std::string_view feature);
/// True for populated places and second-level regions: names that are local.
[[nodiscard]] inline bool is_local(Kind k) { return (k >= Kind::capital && k <= Kind::minor) || k == Kind::adm2; }
/// True for countries, continents and regions: names that resolve at their level.
[[nodiscard]] inline bool is_level(Kind k) { return k <= Kind::region; }

/// One place of the gazetteer. The views point into text the gazetteer owns.
struct Entry {
  std::string_view name;     ///< canonical name
  std::string_view feature;  ///< GeoNames feature code (PPL, ADM1, PCLI, CONT, RGN, ...)
  std::string_view country;  ///< ISO 3166-1 alpha-2, empty for continents
  std::string_view admin1;   ///< first-level region code within the country, may be empty
  double lat = 0;
  double lon = 0;
  std::int64_t population = 0;
  std::int64_t geonameid = 0;  ///< 0 when unknown
  Kind kind = Kind::city;
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


/// A read-only hash index from string keys to runs of values, built in one
/// go: one allocation for the table and one for the values, so that loading
/// 200,000 names takes milliseconds rather than a node per name.
template <typename Value>
class FlatIndex {
 public:
  struct Item {
    std::string_view key;
    Value value;
  };
  /// Replaces the index by `items` (the keys must outlive the index).
  void build(std::vector<Item> items);
  /// The values of `key`, empty when none.
  [[nodiscard]] std::span<const Value> find(std::string_view key) const;

 private:
  struct Slot {
    std::string_view key;
    std::uint32_t hash = 0;  ///< low bits of the key's hash: most misses end here
    std::uint32_t begin = 0;
    std::uint32_t end = 0;  ///< 0: empty slot
  };
  std::vector<Value> values_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  // Two bits per key in a bitmap that stays in cache: most capitalised words
  // are no name, and the bitmap says so without touching the table.
  std::vector<std::uint64_t> filter_;
  std::size_t filter_mask_ = 0;
};

/// Places by normalized name.
///
///   Gazetteer g;
///   g.load_file("data/gazetteer.tsv.gz");
///   for (const NameRef& r : g.find(normalized("Moscow"))) { ... }
class Gazetteer {
 public:
  /// Adds the entries of a gazetteer file (format: see docs/plugins/geotag.md);
  /// throws docpipe::ConfigError naming the file and line when it is unreadable
  /// or malformed.
  void load_file(const std::filesystem::path& path);
  /// Adds entries from TSV text; `origin` names the source in errors.
  void load_text(std::string text, std::string_view origin);

  /// The entries a normalized name may mean (empty when none).
  [[nodiscard]] std::span<const NameRef> find(std::string_view key) const { return names_.find(key); }
  /// True when `key` (normalized, ending at a word's end) is the beginning
  /// of a longer name: "new" of "new york", "st" of "st. louis".
  [[nodiscard]] bool is_prefix(std::string_view key) const { return !prefixes_.find(key).empty(); }

  [[nodiscard]] const Entry& entry(std::uint32_t index) const { return entries_[index]; }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  struct PendingName {
    std::size_t key_begin;
    std::uint32_t key_size;
    NameRef ref;
    bool prefix;  ///< only the beginning of a name
  };
  void add_name(std::uint32_t entry, std::string_view name);
  void add_key(NameRef ref, std::string_view key);
  void rebuild();

  std::deque<std::string> texts_;  ///< the files' text, which entries point into
  std::vector<Entry> entries_;
  std::string keys_;               ///< normalized names, back to back
  std::vector<PendingName> pending_;
  std::vector<Unit> scratch_;
  FlatIndex<NameRef> names_;
  FlatIndex<std::uint8_t> prefixes_;
};

/// A set of words, built once and then only searched.
class WordSet {
 public:
  /// Adds `word`; call build() before searching.
  void insert(std::string word) { store_.push_back(std::move(word)); }
  /// Makes the words inserted so far searchable.
  void build();
  /// True when `word` is in the set.
  [[nodiscard]] bool contains(std::string_view word) const { return !index_.find(word).empty(); }

 private:
  std::deque<std::string> store_;  ///< stable addresses for the index's keys
  FlatIndex<std::uint8_t> index_;
};

/// Word lists the recogniser reads context with (data/words.tsv).
struct Words {
  WordSet first;  ///< first names
  WordSet lower;  ///< lower-case English words
  WordSet title;
  WordSet after_ok;
  WordSet org;
  WordSet prep;
  WordSet prefix;
  WordSet never;
  WordSet function;  ///< "the", "from": a capitalised one before a name is no part of it
  WordSet institution;  ///< "Police", "Council": after a town, the town's institution
  WordSet municipal;  ///< "police", "mayor" (normalized): after a town, its local government
  WordSet local;  ///< "woman", "school" (normalized): after a country's name, a town's
  WordSet person_verb;  ///< "says", "admitted": a lone name before one is a person
  WordSet feature;  ///< "Avenue", "Valley": after a place, a street's or a feature's name
  WordSet person_before;  ///< "brother", "de": a name after one is a person

  /// Adds the words of a words.tsv file; throws docpipe::ConfigError.
  void load_file(const std::filesystem::path& path);
  /// Adds words from TSV text ("category\tword" lines).
  void load_text(std::string_view text);
};

/// The contents of a file, gunzipped when it ends in ".gz"; throws
/// docpipe::ConfigError when it cannot be read.
[[nodiscard]] std::string read_data_file(const std::filesystem::path& path);

}  // namespace docpipe::geotag::detail
