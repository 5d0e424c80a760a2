#include "detail/geotagger.hpp"

#include "detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace docpipe::geotag::detail {
namespace {

struct WordUnit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;
  std::uint32_t line = 0;
  std::uint32_t full_end = 0;  ///< end with a possessive "'s" left out of the word, if any
  bool dot_after = false;
  bool cap = false;
  bool initial = false;  ///< first word of a sentence, line or quotation
  bool person = false;   ///< part of a person's name
};

struct Candidate {
  std::uint32_t first = 0;  ///< first unit
  std::uint32_t last = 0;   ///< last unit
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string key;
  std::vector<NameRef> refs;
  bool big = false;  ///< see big_place below; decided once per candidate
  bool accepted = false;
  bool name_part = false;  ///< rejected as the first half of a longer name
  bool dateline = false;
  bool county_list = false;  ///< a name in "X, Y and Z counties"
  bool municipal = false;    ///< before the town's own institution ("Berea police")
  bool local = false;        ///< municipal, or before "woman", "school": a country's name is a town's
  bool party_home = false;   ///< "Smith, D-Raleigh": a legislator's home, in the document's state
  bool state_word = false;   ///< before "State": "New York State" is the state
  bool level = false;      ///< one sense is a country, region or large state
  std::uint32_t firm = 0;  ///< refs from here on are towns of a level name
  int qualifier = -1;  ///< index of the candidate in "Town, Qualifier"
  double recognition = 0.9;
  // Resolution.
  int best = -1;  ///< index into refs
  double margin = 0;
};

constexpr double kPi = 3.14159265358979323846;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True when one normalized name holds the other as whole words ("city of
// richmond" and "richmond"): two forms of one name are no independent
// evidence for each other.
bool variant_of(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.empty()) return false;
  for (auto pos = a.find(b); pos != std::string_view::npos; pos = a.find(b, pos + 1)) {
    const bool left = pos == 0 || a[pos - 1] == ' ';
    const bool right = pos + b.size() == a.size() || a[pos + b.size()] == ' ';
    if (left && right) return true;
  }
  return false;
}

// Feature and population prior: what a name most likely means with no context.
// Capitals get a large lead because news names governments by their seats.
double prior(const Entry& e, const NameRef& ref) {
  const double lp = std::log10(static_cast<double>(std::max<std::int64_t>(e.population, 1)));
  double p = lp;
  switch (e.kind) {
    case Kind::country: p = 22 + 0.3 * lp; break;  // "Indian": India, not its ocean territory
    case Kind::continent: p = 22; break;
    case Kind::region: p = 18; break;
    case Kind::adm1: p = 9 + lp; break;
    case Kind::adm2: p = 7 + 0.1 * lp; break;  // population only breaks ties between counties
    case Kind::capital: p = 11 + lp; break;
    case Kind::seat: p = 2 + lp; break;
    case Kind::seat2: p = 1 + lp; break;
    case Kind::minor: p = lp - 2; break;
    case Kind::city: case Kind::other: break;
  }
  return p + ref.bonus;
}

}  // namespace

Geotagger::Geotagger(const Gazetteer& gazetteer, const Words& words, Options options)
    : gazetteer_(gazetteer), words_(words), options_(std::move(options)) {}

std::vector<NameRef> Geotagger::counties(std::string_view key) const {
  std::vector<NameRef> out;
  for (const auto& r : gazetteer_.find(key)) {
    if (gazetteer_.entry(r.entry).kind == Kind::adm2) out.push_back(r);
  }
  return out;
}

