#pragma once
// The tokenizer plugin's engine: tokens (UD English surface tokens),
// sentences and paragraphs of a UTF-8 text, as byte spans, in one pass each.
//
//   docpipe::tokenizer::Tokenizer tok{{}};
//   docpipe::Document doc{"d1", "Mr. Smith arrived. He sat down."};
//   tok.annotate(doc);  // doc.tokens: 8, doc.sentences: 2, doc.paragraphs: 1

#include "detail/lexicon.hpp"

#include <docpipe/sdk/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docpipe::tokenizer {

/// Where paragraphs break.
enum class ParagraphRule : std::uint8_t {
  automatic,   ///< blank lines; single line breaks too when the text is one paragraph per line (wire style)
  blank_line,  ///< blank lines only
  line,        ///< every line break
};

struct Options {
  std::vector<std::string> extra_abbreviations;  ///< "Calif." or "Calif": never split before their period
  bool split_clitics = false;                    ///< UD words: "don't" -> "do" "n't", "John's" -> "John" "'s"
  bool split_hyphens = true;                     ///< UD: "15-year" -> "15" "-" "year"; false keeps "well-known" whole
  ParagraphRule paragraph_rule = ParagraphRule::automatic;
};

/// Immutable after construction; every method is safe to call concurrently.
class Tokenizer {
 public:
  explicit Tokenizer(Options options);

  /// Appends the tokens of `text` to `out`: in order, never overlapping,
  /// covering every byte that is not white space.
  void tokenize(std::string_view text, std::vector<Token>& out) const;
  /// Appends the paragraphs of `text` (trimmed of white space) to `out`.
  void split_paragraphs(std::string_view text, std::vector<Paragraph>& out) const;
  /// Appends the sentences of `text` to `out`, given its `tokens` and
  /// `paragraphs`: each sentence runs from its first token's begin to its
  /// last token's end and lies within one paragraph.
  void split_sentences(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<Paragraph>& paragraphs, std::vector<Sentence>& out) const;
  /// Replaces doc's tokens, sentences and paragraphs and marks them present.
  void annotate(Document& doc) const;

  [[nodiscard]] const Options& options() const { return options_; }
  [[nodiscard]] const detail::Abbreviations& abbreviations() const { return abbreviations_; }

 private:
  Options options_;
  detail::Abbreviations abbreviations_;
};

}  // namespace docpipe::tokenizer
