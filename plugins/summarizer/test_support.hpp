#pragma once
// Test helper: fills the tokens, sentences and paragraphs layers with a tiny
// splitter, so the summarizer's tests do not depend on the tokenizer plugin.

#include <docpipe/sdk/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docpipe::summarizer::test {

inline bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A period before a space ends a sentence unless it closes an initial or a
// title ("U.S.", "George W. Bush", "Mr. Smith") or a lowercase word follows.
inline bool ends_sentence(std::string_view t, std::size_t mark, std::size_t after) {
  std::size_t k = after;
  while (k < t.size() && t[k] == ' ') ++k;
  if (k < t.size() && t[k] >= 'a' && t[k] <= 'z') return false;
  if (t[mark] != '.') return true;
  std::size_t b = mark;
  while (b > 0 && is_word_byte(t[b - 1])) --b;
  const std::string_view word = t.substr(b, mark - b);
  return word.size() > 1 && word != "Mr" && word != "Mrs" && word != "Ms" && word != "Dr" && word != "St";
}

/// Paragraphs at blank lines; sentences end after . ! ? (and closing
/// quotes) before white space (see ends_sentence), and at every line break; tokens are runs of
/// letters, digits and apostrophes, or single other characters.
inline Document make_doc(std::string text, const std::string& title = {}) {
  Document doc{"test", std::move(text)};
  if (!title.empty()) doc.meta.emplace_back("title", "\"" + title + "\"");
  const std::string_view t = doc.text;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == ' ' || t[i] == '\n') {
      ++i;
      continue;
    }
    const std::size_t b = i;
    if (is_word_byte(t[i])) {
      bool digits = true;
      for (; i < t.size() && is_word_byte(t[i]); ++i) digits = digits && t[i] >= '0' && t[i] <= '9';
      doc.tokens.push_back(
          {static_cast<Offset>(b), static_cast<Offset>(i), digits ? TokenKind::number : TokenKind::word});
    } else {
      ++i;
      doc.tokens.push_back({static_cast<Offset>(b), static_cast<Offset>(i), TokenKind::punct});
    }
  }
  std::size_t pb = std::string_view::npos;
  std::size_t sb = std::string_view::npos;
  std::size_t last = 0;
  auto close_sentence = [&] {
    if (sb != std::string_view::npos) doc.sentences.push_back({static_cast<Offset>(sb), static_cast<Offset>(last)});
    sb = std::string_view::npos;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n') {
      close_sentence();
      if (i + 1 < t.size() && t[i + 1] == '\n' && pb != std::string_view::npos) {
        doc.paragraphs.push_back({static_cast<Offset>(pb), static_cast<Offset>(last)});
        pb = std::string_view::npos;
      }
      continue;
    }
    if (c == ' ') continue;
    if (pb == std::string_view::npos) pb = i;
    if (sb == std::string_view::npos) sb = i;
    last = i + 1;
    const bool end_mark = c == '.' || c == '!' || c == '?';
    if (end_mark) {
      std::size_t j = i + 1;
      while (j < t.size() && (t[j] == '"' || t[j] == ')')) ++j;
      if (j == t.size() || t[j] == '\n' || (t[j] == ' ' && ends_sentence(t, i, j))) {
        last = j;
        i = j - 1;
        close_sentence();
      }
    }
  }
  close_sentence();
  if (pb != std::string_view::npos) doc.paragraphs.push_back({static_cast<Offset>(pb), static_cast<Offset>(last)});
  for (const char* layer : {"tokens", "sentences", "paragraphs"}) doc.mark_present(layer);
  return doc;
}

/// The text of each summary sentence.
inline std::vector<std::string> summary_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const SummarySentence& s : doc.summary) out.emplace_back(doc.slice(s.begin, s.end));
  return out;
}

/// The text of each sentence of `summary`, a summary of `doc`.
inline std::vector<std::string> summary_texts(const Document& doc, const std::vector<SummarySentence>& summary) {
  std::vector<std::string> out;
  for (const SummarySentence& s : summary) out.emplace_back(doc.slice(s.begin, s.end));
  return out;
}

/// A few English stop words (the plugin's own list is a data file).
inline std::vector<std::string> some_stopwords() {
  return {"the",  "a",    "an",   "of", "to", "in", "and", "on",  "for", "is",   "was",  "it",   "he",  "she",
          "they", "that", "with", "at", "by", "as", "be",  "has", "had", "have", "said", "from", "his", "her"};
}

}  // namespace docpipe::summarizer::test
