#pragma once
// Test-only stand-in for the tokenizer plugin: words, numbers and single
// punctuation marks as tokens, and sentences split at line breaks and at
// ". " before a capital letter (not after an initial or a short abbreviation).

#include <docpipe/sdk/document.hpp>

#include <cctype>
#include <string_view>

namespace docpipe::geotag::test {

inline void tokenize(Document& doc) {
  const std::string_view t = doc.text;
  doc.tokens.clear();
  doc.sentences.clear();
  const auto n = static_cast<Offset>(t.size());
  const auto word_char = [&](Offset i) {
    const auto c = static_cast<unsigned char>(t[i]);
    return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
  };
  Offset i = 0;
  Offset sentence_begin = 0;
  bool in_sentence = false;
  const auto close_sentence = [&](Offset end) {
    if (in_sentence) doc.sentences.push_back({sentence_begin, end});
    in_sentence = false;
  };
  while (i < n) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      close_sentence(i);
      ++i;
      continue;
    }
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (!in_sentence) {
      sentence_begin = i;
      in_sentence = true;
    }
    if (word_char(i)) {
      Offset j = i;
      // Words with inner periods ("U.S.", "W.Va.") keep them and the last one.
      while (j < n && (word_char(j) || (t[j] == '.' && j + 1 < n && std::isalpha(static_cast<unsigned char>(t[j + 1])) &&
                                        j > i && std::isupper(static_cast<unsigned char>(t[i]))))) {
        ++j;
      }
      const bool abbreviation = j < n && t[j] == '.' && j - i <= 4 && std::isupper(static_cast<unsigned char>(t[i]));
      if (abbreviation) ++j;
      doc.tokens.push_back({i, j, std::isdigit(c) ? TokenKind::number : TokenKind::word});
      i = j;
      continue;
    }
    doc.tokens.push_back({i, i + 1, TokenKind::punct});
    if ((c == '.' || c == '!' || c == '?') && (i + 1 >= n || t[i + 1] == ' ' || t[i + 1] == '\n')) close_sentence(i + 1);
    ++i;
  }
  close_sentence(n);
  doc.mark_present("tokens");
  doc.mark_present("sentences");
}

}  // namespace docpipe::geotag::test
