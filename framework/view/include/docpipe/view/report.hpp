#pragma once
// `docpipe view`: one self-contained HTML page (stylesheet, script, world map
// and data inlined; no network when opened) showing what a pipeline found.

#include <docpipe/sdk/document.hpp>

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace docpipe::view {

/// Collects documents and writes the report page (see docs/viewer.md).
///
///   docpipe::view::Report report{"out.jsonl"};
///   report.add(doc);                      // once per document, any layers
///   std::ofstream html{"out.html"};
///   report.write(html);
///
/// Each document is turned into compact JSON when added (offsets converted
/// to the UTF-16 units the browser uses), so memory grows with the report's
/// size, not with the documents' object graphs. The page parses one
/// document's JSON only when it is opened.
class Report {
 public:
  /// `title` names the report (usually the input file).
  explicit Report(std::string title);

  /// Adds `doc`: its text, meta and every present layer, core and custom.
  void add(const Document& doc);
  /// Records an input record that could not be read; listed on the index page.
  void add_error(const std::string& message);

  /// Number of documents added.
  [[nodiscard]] std::size_t size() const { return docs_.size(); }
  /// Writes the HTML page to `out`.
  void write(std::ostream& out) const;
  /// The HTML page as a string.
  [[nodiscard]] std::string html() const;

 private:
  struct SpeakerStats {
    std::size_t quotes = 0;
    std::size_t documents = 0;
  };
  struct PlaceStats {
    std::string name;
    std::string country;
    double lat = 0.0;
    double lon = 0.0;
    std::size_t mentions = 0;
    std::size_t documents = 0;
  };

  /// A document's row on the index page.
  struct Entry {
    std::string id;
    std::string title;
    std::string snippet;  ///< the first line, when there is no title
    std::size_t quotes = 0;
    std::size_t places = 0;
    std::size_t summary = 0;
    std::vector<std::string> speaker_names;  ///< resolved, each once
    std::vector<std::string> place_keys;     ///< keys of places_, each once
  };

  std::string title_;
  std::vector<std::string> docs_;  ///< one JSON object per document
  std::vector<Entry> entries_;
  std::map<std::string, SpeakerStats, std::less<>> speakers_;
  std::map<std::string, PlaceStats, std::less<>> places_;  ///< by name and point
  std::vector<std::string> errors_;
  std::size_t error_count_ = 0;
};

}  // namespace docpipe::view
