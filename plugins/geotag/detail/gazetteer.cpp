#include "detail/gazetteer.hpp"

#include "detail/text.hpp"

#include <docpipe/sdk/error.hpp>

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace docpipe::geotag::detail {
namespace {

// Splits `line` at tabs into at most `max` fields.
std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t n = 0;
  while (n < max) {
    const auto tab = line.find('\t');
    fields[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return n;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  if (s.empty()) {
    out = T{};
    return true;
  }
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size();
}

}  // namespace

Kind kind_of_feature(std::string_view f) {
  if (f.starts_with("PCL") || f == "TERR") return Kind::country;
  if (f == "CONT") return Kind::continent;
  if (f == "RGN" || f == "AREA") return Kind::region;
  if (f == "ADM1") return Kind::adm1;
  if (f == "ADM2") return Kind::adm2;
  if (f == "PPLC") return Kind::capital;
  if (f == "PPLA") return Kind::seat;
  if (f == "PPLA2") return Kind::seat2;
  if (f == "PPLX" || f == "PPLH" || f == "PPLQ" || f == "PPLW") return Kind::minor;
  if (f.starts_with("PPL") || f == "STLMT") return Kind::city;
  return Kind::other;
}

std::string read_data_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("geotag: cannot open " + name);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string raw = std::move(ss).str();
  if (path.extension() == ".zst") {
    const auto size = ZSTD_getFrameContentSize(raw.data(), raw.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (std::size_t{1} << 32)) {
      throw ConfigError("geotag: cannot read " + name + ": not zstd data with its size (compress with `zstd FILE`)");
    }
    std::string out(size, '\0');
    const auto n = ZSTD_decompress(out.data(), out.size(), raw.data(), raw.size());
    if (ZSTD_isError(n) || n != size) throw ConfigError("geotag: cannot read " + name + ": corrupt zstd data");
    return out;
  }
  if (path.extension() != ".gz") return raw;
  // One inflate call into a buffer sized from the gzip trailer: several
  // times faster than gzread's chunked copies.
  if (raw.size() < 18) throw ConfigError("geotag: cannot read " + name + ": not gzip data");
  const auto* tail = reinterpret_cast<const unsigned char*>(raw.data() + raw.size() - 4);
  const std::size_t size = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (static_cast<std::size_t>(tail[3]) << 24);
  std::string out(size, '\0');
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw ConfigError("geotag: zlib failed on " + name);
  z.next_in = reinterpret_cast<Bytef*>(raw.data());
  z.avail_in = static_cast<uInt>(raw.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  const auto produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != size) {
    throw ConfigError("geotag: cannot read " + name + ": corrupt gzip data");
  }
  return out;
}

void Gazetteer::load_file(const std::filesystem::path& path) { load_text(read_data_file(path), path.string()); }

void Gazetteer::load_text(std::string owned, std::string_view origin) {
  std::string_view text = texts_.emplace_back(std::move(owned));
  std::size_t line_no = 0;
  entries_.reserve(entries_.size() + text.size() / 48);
  pending_.reserve(pending_.size() + text.size() / 32);
  keys_.reserve(keys_.size() + text.size() / 3);
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string_view f[9];
    const auto n = split_tabs(line, f, 9);
    Entry e;
    if (n < 6 || f[0].empty() || !parse_number(f[4], e.lat) || !parse_number(f[5], e.lon) ||
        (n > 6 && !parse_number(f[6], e.population)) || (n > 7 && !parse_number(f[7], e.geonameid)) ||
        e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180) {
      throw ConfigError(std::string(origin) + ":" + std::to_string(line_no) +
                        ": expected name, feature, country, admin1, lat, lon[, population, geonameid, "
                        "names] separated by tabs");
    }
    e.name = f[0];
    e.feature = f[1].empty() ? std::string_view("PPL") : f[1];
    e.country = f[2];
    e.admin1 = f[3];
    e.kind = kind_of_feature(e.feature);
    const auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(e);
    add_name(index, e.name);
    if (n > 8) {
      std::string_view rest = f[8];
      while (!rest.empty()) {
        const auto bar = rest.find('|');
        if (bar != 0) add_name(index, rest.substr(0, bar));
        rest.remove_prefix(bar == std::string_view::npos ? rest.size() : bar + 1);
      }
    }
  }
  rebuild();
}

void Gazetteer::add_name(std::uint32_t entry, std::string_view name) {
  NameRef ref{entry, NameKind::name, 0};
  if (name.starts_with('~')) {
    ref.kind = NameKind::demonym;
    name.remove_prefix(1);
  } else if (name.starts_with('^')) {
    ref.kind = NameKind::abbreviation;
    name.remove_prefix(1);
  }
  if (const auto at = name.rfind('@'); at != std::string_view::npos) {
    float bonus = 0;
    if (parse_number(name.substr(at + 1), bonus)) {
      ref.bonus = bonus;
      name = name.substr(0, at);
    }
  }
  std::string key;
  append_normalized(name, key);
  // News abbreviates what GeoNames spells out, and the other way round.
  static constexpr std::pair<std::string_view, std::string_view> kVariants[] = {
      {"saint ", "st. "}, {"st. ", "saint "}, {"mount ", "mt. "}, {"fort ", "ft. "}};
  for (const auto& [from, to] : kVariants) {
    if (key.starts_with(from)) add_key(ref, std::string(to).append(std::string_view(key).substr(from.size())));
  }
  add_key(ref, key);
}

