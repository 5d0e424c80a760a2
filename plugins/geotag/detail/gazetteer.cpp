#include "detail/gazetteer.hpp"

#include "detail/text.hpp"

#include <docpipe/sdk/error.hpp>

#include <zlib.h>

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

std::uint32_t count_units(std::string_view key, std::string& first) {
  std::vector<Unit> units;
  split_units(key, 0, static_cast<std::uint32_t>(key.size()), false, units);
  if (units.empty()) return 0;
  first.assign(key.substr(units[0].begin, units[0].end - units[0].begin));
  return static_cast<std::uint32_t>(units.size());
}

}  // namespace

bool is_country_feature(std::string_view f) { return f.starts_with("PCL") || f == "TERR"; }
bool is_region_feature(std::string_view f) { return f == "CONT" || f == "RGN" || f == "AREA"; }
bool is_city_feature(std::string_view f) { return f.starts_with("PPL") || f == "STLMT"; }

std::string read_data_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (path.extension() == ".gz") {
    const std::unique_ptr<std::remove_pointer_t<gzFile>, int (*)(gzFile)> file(gzopen(name.c_str(), "rb"), gzclose);
    if (!file) throw ConfigError("geotag: cannot open " + name);
    gzbuffer(file.get(), 1 << 17);
    std::string out;
    char buffer[1 << 16];
    for (;;) {
      const int n = gzread(file.get(), buffer, sizeof buffer);
      if (n < 0) throw ConfigError("geotag: cannot read " + name + ": corrupt gzip data");
      if (n == 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("geotag: cannot open " + name);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void Gazetteer::load_file(const std::filesystem::path& path) {
  const std::string text = read_data_file(path);
  load_text(text, path.string());
}

void Gazetteer::load_text(std::string_view text, std::string_view origin) {
  std::size_t line_no = 0;
  std::vector<std::string> names;
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
    e.feature = f[1].empty() ? "PPL" : std::string(f[1]);
    e.country = f[2];
    e.admin1 = f[3];
    names.clear();
    if (n > 8) {
      std::string_view rest = f[8];
      while (!rest.empty()) {
        const auto bar = rest.find('|');
        if (bar != 0) names.emplace_back(rest.substr(0, bar));
        rest.remove_prefix(bar == std::string_view::npos ? rest.size() : bar + 1);
      }
    }
    add(std::move(e), names);
  }
}

void Gazetteer::add(Entry entry, const std::vector<std::string>& names) {
  const auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(std::move(entry));
  add_name(index, entries_.back().name);
  for (const auto& n : names) add_name(index, n);
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
  std::string key = normalized(name);
  if (key.empty()) return;
  // News abbreviates what GeoNames spells out, and the other way round.
  static constexpr std::pair<std::string_view, std::string_view> kVariants[] = {
      {"saint ", "st. "}, {"st. ", "saint "}, {"mount ", "mt. "}, {"fort ", "ft. "}};
  for (const auto& [from, to] : kVariants) {
    if (key.starts_with(from)) add_key(ref, std::string(to) + key.substr(from.size()));
  }
  add_key(ref, std::move(key));
}

void Gazetteer::add_key(NameRef ref, std::string key) {
  std::string first;
  const auto units = count_units(key, first);
  if (units == 0) return;
  auto& refs = names_[key];
  for (const auto& r : refs) {
    if (r.entry == ref.entry) return;  // the same entry under the same name twice
  }
  refs.push_back(ref);
  auto& max = first_units_[first];
  if (units > max) max = units;
}

const std::vector<NameRef>* Gazetteer::find(std::string_view key) const {
  const auto it = names_.find(key);
  return it == names_.end() ? nullptr : &it->second;
}

std::uint32_t Gazetteer::max_units(std::string_view first_unit) const {
  const auto it = first_units_.find(first_unit);
  return it == first_units_.end() ? 0 : it->second;
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
    } else if (category == "common") {
      common.insert(normalized(word));
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
    } else if (category == "never") {
      never.insert(normalized(word));
    }
  }
}

}  // namespace docpipe::geotag::detail
