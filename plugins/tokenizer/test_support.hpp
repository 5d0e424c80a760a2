#pragma once
// Helpers shared by the tokenizer's unit tests: spans as strings.

#include "tokenizer.hpp"

#include <string>
#include <vector>

namespace docpipe::tokenizer::test {

inline std::vector<std::string> tokens_of(std::string_view text, Options options = {}) {
  const Tokenizer tok{std::move(options)};
  std::vector<Token> tokens;
  tok.tokenize(text, tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

inline std::vector<std::string> sentences_of(std::string_view text, Options options = {}) {
  const Tokenizer tok{std::move(options)};
  Document doc{"t", std::string(text)};
  tok.annotate(doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

inline std::vector<std::string> paragraphs_of(std::string_view text, Options options = {}) {
  const Tokenizer tok{std::move(options)};
  std::vector<Paragraph> paragraphs;
  tok.split_paragraphs(text, paragraphs);
  std::vector<std::string> out;
  for (const Paragraph& p : paragraphs) out.emplace_back(text.substr(p.begin, p.end - p.begin));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace docpipe::tokenizer::test