void Gazetteer::add_key(NameRef ref, std::string_view key) {
  if (key.empty()) return;
  auto& units = scratch_;
  units.clear();
  split_units(key, 0, static_cast<std::uint32_t>(key.size()), false, units);
  if (units.empty()) return;
  const std::size_t begin = keys_.size();
  keys_.append(key);
  pending_.push_back({begin, static_cast<std::uint32_t>(key.size()), ref, false});
  // Every beginning that ends at a word's end, so that the tagger extends a
  // match word by word only while some name still fits.
  for (std::size_t k = 0; k + 1 < units.size(); ++k) {
    std::uint32_t size = units[k].end - units[0].begin;
    pending_.push_back({begin + units[0].begin, size, ref, true});
    // The tagger's words leave a possessive out ("People's" is "People").
    if (size > 2 && key.substr(units[0].begin + size - 2, 2) == "'s") {
      pending_.push_back({begin + units[0].begin, size - 2, ref, true});
    }
  }
}

void Gazetteer::rebuild() {
  std::vector<FlatIndex<NameRef>::Item> names;
  std::vector<FlatIndex<std::uint8_t>::Item> prefixes;
  names.reserve(pending_.size());
  prefixes.reserve(pending_.size() / 4);
  for (const auto& p : pending_) {
    const std::string_view key(keys_.data() + p.key_begin, p.key_size);
    if (p.prefix) {
      prefixes.push_back({key, 1});
    } else {
      names.push_back({key, p.ref});
    }
  }
  names_.build(std::move(names));
  prefixes_.build(std::move(prefixes));
}

template <typename Value>
void FlatIndex<Value>::build(std::vector<Item> items) {
  // Pass 1 gives each distinct key a slot and counts its values; pass 2
  // lays the values out per key, in the items' order.
  std::size_t capacity = 16;
  while (capacity < items.size() * 2) capacity <<= 1;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  std::vector<std::uint32_t> slot_of(items.size());
  std::vector<std::uint32_t> used;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t h = std::hash<std::string_view>{}(items[i].key);
    std::size_t slot = h & mask_;
    while (slots_[slot].end != 0 && slots_[slot].key != items[i].key) slot = (slot + 1) & mask_;
    if (slots_[slot].end == 0) {
      slots_[slot].key = items[i].key;
      slots_[slot].hash = static_cast<std::uint32_t>(h >> 32);
      used.push_back(static_cast<std::uint32_t>(slot));
    }
    ++slots_[slot].end;  // a count until pass 2
    slot_of[i] = static_cast<std::uint32_t>(slot);
  }
  std::size_t bits = 1 << 12;
  while (bits < used.size() * 16) bits <<= 1;
  filter_.assign(bits / 64, 0);
  filter_mask_ = bits - 1;
  for (const auto slot : used) {
    const std::size_t h = std::hash<std::string_view>{}(slots_[slot].key);
    const std::size_t b1 = (h >> 7) & filter_mask_;
    const std::size_t b2 = (h >> 29) & filter_mask_;
    filter_[b1 / 64] |= std::uint64_t{1} << (b1 % 64);
    filter_[b2 / 64] |= std::uint64_t{1} << (b2 % 64);
  }
  std::uint32_t offset = 0;
  for (const auto slot : used) {
    slots_[slot].begin = offset;
    offset += slots_[slot].end;
    slots_[slot].end = slots_[slot].begin;
  }
  values_.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) values_[slots_[slot_of[i]].end++] = items[i].value;
}

template <typename Value>
std::span<const Value> FlatIndex<Value>::find(std::string_view key) const {
  if (slots_.empty()) return {};
  const std::size_t h = std::hash<std::string_view>{}(key);
  const std::size_t b1 = (h >> 7) & filter_mask_;
  const std::size_t b2 = (h >> 29) & filter_mask_;
  if (!(filter_[b1 / 64] >> (b1 % 64) & 1) || !(filter_[b2 / 64] >> (b2 % 64) & 1)) return {};
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t slot = h & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.end == 0) return {};
    if (s.hash == tag && s.key == key) return {values_.data() + s.begin, values_.data() + s.end};
  }
}

template class FlatIndex<NameRef>;
template class FlatIndex<std::uint8_t>;

void WordSet::build() {
  std::vector<FlatIndex<std::uint8_t>::Item> items;
  items.reserve(store_.size());
  for (const auto& w : store_) items.push_back({w, 1});
  index_.build(std::move(items));
}

void Words::load_file(const std::filesystem::path& path) { load_text(read_data_file(path)); }

void Words::load_text(std::string_view text) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const auto category = line.substr(0, tab);
    const std::string word(line.substr(tab + 1));
    if (category == "first") {
      first.insert(word);
    } else if (category == "lower") {
      lower.insert(word);
    } else if (category == "title") {
      title.insert(word);
    } else if (category == "after_ok") {
      after_ok.insert(word);
    } else if (category == "org") {
      org.insert(word);
    } else if (category == "prep") {
      prep.insert(normalized(word));
    } else if (category == "prefix") {
      prefix.insert(word);
    } else if (category == "function") {
      function.insert(normalized(word));
    } else if (category == "institution") {
      institution.insert(word);
    } else if (category == "municipal") {
      municipal.insert(normalized(word));
    } else if (category == "local") {
      local.insert(normalized(word));
    } else if (category == "person_verb") {
      person_verb.insert(word);
    } else if (category == "person_before") {
      person_before.insert(word);
    } else if (category == "feature") {
      feature.insert(word);
    } else if (category == "never") {
      never.insert(normalized(word));
    }
  }
  for (WordSet* set : {&first, &lower, &title, &after_ok, &org, &prep, &prefix, &never, &function, &institution,
                       &municipal, &local, &person_verb, &person_before, &feature}) {
    set->build();
  }
}

}  // namespace docpipe::geotag::detail
