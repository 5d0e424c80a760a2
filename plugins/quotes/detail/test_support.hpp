#pragma once
// Test helper: fills tokens, sentences and paragraphs of a document with a
// crude splitter, so the quotes tests do not depend on the tokenizer plugin.

#include <docpipe/sdk/document.hpp>

#include <string>

namespace docpipe::quotes::test {

/// A document whose paragraphs are its lines, whose sentences end after
/// . ? ! (and a closing quote mark) before a space and an upper-case letter
/// or an opening mark, and whose tokens are its space-separated chunks.
inline Document make_doc(std::string text) {
  Document doc{"test", std::move(text)};
  const std::string& t = doc.text;
  const auto n = static_cast<Offset>(t.size());
  Offset pb = 0;
  for (Offset i = 0; i <= n; ++i) {
    if (i == n || t[i] == '\n') {
      if (i > pb) doc.paragraphs.push_back({pb, i});
      pb = i + 1;
    }
  }
  for (const auto& p : doc.paragraphs) {
    Offset sb = p.begin;
    for (Offset i = p.begin; i < p.end; ++i) {
      const char c = t[i];
      if (c != '.' && c != '?' && c != '!') continue;
      Offset j = i + 1;
      while (j < p.end && (t[j] == '"' || t[j] == '\'' || static_cast<unsigned char>(t[j]) >= 0x80)) ++j;
      if (j + 1 < p.end && t[j] == ' ' && ((t[j + 1] >= 'A' && t[j + 1] <= 'Z') || t[j + 1] == '"')) {
        doc.sentences.push_back({sb, j});
        sb = j + 1;
      }
    }
    if (sb < p.end) doc.sentences.push_back({sb, p.end});
  }
  Offset tb = 0;
  for (Offset i = 0; i <= n; ++i) {
    if (i == n || t[i] == ' ' || t[i] == '\n') {
      if (i > tb) doc.tokens.push_back({tb, i, TokenKind::word});
      tb = i + 1;
    }
  }
  doc.mark_present("tokens");
  doc.mark_present("sentences");
  doc.mark_present("paragraphs");
  return doc;
}

}  // namespace docpipe::quotes::test