std::vector<Place> Geotagger::tag(std::string_view text, const std::vector<Sentence>& sentences,
                                  const std::vector<Token>& tokens) const {
  // --- word units ------------------------------------------------------------
  std::vector<WordUnit> units;
  units.reserve(tokens.size() + 8);
  {
    std::vector<Unit> scratch;
    std::size_t s = 0;
    std::uint32_t line = 0;
    std::uint32_t scanned = 0;  // newlines counted up to here
    for (const auto& tok : tokens) {
      if (tok.kind == TokenKind::url || tok.kind == TokenKind::email || tok.kind == TokenKind::emoji) continue;
      if (tok.begin >= tok.end || tok.end > text.size()) continue;
      if (tok.kind == TokenKind::punct || tok.kind == TokenKind::symbol) continue;
      while (s < sentences.size() && sentences[s].end <= tok.begin) ++s;
      scratch.clear();
      // Most tokens are plain ASCII words: one unit, no splitting needed.
      bool plain = true;
      for (auto p = tok.begin; p < tok.end && plain; ++p) {
        const auto c = static_cast<unsigned char>(text[p]);
        plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      }
      if (plain) {
        scratch.push_back({tok.begin, tok.end, false});
      } else {
        split_units(text, tok.begin, tok.end, true, scratch);
      }
      for (const auto& u : scratch) {
        line += static_cast<std::uint32_t>(std::count(text.begin() + scanned, text.begin() + u.begin, '\n'));
        scanned = u.begin;
        WordUnit w;
        w.begin = u.begin;
        w.end = u.end;
        w.full_end = u.end;
        if (u.end + 2 <= tok.end && text[u.end] == '\'' && (text[u.end + 1] == 's' || text[u.end + 1] == 'S')) {
          w.full_end = u.end + 2;
        } else if (u.end + 4 <= tok.end && text.substr(u.end, 3) == "\xE2\x80\x99" &&
                   (text[u.end + 3] == 's' || text[u.end + 3] == 'S')) {
          w.full_end = u.end + 4;
        }
        // The period may be a token of its own ("Kan" "."): read it from the text.
        w.dot_after = u.end < text.size() && text[u.end] == '.';
        w.sentence = static_cast<std::uint32_t>(s);
        w.line = line;
        w.cap = starts_upper(text, u.begin);
        units.push_back(w);
      }
    }
  }
  if (units.empty()) return {};

  // A word starts a sentence when nothing but quotes or dashes stand between
  // it and the sentence's or line's start.
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto& u = units[i];
    if (i == 0 || units[i - 1].sentence != u.sentence || units[i - 1].line != u.line) {
      u.initial = true;
      continue;
    }
    std::uint32_t p = u.begin;
    while (p > units[i - 1].end && is_space(text[p - 1])) --p;
    const char c = p > 0 ? text[p - 1] : '\n';
    u.initial = c == '"' || c == ':' || (c == '\x9C' && p >= 3 && text.substr(p - 3, 3) == "\xE2\x80\x9C");
  }

  // Title-case lines and sentences (headlines, bylines) cannot tell names
  // by capitals.
  std::vector<std::uint8_t> titlecase(units.size());
  {
    const auto mark = [&](auto key_of, std::size_t keys) {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> counts(keys);
      for (const auto& u : units) {
        if (u.end - u.begin < 4) continue;
        const auto c = static_cast<unsigned char>(text[u.begin]);
        if (!(std::isalpha(c) || c >= 0x80)) continue;
        auto& [words, caps] = counts[key_of(u)];
        ++words;
        caps += u.cap ? 1 : 0;
      }
      for (std::size_t i = 0; i < units.size(); ++i) {
        const auto& [words, caps] = counts[key_of(units[i])];
        if (words >= 2 && caps * 4 >= words * 3) titlecase[i] = 1;
      }
    };
    mark([](const WordUnit& u) { return u.line; }, units.back().line + 1);
    mark([](const WordUnit& u) { return u.sentence; }, units.back().sentence + 1);
  }

  const auto raw = [&](std::size_t i) { return text.substr(units[i].begin, units[i].end - units[i].begin); };
  const auto raw_dot = [&](std::size_t i) {
    return text.substr(units[i].begin, units[i].end - units[i].begin + (units[i].dot_after ? 1 : 0));
  };
  // Only spaces between two units, on one line and in one sentence.
  const auto adjacent = [&](std::size_t a, std::size_t b) {
    if (b >= units.size() || units[a].sentence != units[b].sentence || units[a].line != units[b].line) return false;
    // A possessive belongs to its word: "St. Patrick's Day" runs on.
    const std::uint32_t from = std::max(units[a].end + (units[a].dot_after ? 1U : 0U), units[a].full_end);
    for (std::uint32_t p = from; p < units[b].begin; ++p) {
      if (text[p] != ' ') return false;
    }
    return true;
  };
  const auto is_title = [&](std::size_t i) {
    return words_.title.contains(raw_dot(i)) || words_.title.contains(raw(i));
  };
  const auto is_initial_letter = [&](std::size_t i) {
    return units[i].end - units[i].begin == 1 && units[i].dot_after && units[i].cap;
  };

  // --- county lists: "Navarro, Henderson and Ellis counties" --------------------
  // Each name of such a list is a county (or a parish), whatever else it may
  // name: the items are found from "counties" backwards, and each is the
  // longest run of its capitalised words that names one ("In Becker" is
  // Becker County).
  std::vector<std::int32_t> county_end(units.size(), -1);  // at an item's first unit: its last
  std::vector<std::uint8_t> county_parish(units.size(), 0);
  {
    std::string key;
    std::vector<std::pair<std::size_t, std::size_t>> items;
    for (std::size_t k = 1; k < units.size(); ++k) {
      const auto w = raw(k);
      const bool parish = w == "parishes" || w == "Parishes";
      if (!(parish || w == "counties" || w == "Counties") || !adjacent(k - 1, k) || !units[k - 1].cap) continue;
      items.clear();
      bool joined = false;
      std::size_t j = k - 1;
      while (units[j].cap && items.size() < 32) {
        std::size_t start = j;
        while (start > 0 && j - start < 3 && units[start - 1].cap && adjacent(start - 1, start)) --start;
        items.emplace_back(start, j);
        if (start < 2 || units[start - 1].sentence != units[start].sentence) break;
        const auto before = raw(start - 1);
        if (before == "and" || before == "or") {
          joined = true;
          j = start - 2;
          continue;
        }
        const auto gap = text.substr(units[start - 1].end, units[start].begin - units[start - 1].end);
        if (!gap.starts_with(",") || gap.find_first_not_of(' ', 1) != std::string_view::npos) break;
        j = start - 1;
      }
      if (!joined || items.size() < 2) continue;
      for (const auto& [start, last] : items) {
        for (std::size_t a = start; a <= last; ++a) {
          key.clear();
          append_normalized(text.substr(units[a].begin, units[last].end - units[a].begin), key);
          key.append(parish ? " parish" : " county");
          const auto refs = gazetteer_.find(key);
          if (std::any_of(refs.begin(), refs.end(),
                          [&](const NameRef& r) { return gazetteer_.entry(r.entry).kind == Kind::adm2; })) {
            county_end[a] = static_cast<std::int32_t>(last);
            county_parish[a] = parish ? 1 : 0;
            break;
          }
        }
      }
    }
  }

  // A document that names "Gwinnett County" may call it "Gwinnett" later: the
  // short names of the counties it names, with the county's spelling ("x
  // county" or "x parish").
  std::unordered_map<std::string, std::string> county_short;
  {
    std::string key;
    for (std::size_t k = 1; k < units.size(); ++k) {
      const auto w = raw(k);
      if ((w != "County" && w != "Parish") || !adjacent(k - 1, k)) continue;
      for (std::size_t len = 1; len <= 3 && len <= k; ++len) {
        const std::size_t a = k - len;  // the name is units a .. k-1
        if (!units[a].cap || !adjacent(a, a + 1)) break;
        key.clear();
        append_normalized(text.substr(units[a].begin, units[k - 1].end - units[a].begin), key);
        std::string full = key + (w == "County" ? " county" : " parish");
        const auto refs = gazetteer_.find(full);
        if (std::any_of(refs.begin(), refs.end(),
                        [&](const NameRef& r) { return gazetteer_.entry(r.entry).kind == Kind::adm2; })) {
          county_short.try_emplace(key, std::move(full));
        }
      }
    }
  }

  // --- candidates: longest gazetteer names --------------------------------------
  std::vector<Candidate> cands;
  std::vector<int> cand_of_unit(units.size(), -1);
  {
    std::string key;
    std::string dotted;
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (county_end[i] >= 0) {
        const auto last = static_cast<std::size_t>(county_end[i]);
        Candidate c;
        c.first = static_cast<std::uint32_t>(i);
        c.last = static_cast<std::uint32_t>(last);
        c.begin = units[i].begin;
        c.end = units[last].end;
        append_normalized(text.substr(c.begin, c.end - c.begin), c.key);
        c.key.append(county_parish[i] != 0 ? " parish" : " county");
        c.refs = counties(c.key);
        c.county_list = true;
        for (std::size_t k = i; k <= last; ++k) cand_of_unit[k] = static_cast<int>(cands.size());
        cands.push_back(std::move(c));
        i = last;
        continue;
      }
      if (!units[i].cap) continue;
      // Extend word by word while the words so far begin some name; keep
      // the longest that is a name.
      key.clear();
      append_normalized(raw(i), key);
      std::span<const NameRef> found;
      std::size_t found_last = i;
      std::uint32_t found_end = 0;
      std::string found_key;
      for (std::size_t j = i;;) {
        if (units[j].cap || std::isdigit(static_cast<unsigned char>(text[units[j].begin]))) {
          std::span<const NameRef> refs;
          bool with_dot = false;
          // A name that ends in "'s" ("St. John's") before the possessive
          // rule takes it for one.
          if (units[j].full_end > units[j].end) {
            dotted.assign(key);
            append_normalized(text.substr(units[j].end, units[j].full_end - units[j].end), dotted);
            refs = gazetteer_.find(dotted);
            if (!refs.empty()) {
              found = refs;
              found_last = j;
              found_key = dotted;
              found_end = units[j].full_end;
              refs = {};
            }
          }
          if (units[j].dot_after) {
            dotted.assign(key).push_back('.');
            refs = gazetteer_.find(dotted);
            with_dot = !refs.empty();
          }
          if (refs.empty()) refs = gazetteer_.find(key);
          if (!refs.empty() && !(found_last == j && found_end > units[j].end)) {
            found = refs;
            found_last = j;
            found_key = with_dot ? dotted : key;
            found_end = units[j].end + (with_dot ? 1 : 0);
          }
        }
        if (j + 1 >= units.size() || units[j + 1].sentence != units[i].sentence || units[j + 1].line != units[i].line ||
            units[j + 1].begin - units[j].end > 3 || !gazetteer_.is_prefix(key)) {
          break;
        }
        append_normalized(text.substr(units[j].end, units[j + 1].end - units[j].end), key);
        ++j;
      }
      // The short name of a county the document names is that county
      // ("Gwinnett" after "Gwinnett County").
      std::vector<NameRef> with_county;
      if (!county_short.empty()) {
        std::string run;
        for (std::size_t k = i; k < i + 3 && k < units.size() && units[k].cap && (k == i || adjacent(k - 1, k)); ++k) {
          run.clear();
          append_normalized(text.substr(units[i].begin, units[k].end - units[i].begin), run);
          const auto it = county_short.find(run);
          // Only where the short name is no town's: "DeKalb Police" after
          // "DeKalb County" is the town of DeKalb.
          if (it == county_short.end() || !found.empty()) continue;
          const bool before_county =
              k + 1 < units.size() && adjacent(k, k + 1) && (raw(k + 1) == "County" || raw(k + 1) == "Parish");
          if (before_county) continue;
          with_county = counties(it->second);
          found = with_county;
          found_last = k;
          found_key = run;
          found_end = units[k].end;
        }
      }
      // "Rep. Ricky Moye, D-Raleigh": after a party's letter and a hyphen, the
      // legislator's home town or county (its short name), a place of the
      // state the story is about.
      bool party_home = false;
      if (i > 0 && units[i - 1].end + 1 == units[i].begin && text[units[i - 1].end] == '-' &&
          units[i - 1].sentence == units[i].sentence) {
        const auto party = raw(i - 1);
        std::uint32_t p = units[i - 1].begin;
        while (p > 0 && text[p - 1] == ' ') --p;
        party_home = (party == "D" || party == "R" || party == "I" || party == "DFL") && p > 0 &&
                     (text[p - 1] == ',' || text[p - 1] == '(');
      }
      if (party_home && found.empty()) {
        std::string county;
        append_normalized(raw(i), county);
        const std::string short_key = county;
        county.append(" county");
        with_county = counties(county);
        if (!with_county.empty()) {
          found = with_county;
          found_last = i;
          found_key = short_key;
          found_end = units[i].end;
        }
      }
      if (found.empty()) continue;
      // "Dublin City Council" is the council of Dublin: the town, not an
      // area called "Dublin City" (which would split one town in two names).
      // A town called so stays ("Boulder City Council").
      const auto town_named = [&](std::span<const NameRef> refs) {
        return std::any_of(refs.begin(), refs.end(), [&](const NameRef& r) {
          const Kind k = gazetteer_.entry(r.entry).kind;
          return k >= Kind::capital && k <= Kind::minor;
        });
      };
      if (found_last > i && raw(found_last) == "City" && !town_named(found) && found_last + 1 < units.size() &&
          adjacent(found_last, found_last + 1) && words_.institution.contains(raw(found_last + 1))) {
        std::string shorter;
        append_normalized(text.substr(units[i].begin, units[found_last - 1].end - units[i].begin), shorter);
        if (const auto refs = gazetteer_.find(shorter); !refs.empty()) {
          found = refs;
          found_key = std::move(shorter);
          --found_last;
          found_end = units[found_last].end;
        }
      }
      const std::size_t j = found_last;
      Candidate c;
      c.first = static_cast<std::uint32_t>(i);
      c.last = static_cast<std::uint32_t>(j);
      c.begin = units[i].begin;
      c.end = found_end;
      c.key = std::move(found_key);
      c.party_home = party_home;
      for (const auto& r : found) {
        const Entry& e = gazetteer_.entry(r.entry);
        // One entry by two names ("Hollywood" and its metonymy alias
        // "Hollywood@4"): one sense, with the larger bonus.
        const auto same =
            std::find_if(c.refs.begin(), c.refs.end(), [&](const NameRef& o) { return o.entry == r.entry; });
        if (same != c.refs.end()) {
          same->bonus = std::max(same->bonus, r.bonus);
          continue;
        }
        if (r.kind == NameKind::demonym && !options_.demonyms) continue;
        if (options_.min_population > 0 && is_local(e.kind) && e.kind != Kind::adm2 && e.population < options_.min_population) {
          continue;
        }
        c.refs.push_back(r);
      }
      if (c.refs.empty()) continue;
      for (std::size_t k = i; k <= j; ++k) cand_of_unit[k] = static_cast<int>(cands.size());
      cands.push_back(std::move(c));
      i = j;
    }
  }
  if (cands.empty()) return {};

  const auto has_kind = [&](const Candidate& c, auto pred) {
    return std::any_of(c.refs.begin(), c.refs.end(),
                       [&](const NameRef& r) { return pred(gazetteer_.entry(r.entry).kind); });
  };
  // Countries, regions, capitals and populous states: names a reader takes
  // for the place even where a person could bear them.
  const auto decide_big = [&](Candidate& c) {
    c.big = std::any_of(c.refs.begin(), c.refs.end(), [&](const NameRef& r) {
      const Entry& e = gazetteer_.entry(r.entry);
      return is_level(e.kind) || e.kind == Kind::capital || (e.kind == Kind::adm1 && e.population >= 300000);
    });
  };
  for (auto& c : cands) decide_big(c);
  const auto big_place = [](const Candidate& c) { return c.big; };
  const auto only_kind = [&](const Candidate& c, NameKind k) {
    return std::all_of(c.refs.begin(), c.refs.end(), [&](const NameRef& r) { return r.kind == k; });
  };

  // --- people: "President Bush", "George W. Bush", and their surnames later ---
  std::unordered_set<std::string> surnames;
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    if (!units[i].cap || !units[i + 1].cap || !adjacent(i, i + 1)) continue;
    const bool title = is_title(i);
    const int ci = cand_of_unit[i];
    // A first name that is itself a country or state ("Georgia") is left to
    // the rule on following capitals below.
    const bool first_name = !title && words_.first.contains(raw(i)) && (ci < 0 || !big_place(cands[ci])) &&
                            !(ci >= 0 && cands[ci].last > i);
    if (!title && !first_name) continue;
    std::size_t j = i;
    while (adjacent(j, j + 1) && units[j + 1].cap && !words_.after_ok.contains(raw(j + 1)) &&
           !(cand_of_unit[j + 1] >= 0 && cands[cand_of_unit[j + 1]].last > j + 1)) {
      ++j;
    }
    if (j == i || is_initial_letter(j)) continue;
    for (std::size_t k = first_name ? i : i + 1; k <= j; ++k) units[k].person = true;
    surnames.insert(normalized(raw(j)));
    i = j;
  }

  // "Tacoma, Washington": the town has a sense inside a state or country the
  // second name may be. In a list ("Miami, West Palm Beach, New York") it
  // has none.
  const auto qualifies = [&](const Candidate& town, const Candidate& q) {
    for (const auto& qr : q.refs) {
      const Entry& qe = gazetteer_.entry(qr.entry);
      if (qe.kind != Kind::adm1 && qe.kind != Kind::country) continue;
      for (const auto& tr : town.refs) {
        const Entry& te = gazetteer_.entry(tr.entry);
        if (tr.entry != qr.entry && te.country == qe.country && (qe.kind == Kind::country || te.admin1 == qe.admin1)) {
          return true;
        }
      }
    }
    return false;
  };

  // Names the document also uses plainly as places ("in Gainesville",
  // "Gainesville, Fla."): cues for a person elsewhere do not override them.
  std::unordered_set<std::string_view> placed;
  for (std::size_t ci = 0; ci < cands.size(); ++ci) {
    const auto& c = cands[ci];
    // Only prepositions of place: "to Obama" and "of Lincoln" are people.
    const auto before = c.first > 0 && units[c.first - 1].sentence == units[c.first].sentence
                            ? raw(c.first - 1)
                            : std::string_view();
    const bool prep = before == "in" || before == "near" || before == "outside" || before == "across";
    bool qualified = false;
    if (ci + 1 < cands.size() && text.substr(c.end, 2) == ", " && cands[ci + 1].begin == c.end + 2) {
      qualified = has_kind(cands[ci + 1], [](Kind k) { return k == Kind::adm1 || k == Kind::country; });
    }
    if (prep || qualified) placed.insert(c.key);
  }

  // --- recognition ----------------------------------------------------------------
  for (std::size_t ci = 0; ci < cands.size(); ++ci) {
    auto& c = cands[ci];
    if (c.county_list) {
      c.accepted = true;
      c.recognition = 0.85;
      continue;
    }
    const bool tc = titlecase[c.first] != 0;
    const bool single = c.first == c.last;
    // Dateline: a name opening a line and followed (after an optional
    // qualifier) by a dash or "(AP)".
    const bool line_start = c.first == 0 || units[c.first - 1].line != units[c.first].line;
    const bool caps = c.end - c.begin >= 3 && is_all_caps(text, c.begin, c.end);
    if ((units[c.first].initial && line_start) || caps) {
      std::uint32_t p = c.end;
      if (ci + 1 < cands.size() && text.substr(p, 2) == ", " && cands[ci + 1].begin == p + 2) p = cands[ci + 1].end;
      while (p < text.size() && text[p] == ' ') ++p;
      const auto rest = text.substr(p, 3);
      // "--", "(AP)", an em or en dash, or (in capitals) ":" and ", April 5"
      // and the C1 dash some feeds carry.
      c.dateline = rest.starts_with("--") || rest.starts_with("(") || rest == "\xE2\x80\x94" ||
                   rest == "\xE2\x80\x93" || rest.starts_with("- ") || rest.starts_with("\xC2\x97") ||
                   (caps && (rest.starts_with(":") || rest.starts_with(","))) || (rest.starts_with(",") && tc);
    }
    // "Town, Qualifier": the qualifier is a state, region or country.
    if (ci > 0) {
      const auto& prev = cands[ci - 1];
      if (text.substr(prev.end, c.begin - prev.end).find_first_not_of(' ', 1) == std::string_view::npos &&
          text.substr(prev.end, 1) == "," &&
          has_kind(c, [](Kind k) { return k == Kind::adm1 || k == Kind::country; }) &&
          (qualifies(prev, c) || only_kind(c, NameKind::abbreviation))) {
        cands[ci - 1].qualifier = static_cast<int>(ci);
      }
    }
    const bool after_comma_word = c.first > 0 && units[c.first - 1].cap &&
                                  text.substr(units[c.first - 1].end, c.begin - units[c.first - 1].end)
                                          .find_first_not_of(' ', 1) == std::string_view::npos &&
                                  text.substr(units[c.first - 1].end, 1) == ",";

    // Abbreviations ("Ill.", "Kan.") name a state only after "Town, ".
    if (only_kind(c, NameKind::abbreviation)) {
      if (!(after_comma_word || c.dateline || c.party_home)) continue;
      if (c.end - c.begin == 2 && !is_all_caps(text, c.begin, c.end)) continue;
      c.refs.erase(std::remove_if(c.refs.begin(), c.refs.end(),
                                  [](const NameRef& r) { return r.kind != NameKind::abbreviation; }),
                   c.refs.end());
      c.accepted = true;
      c.recognition = 0.9;
      continue;
    }
    c.refs.erase(std::remove_if(c.refs.begin(), c.refs.end(),
                                [](const NameRef& r) { return r.kind == NameKind::abbreviation; }),
                 c.refs.end());
    if (c.refs.empty()) continue;
    decide_big(c);
    if (c.party_home) {
      c.accepted = true;
      c.recognition = 0.85;
      continue;
    }

    if (single && words_.never.contains(c.key)) continue;
    // A title is not a town ("Vice Mayor Ray Melton").
    if (single && !c.big && is_title(c.first)) continue;
    if (c.key.size() < 3 && c.key.find('.') == std::string::npos && !is_all_caps(text, c.begin, c.end)) continue;
    // Part of a person's name, or a surname met earlier as one.
    bool person = false;
    for (auto k = c.first; k <= c.last; ++k) person = person || units[k].person;
    if (person) continue;
    if (single && surnames.contains(c.key) && !placed.contains(c.key)) continue;

    const bool big = big_place(c);
    const bool demonym = only_kind(c, NameKind::demonym);
    // An acronym in running text ("NATO") is not a small town's name.
    if (!big && !c.dateline && !tc && c.end - c.begin > 1 && c.key.find('.') == std::string::npos &&
        is_all_caps(text, c.begin, c.end)) {
      continue;
    }
    // Followed by a capitalised word. A place inside the name of an
    // institution stays a place ("Dublin City Council", "Texas Comptroller",
    // "U.S. President"); one before a newspaper, company or team word is not
    // ("Washington Post"), nor one before a word that is no English word,
    // which makes it a first name ("Paris Hilton", "Georgia O'Keeffe").
    const std::size_t next = c.last + 1;
    // A period after the name that is not part of it ends the sentence
    // ("in Columbus, Ohio. Notre Dame won").
    const bool period_between = units[c.last].dot_after && c.key.back() != '.';
    if (!period_between && adjacent(c.last, next) && units[next].cap) {
      const auto w = raw(next);
      const auto wd = raw_dot(next);
      // The newspaper word may come later in the name ("Lansing State
      // Journal", "St. Patrick's Day").
      bool org = false;
      for (std::size_t k = next; k < next + 4 && k < units.size() && units[k].cap; ++k) {
        if (words_.org.contains(raw(k)) || words_.org.contains(raw_dot(k))) {
          org = true;
          break;
        }
        if (!adjacent(k, k + 1) && !(k + 1 < units.size() && units[k + 1].begin == units[k].end + 1 &&
                                     text[units[k].end] == '-')) {
          break;
        }
      }
      if (org) continue;
      // "Mississippi State started the game": a US state's name and "State"
      // with no further capitalised word name its university and its teams
      // ("Mississippi State University", "Indiana State Police" stay). Where
      // the state shares its name with a large city, "State" tells the state
      // from the city ("New York State", "Washington State").
      if (w == "State" && !tc && !(adjacent(next, next + 1) && units[next + 1].cap)) {
        bool state = false;
        bool city = false;
        for (const auto& r : c.refs) {
          const Entry& e = gazetteer_.entry(r.entry);
          state = state || (e.kind == Kind::adm1 && e.country == "US");
          city = city || (is_local(e.kind) && e.kind != Kind::adm2 &&
                          (e.population >= 100000 || e.kind == Kind::capital));
        }
        if (state && !city) continue;
      }
      c.state_word = w == "State";
      // "Thames Valley", "Hopkins Park": a feature named after a town is not
      // the town. (Streets stay: news corpora count "Memphis Street" a place.)
      if (!demonym && (words_.feature.contains(w) || words_.feature.contains(wd))) continue;
      const bool ok = tc || words_.after_ok.contains(w) || words_.after_ok.contains(wd) ||
                      words_.title.contains(wd) || (demonym && words_.first.contains(w)) || units[next].initial ||
                      (cand_of_unit[next] >= 0 && big_place(cands[cand_of_unit[next]]));
      // "Syria's Assad": a possessive place is no first name.
      const bool possessive = units[c.last].full_end > units[c.last].end;
      if (!ok && single && !possessive) {
        std::string lower_word;
        append_normalized(w, lower_word);
        if (!words_.lower.contains(lower_word)) {
          c.name_part = true;
          continue;
        }
      }
    }
    // Preceded by a capitalised word: a title or a first name make a person
    // ("Mr. Jordan"); another word makes a town part of a longer name
    // ("Mobile Command Center"), unless it is a place itself ("Iraqi
    // Kurdistan") or a direction ("Northern California").
    // An initial before a town's name makes it a surname ("Kijuan D. McDonald").
    if (single && !c.big && c.first > 0 && is_initial_letter(c.first - 1) && adjacent(c.first - 1, c.first)) {
      surnames.insert(c.key);
      continue;
    }
    if (c.first > 0 && adjacent(c.first - 1, c.first) && units[c.first - 1].cap && !tc &&
        !units[c.first - 1].dot_after && !words_.function.contains(normalized(raw(c.first - 1)))) {
      const std::size_t p = c.first - 1;
      const int pc = cand_of_unit[p];
      const bool prev_place = pc >= 0 && cands[pc].accepted;
      if (is_title(p) && !big) continue;
      if (!prev_place && !words_.prefix.contains(raw(p))) {
        if (pc >= 0 && cands[pc].name_part && !big) continue;  // "Paris Hilton": both halves go
        const bool after_first_name = words_.first.contains(raw(p)) && pc < 0;
        if (after_first_name || (!big && !units[p].initial)) {
          // "Kwesi Millington", then "Millington" alone; but not "Rodeo
          // Gainesville", then "Gainesville" (a first word that is English).
          std::string lower_word;
          append_normalized(raw(p), lower_word);
          if (single && (after_first_name || !words_.lower.contains(lower_word))) surnames.insert(c.key);
          continue;
        }
      }
    }
    // A small town named like a common word ("Mobile", "Reading", "Police")
    // needs a preposition, a qualifier or a dateline to be read as a place.
    if (single && !big && !demonym && words_.lower.contains(c.key) && !c.dateline && c.qualifier < 0) {
      const bool prep = c.first > 0 && units[c.first - 1].sentence == units[c.first].sentence &&
                        words_.prep.contains(normalized(raw(c.first - 1)));
      // "Concord Police", "Oxford City Council": the town of an institution,
      // when it opens the name ("Columbus Police Department" has no town
      // called Police).
      const bool opens = !(c.first > 0 && adjacent(c.first - 1, c.first) && units[c.first - 1].cap);
      const bool institution =
          opens && adjacent(c.last, next) && units[next].cap && words_.institution.contains(raw(next));
      if (!(prep || institution) || ((units[c.first].initial || tc) && !institution)) continue;
    }
    // A town's name before "says" or "admitted", or after "his brother" or a
    // particle ("Mike de Kock"), is a person's; so is every later mention.
    if (single && !big && !demonym) {
      bool person_cue = adjacent(c.last, next) && words_.person_verb.contains(raw(next));
      if (c.first > 0 && units[c.first - 1].sentence == units[c.first].sentence &&
          words_.person_before.contains(raw(c.first - 1))) {
        person_cue = true;
      }
      if (person_cue && !placed.contains(c.key)) {
        bool large_city = false;
        for (const auto& r : c.refs) large_city = large_city || gazetteer_.entry(r.entry).population >= 200000;
        if (!large_city) {
          surnames.insert(c.key);
          continue;
        }
      }
    }
    // "Berea police", "Dublin City Council": the town's own local government
    // or services, so the town itself (see the resolution).
    if (!demonym && adjacent(c.last, next)) {
      const auto w = normalized(raw(next));
      c.municipal = words_.municipal.contains(w) ||
                    (w == "city" && adjacent(next, next + 1) && words_.institution.contains(raw(next + 1)));
      c.local = c.municipal || words_.local.contains(w);
    }
    c.accepted = true;
    c.recognition = demonym ? 0.8 : (big ? 0.95 : 0.85);
    if (single && words_.first.contains(raw(c.first))) c.recognition -= 0.15;
    if (units[c.first].initial && !big) c.recognition -= 0.1;
  }

  // --- resolution -------------------------------------------------------------------
  // Names that mean a country, continent or region resolve at that level:
  // never a village called "France" (unless the text says "France, Ind.").
  // The same holds for the large first-level regions (England, Texas,
  // Florida): never a hamlet of that name in Arkansas. Capitals and large
  // cities stay: a state's name can be theirs ("Washington", "New York").
  constexpr std::int64_t kLargeRegion = 5'000'000;
  // A legislator's home may be a county of that name ("D-Raleigh" in a story
  // about West Virginia's delegates is Raleigh County): the counties join
  // the senses of every mention of the name.
  {
    std::unordered_map<std::string_view, std::vector<NameRef>> homes;
    std::string county;
    for (const auto& c : cands) {
      if (!c.accepted || !c.party_home || homes.contains(c.key)) continue;
      county.assign(c.key).append(" county");
      homes[c.key] = counties(county);
    }
    for (auto& c : cands) {
      if (!c.accepted || homes.empty()) continue;
      const auto it = homes.find(c.key);
      if (it == homes.end()) continue;
      for (const auto& r : it->second) {
        if (std::none_of(c.refs.begin(), c.refs.end(), [&](const NameRef& o) { return o.entry == r.entry; })) {
          c.refs.push_back(r);
        }
      }
    }
  }
  // A qualifier on any mention holds for all mentions of the name.
  std::unordered_set<std::string_view> qualified;
  for (const auto& c : cands) {
    if (c.accepted && c.qualifier >= 0) qualified.insert(c.key);
  }
  // A country's name before "woman", "middle school" or "police" on any
  // mention is a town's: news names a country's people and institutions by
  // its demonym ("a Lebanese woman"). Its towns then compete in full.
  std::unordered_set<std::string_view> town_of_country;
  for (const auto& c : cands) {
    if (c.accepted && c.local && has_kind(c, [](Kind k) { return k == Kind::country; })) town_of_country.insert(c.key);
  }
  for (auto& c : cands) {
    c.firm = static_cast<std::uint32_t>(c.refs.size());
    if (!c.accepted || qualified.contains(c.key) || town_of_country.contains(c.key)) continue;
    c.level = std::any_of(c.refs.begin(), c.refs.end(), [&](const NameRef& r) {
      const Entry& e = gazetteer_.entry(r.entry);
      return is_level(e.kind) || (e.kind == Kind::adm1 && e.population >= kLargeRegion);
    });
    if (c.level) {
      // The towns of a country's name ("Lebanon", Indiana) stay, last, as
      // senses that only the document's other local names can choose.
      const auto small = std::stable_partition(c.refs.begin(), c.refs.end(), [&](const NameRef& r) {
        const Entry& e = gazetteer_.entry(r.entry);
        return is_level(e.kind) || e.kind == Kind::adm1 || e.kind == Kind::capital || e.population >= 500'000;
      });
      c.firm = static_cast<std::uint32_t>(small - c.refs.begin());
    }
  }

  // One sense per name and document: a qualifier given once holds for every
  // mention of the name. Names are resolved in order of first mention.
  std::vector<std::vector<std::size_t>> names;  // mentions per distinct name
  {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t ci = 0; ci < cands.size(); ++ci) {
      if (!cands[ci].accepted || cands[ci].refs.empty()) continue;
      const auto [it, fresh] = index.try_emplace(cands[ci].key, names.size());
      if (fresh) names.emplace_back();
      names[it->second].push_back(ci);
    }
  }
  const auto admin_key = [](const Entry& e) { return std::string(e.country).append(".").append(e.admin1); };

  // "BELGRADE, Minn." where the gazetteer has no Belgrade in Minnesota (a
  // village under its threshold): the state the abbreviation names is the
  // best point there is, not a namesake abroad.
  for (const auto& mentions : names) {
    int q = -1;
    for (const auto idx : mentions) {
      const int k = cands[idx].qualifier;
      if (k >= 0 && cands[k].accepted && !cands[k].refs.empty() && only_kind(cands[k], NameKind::abbreviation)) q = k;
    }
    if (q < 0) continue;
    const auto inside = [&](const NameRef& r) {
      const Entry& e = gazetteer_.entry(r.entry);
      return std::any_of(cands[q].refs.begin(), cands[q].refs.end(), [&](const NameRef& qr) {
        const Entry& s = gazetteer_.entry(qr.entry);
        return s.country == e.country && (s.kind == Kind::country || (s.kind == Kind::adm1 && s.admin1 == e.admin1));
      });
    };
    const auto& front = cands[mentions.front()];
    if (std::any_of(front.refs.begin(), front.refs.end(), inside)) continue;
    for (const auto idx : mentions) {
      auto& c = cands[idx];
      const bool all_firm = c.firm == c.refs.size();
      for (const auto& qr : cands[q].refs) c.refs.push_back({qr.entry, NameKind::name, 0.0F});
      if (all_firm) c.firm = static_cast<std::uint32_t>(c.refs.size());
    }
  }

  // Static part of each sense's score: prior, qualifier, focus, and how many
  // other names of the document have a sense nearby (towns mentioned together
  // lie together: "Huntsville" with "Walker County" is the Texas pair).
  std::vector<std::vector<double>> base(names.size());
  // A town a hundred times smaller than a namesake needs more than the
  // country the document is about: its own neighbours. Half the country
  // share counts for it ("London" in a story about New York art is London).
  std::vector<std::vector<float>> country_weight(names.size());
  for (std::size_t n = 0; n < names.size(); ++n) {
    const auto& c = cands[names[n].front()];
    std::int64_t largest = 0;
    for (const auto& r : c.refs) {
      const Entry& e = gazetteer_.entry(r.entry);
      if (is_local(e.kind)) largest = std::max(largest, e.population);
    }
    country_weight[n].assign(c.refs.size(), 1.0F);
    for (std::size_t r = 0; r < c.refs.size(); ++r) {
      const Entry& e = gazetteer_.entry(c.refs[r].entry);
      if (is_local(e.kind) && e.kind != Kind::adm2 && e.population * 100 < largest) country_weight[n][r] = 0.5F;
    }
  }
  // A name that qualifies a town ("Tacoma, Washington") is a state or a
  // country there, and so, one sense per name, everywhere in the document.
  // The same holds for another name of that state ("Wash." and "Washington"),
  // and for a state an abbreviation names (accepted only in "Town, Kan." and
  // datelines).
  std::unordered_set<std::uint32_t> qualifiers;
  const auto note_qualifier = [&](const Candidate& q) {
    for (const auto& r : q.refs) {
      const Kind k = gazetteer_.entry(r.entry).kind;
      if (k == Kind::adm1 || k == Kind::country) qualifiers.insert(r.entry);
    }
  };
  for (const auto& c : cands) {
    if (!c.accepted) continue;
    if (c.qualifier >= 0 && cands[c.qualifier].accepted) note_qualifier(cands[c.qualifier]);
    if (!c.refs.empty() && only_kind(c, NameKind::abbreviation)) note_qualifier(c);
  }
  std::vector<std::uint8_t> municipal(names.size());
  std::vector<std::uint8_t> party(names.size());
  std::vector<std::uint8_t> state_word(names.size());
  for (std::size_t n = 0; n < names.size(); ++n) {
    for (const auto idx : names[n]) {
      municipal[n] |= cands[idx].municipal ? 1 : 0;
      party[n] |= cands[idx].party_home ? 1 : 0;
      state_word[n] |= cands[idx].state_word ? 1 : 0;
    }
  }
  for (std::size_t n = 0; n < names.size(); ++n) {
    const auto& c = cands[names[n].front()];
    base[n].resize(c.refs.size());
    for (std::size_t r = 0; r < c.refs.size(); ++r) {
      const Entry& e = gazetteer_.entry(c.refs[r].entry);
      double s = prior(e, c.refs[r]);
      for (const auto idx : names[n]) {
        const auto& m = cands[idx];
        if (m.qualifier < 0 || cands[m.qualifier].refs.empty()) continue;
        for (const auto& qr : cands[m.qualifier].refs) {
          const Entry& q = gazetteer_.entry(qr.entry);
          if (q.country == e.country && (q.kind == Kind::country || (q.kind == Kind::adm1 && q.admin1 == e.admin1))) {
            s += 30;
            break;
          }
        }
      }
      if (qualifiers.contains(c.refs[r].entry)) s += 15;
      // A name before its own police, council or mayor is the town itself:
      // a capital competes as the city it is, without a government's lead,
      // and a first-level region that is no large state as a town would.
      if (municipal[n] && e.kind == Kind::capital) s -= 9;
      if (municipal[n] && e.kind == Kind::adm1 && !c.level) s -= 9;
      if (e.kind == Kind::country && town_of_country.contains(c.key)) s -= 20;
      // A legislator's home is a town where the state has one of that name
      // ("DFL-Cook", "R-Marshall"), else the county ("D-Raleigh" in West Virginia).
      if (party[n] != 0 && e.kind == Kind::adm2) s -= 3;
      if (state_word[n] != 0 && e.kind == Kind::adm1) s += 15;
      if (std::find(options_.focus_countries.begin(), options_.focus_countries.end(), e.country) !=
          options_.focus_countries.end()) {
        s += 4;
      }
      base[n][r] = s;
    }
    // A region and its seat of one name, the city holding a tenth of the
    // region or more (Dubai, Berlin, Puducherry): the name means the city.
    // (Quebec, a province of eight million, stays the province.)
    for (std::size_t a = 0; a < c.refs.size(); ++a) {
      const Entry& region = gazetteer_.entry(c.refs[a].entry);
      if (region.kind != Kind::adm1) continue;
      for (std::size_t r = 0; r < c.refs.size(); ++r) {
        const Entry& e = gazetteer_.entry(c.refs[r].entry);
        if ((e.kind == Kind::seat || e.kind == Kind::capital) && e.country == region.country &&
            e.admin1 == region.admin1 && e.population * 10 >= region.population) {
          base[n][r] = std::max(base[n][r], base[n][a] + 1);
        }
      }
    }
  }
  {
    // Senses of all names on a grid of one-degree cells, so that finding the
    // neighbours of a sense costs a few lookups, not a pass over all senses.
    struct Point {
      std::int32_t cell_lat;
      std::int32_t cell_lon;
      std::uint32_t name;
      double lat;
      double lon;
      bool operator<(const Point& o) const {
        return cell_lat != o.cell_lat ? cell_lat < o.cell_lat : cell_lon < o.cell_lon;
      }
    };
    std::vector<Point> points;
    std::unordered_map<std::string, std::vector<std::uint32_t>> names_by_admin1;  // ADM1 senses
    for (std::size_t n = 0; n < names.size(); ++n) {
      const auto& c = cands[names[n].front()];
      for (std::size_t r = 0; r < c.refs.size(); ++r) {
        const Entry& e = gazetteer_.entry(c.refs[r].entry);
        if (r >= c.firm) continue;  // a country's towns lend no support
        if (is_local(e.kind)) {
          points.push_back({static_cast<std::int32_t>(std::floor(e.lat)), static_cast<std::int32_t>(std::floor(e.lon)),
                            static_cast<std::uint32_t>(n), e.lat, e.lon});
        } else if (e.kind == Kind::adm1) {
          names_by_admin1[admin_key(e)].push_back(static_cast<std::uint32_t>(n));
        }
      }
    }
    std::sort(points.begin(), points.end());
    std::vector<double> best_of(names.size(), 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t n = 0; n < names.size(); ++n) {
      const auto& c = cands[names[n].front()];
      for (std::size_t r = 0; r < c.refs.size(); ++r) {
        const Entry& e = gazetteer_.entry(c.refs[r].entry);
        if (!is_local(e.kind)) continue;
        touched.clear();
        // A town of a country's name counts only the names that are local
        // themselves: "Lebanon" among "Boone County" and "Zionsville".
        const bool local_only = r >= c.firm;
        const auto note = [&](std::uint32_t m, double value) {
          if (m == n || value <= best_of[m]) return;
          if (local_only && cands[names[m].front()].level) return;
          if (variant_of(cands[names[m].front()].key, c.key)) return;
          if (best_of[m] == 0.0) touched.push_back(m);
          best_of[m] = value;
        };
        // Flat-earth distances are good to a few percent at these ranges.
        const double kx = 111.2 * std::cos(e.lat * kPi / 180.0);
        const auto cl = static_cast<std::int32_t>(std::floor(e.lat));
        const auto cn = static_cast<std::int32_t>(std::floor(e.lon));
        for (std::int32_t dl = -1; dl <= 1; ++dl) {
          const Point lo{cl + dl, cn - 2, 0, 0, 0};
          const Point hi{cl + dl, cn + 2, 0, 0, 0};
          auto it = std::lower_bound(points.begin(), points.end(), lo);
          // A bounded look per cell keeps a list of thousands of towns linear.
          for (int seen = 0; it != points.end() && !(hi < *it) && seen < 64; ++it, ++seen) {
            if (it->name == n) continue;
            const double dy = (it->lat - e.lat) * 111.2;
            const double dx = (it->lon - e.lon) * kx;
            const double d2 = dx * dx + dy * dy;
            note(it->name, d2 < 40.0 * 40.0 ? 1.0 : d2 < 120.0 * 120.0 ? 0.5 : 0.0);
          }
        }
        if (const auto it = names_by_admin1.find(admin_key(e)); it != names_by_admin1.end()) {
          for (const auto m : it->second) note(m, 0.5);
        }
        double support = 0;
        for (const auto m : touched) {
          support += best_of[m];
          best_of[m] = 0.0;
        }
        base[n][r] += 3.0 * std::min(support, 3.0);
        if (local_only && support < 1.0) base[n][r] = -1e9;
      }
    }
  }

  // Then what the other names say, by their current senses: their countries
  // and first-level regions. A few rounds let the senses settle together.
  // Each round, every name votes with its current sense for a country and a
  // first-level region; a name's own vote is taken out when it is scored.
  struct Vote {
    std::string_view country;
    std::string admin1;  // "US.TX"; empty for a country
    double weight = 0;
  };
  std::vector<int> best(names.size(), -1);
  std::vector<double> margin(names.size(), 0);
  std::vector<Vote> votes(names.size());
  std::unordered_map<std::string_view, double> by_country;
  std::unordered_map<std::string, double> by_admin1;
  for (int round = 0; round < 4; ++round) {
    by_country.clear();
    by_admin1.clear();
    double total_all = 0;
    for (std::size_t n = 0; n < names.size(); ++n) {
      votes[n] = Vote{};
      if (round == 0 || best[n] < 0) continue;
      const Entry& e = gazetteer_.entry(cands[names[n].front()].refs[best[n]].entry);
      if (e.country.empty()) continue;
      double weight = std::min<double>(3.0, static_cast<double>(names[n].size()));
      for (const auto idx : names[n]) weight += cands[idx].dateline ? 2.0 : 0.0;
      if (margin[n] < 1.0) weight *= 0.5;
      votes[n] = {e.country, e.kind == Kind::country || e.admin1.empty() ? std::string() : admin_key(e), weight};
      by_country[e.country] += weight;
      if (!votes[n].admin1.empty()) by_admin1[votes[n].admin1] += weight;
      total_all += weight;
    }
    std::string key;
    for (std::size_t n = 0; n < names.size(); ++n) {
      const auto& c = cands[names[n].front()];
      const Vote& mine = votes[n];
      const double total = total_all - mine.weight;
      // A share counts for more the more names it rests on: one
      // "Washington" does not make "Moscow" a town in Idaho.
      const double trust = std::min(1.0, total / 4.0);
      double top = -1e9;
      double second = -1e9;
      int top_r = -1;
      for (std::size_t r = 0; r < c.refs.size(); ++r) {
        const Entry& e = gazetteer_.entry(c.refs[r].entry);
        double s = base[n][r];
        if (total > 0 && !e.country.empty()) {
          const auto it = by_country.find(e.country);
          double cv = it == by_country.end() ? 0.0 : it->second;
          if (mine.country == e.country) cv -= mine.weight;
          if (cv > 1e-9) s += country_weight[n][r] * (0.5 + 20 * trust * cv / total);
          if (e.kind != Kind::country && !e.admin1.empty()) {
            key = admin_key(e);
            const auto jt = by_admin1.find(key);
            double av = jt == by_admin1.end() ? 0.0 : jt->second;
            if (mine.admin1 == key) av -= mine.weight;
            // A legislator's home lies in the state the story is about.
            if (av > 1e-9) s += (party[n] != 0 ? 3.0 : 1.0) * (0.5 + 16 * trust * av / total);
          }
        }
        if (s > top) {
          second = top;
          top = s;
          top_r = static_cast<int>(r);
        } else if (s > second) {
          second = s;
        }
      }
      best[n] = top_r;
      margin[n] = c.refs.size() == 1 || second < -1e8 ? 10.0 : top - second;
    }
  }
  for (std::size_t n = 0; n < names.size(); ++n) {
    for (const auto idx : names[n]) {
      cands[idx].best = best[n];
      cands[idx].margin = margin[n];
    }
  }

  // --- output ---------------------------------------------------------------------
  std::vector<Place> places;
  for (const auto& c : cands) {
    if (!c.accepted || c.best < 0) continue;
    const Entry& e = gazetteer_.entry(c.refs[c.best].entry);
    const double resolution = 1.0 / (1.0 + std::exp(-c.margin / 2.0));
    const double confidence = std::clamp(c.recognition * (0.4 + 0.6 * resolution), 0.0, 1.0);
    if (confidence < options_.min_confidence) continue;
    Place p;
    p.begin = c.begin;
    p.end = c.end;
    p.name = e.name;
    p.lat = e.lat;
    p.lon = e.lon;
    if (e.geonameid > 0) p.geonameid = e.geonameid;
    p.country = e.country;
    p.feature = e.feature;
    p.confidence = std::round(confidence * 1000.0) / 1000.0;
    places.push_back(std::move(p));
  }
  return places;
}

}  // namespace docpipe::geotag::detail
