// Indirect attributions read from a cue word's complement
// (complement_cues.txt), attitudes and the other patterns of reported
// belief and intention, on sentences written for the tests.

#include "detail/extractor.hpp"
#include "detail/test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace docpipe;
using namespace docpipe::quotes::detail;

namespace {

struct Q {
  std::string content;
  std::string kind;
  std::string mention;  // speaker span text, "" when none
};

// The plugin's defaults: attitudes on.
std::vector<Q> run(const std::string& text, const std::vector<std::string>& extra_cues = {}) {
  static const std::string dir = DOCPIPE_TEST_DATA_DIR;
  const Extractor ex(Lexicon::load(dir, {}, {}, true, extra_cues), ExtractorOptions{});
  const Document doc = quotes::test::make_doc(text);
  std::vector<Q> out;
  for (const Quote& q : ex.extract(doc)) {
    Q r;
    r.content = text.substr(q.begin, q.end - q.begin);
    r.kind = std::string(to_string(q.kind));
    if (q.speaker_span) r.mention = text.substr(q.speaker_span->first, q.speaker_span->second - q.speaker_span->first);
    out.push_back(r);
  }
  return out;
}

const Q* find(const std::vector<Q>& qs, const std::string& content) {
  for (const auto& q : qs) {
    if (q.content == content) return &q;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a that-clause after a noun, an adjective or a verb", "[quotes]") {
  auto q = run("Anger grew over the claim that the vote was rigged.");
  REQUIRE(find(q, "that the vote was rigged") != nullptr);
  CHECK(find(q, "that the vote was rigged")->kind == "indirect");
  q = run("Peter Lund is convinced that the deal will pass.");
  REQUIRE(find(q, "that the deal will pass") != nullptr);
  q = run("Tom Reed testified, noting that, contrary to her claims, he saw the guns.");
  REQUIRE(find(q, "that, contrary to her claims, he saw the guns") != nullptr);
  q = run("Anna Kane pointed out that the budget had grown.");
  REQUIRE(find(q, "that the budget had grown") != nullptr);
  CHECK(find(q, "that the budget had grown")->mention == "Anna Kane");
}

TEST_CASE("a to-infinitive after an intention word", "[quotes]") {
  auto q = run("The senator declined to comment on the report.");
  REQUIRE(find(q, "to comment on the report") != nullptr);
  CHECK(find(q, "to comment on the report")->mention == "The senator");
  q = run("Tom Reed vowed not to raise taxes.");
  REQUIRE(find(q, "to raise taxes") != nullptr);
  q = run("Anna Kane is eager to debate the mayor.");
  REQUIRE(find(q, "to debate the mayor") != nullptr);
}

TEST_CASE("an object and a to-infinitive", "[quotes]") {
  auto q = run("Anna Kane urged Congress to act before the recess.");
  REQUIRE(find(q, "Congress to act before the recess") != nullptr);
  CHECK(find(q, "Congress to act before the recess")->mention == "Anna Kane");
  q = run("The governor called on lawmakers to pass the bill.");
  REQUIRE(find(q, "lawmakers to pass the bill") != nullptr);
}

TEST_CASE("raising cues: the subject and the complement, nobody speaking", "[quotes]") {
  auto q = run("The plan appeared to stall in the Senate.");
  REQUIRE(find(q, "The plan") != nullptr);
  REQUIRE(find(q, "to stall in the Senate") != nullptr);
  CHECK(find(q, "to stall in the Senate")->mention.empty());
  q = run("Luis Ortiz is widely expected to announce his bid.");
  REQUIRE(find(q, "Luis Ortiz") != nullptr);
  REQUIRE(find(q, "to announce his bid") != nullptr);
  q = run("Outside their bubble, the candidates are seen as a circus.");
  REQUIRE(find(q, "the candidates") != nullptr);
  REQUIRE(find(q, "a circus") != nullptr);
  q = run("Both Google and Facebook reportedly looked at the company and passed.");
  REQUIRE(find(q, "looked at the company and passed") != nullptr);
  // A relative subject is kept with its antecedent's word.
  q = run("The bill, which the Senate is expected to pass, returns power to the states.");
  REQUIRE(find(q, "which the Senate") != nullptr);
}

TEST_CASE("wh-clauses after asking and explaining", "[quotes]") {
  auto q = run("Asked whether he would run again, Anna Berg smiled.");
  REQUIRE(find(q, "whether he would run again") != nullptr);
  q = run("Anna Kane asked the mayor why the vote was delayed.");
  REQUIRE(find(q, "why the vote was delayed") != nullptr);
  CHECK(find(q, "why the vote was delayed")->mention == "Anna Kane");
  q = run("Tom Reed was asked about the pipeline.");
  REQUIRE(find(q, "the pipeline") != nullptr);
}

TEST_CASE("multi-word cues whose object is the content", "[quotes]") {
  auto q = run("Anna Kane called for a ban on the pesticide.");
  REQUIRE(find(q, "a ban on the pesticide") != nullptr);
  CHECK(find(q, "a ban on the pesticide")->mention == "Anna Kane");
  q = run("Tom Reed talked about his years in the Navy.");
  REQUIRE(find(q, "his years in the Navy") != nullptr);
  // "to" inside a cue is a word, not the tag: "referring to np".
  q = run("\"It is over,\" she said, referring to the old treaty.");
  REQUIRE(find(q, "the old treaty") != nullptr);
  CHECK(find(q, "the old treaty")->mention == "she");
}

TEST_CASE("attitudes: the object, up to a comma", "[quotes]") {
  auto q = run("Tom Reed criticized the treaty, which passed in May.");
  REQUIRE(find(q, "the treaty") != nullptr);
  CHECK(find(q, "the treaty")->mention == "Tom Reed");
  q = run("Tom Reed questioned her tactics, her judgment and her very decency.");
  REQUIRE(find(q, "her tactics, her judgment and her very decency") != nullptr);
  q = run("Most voters in Ohio support background checks for gun buyers.");
  REQUIRE(find(q, "background checks for gun buyers") != nullptr);
  q = run("She took the stage to criticize the new tax plan.");
  REQUIRE(find(q, "the new tax plan") != nullptr);
}

TEST_CASE("passive reports and judgments: the subject is content", "[quotes]") {
  auto q = run("The proposal was lambasted by Tom Reed.");
  REQUIRE(find(q, "The proposal") != nullptr);
  CHECK(find(q, "The proposal")->mention == "Tom Reed");
}

TEST_CASE("speech verbs: relative subjects, long appositives, medial cues", "[quotes]") {
  auto q = run("She released the emails, which she said were private.");
  REQUIRE(find(q, "which") != nullptr);
  REQUIRE(find(q, "were private") != nullptr);
  CHECK(find(q, "were private")->mention == "she");
  q = run("Jillian Chase, 27, a nurse in Dayton who has voted in every election, said the race rarely came up.");
  REQUIRE(find(q, "the race rarely came up") != nullptr);
  CHECK(find(q, "the race rarely came up")->mention == "Jillian Chase");
  q = run("In the poll, 47% say the United States should send more troops.");
  REQUIRE(find(q, "the United States should send more troops") != nullptr);
  q = run("The calls came from listeners to his radio program who said they had doubts about the plan.");
  REQUIRE(find(q, "they had doubts about the plan") != nullptr);
  q = run("The Clinton campaign says long lines kept many voters away.");
  REQUIRE(find(q, "long lines kept many voters away") != nullptr);
  q = run("Noting he studied law in Ohio, Tom Reed said he knows the courts.");
  REQUIRE(find(q, "he studied law in Ohio") != nullptr);
  CHECK(find(q, "he studied law in Ohio")->mention == "Tom Reed");
  q = run("If the bill fails, he said, the party will try again.");
  REQUIRE(find(q, "If the bill fails") != nullptr);
  REQUIRE(find(q, "the party will try again") != nullptr);
  q = run("Tom Reed said his rival was wrong because he thought the tax was fair.");
  REQUIRE(find(q, "his rival was wrong because he thought the tax was fair") != nullptr);
}

TEST_CASE("the words before a medial attribution of a direct quote", "[quotes]") {
  const auto q = run("As for the budget, Tom Reed said, \"We will find the money.\"");
  REQUIRE(find(q, "As for the budget") != nullptr);
  CHECK(find(q, "As for the budget")->kind == "indirect");
  CHECK(find(q, "As for the budget")->mention == "Tom Reed");
  REQUIRE(find(q, "We will find the money.") != nullptr);
  CHECK(find(q, "We will find the money.")->kind == "direct");
}

TEST_CASE("inverted and coordinated speakers, finite clauses after the verb", "[quotes]") {
  auto q = run("The contrast with Trump, said Doyle and others, would be clear.");
  REQUIRE(find(q, "The contrast with Trump") != nullptr);
  CHECK(find(q, "The contrast with Trump")->mention == "Doyle and others");
  REQUIRE(find(q, "would be clear") != nullptr);
  // After "say", a phrase followed by a finite verb is the clause's subject.
  q = run("Even the biggest hawks, like Rubio and Bush, say the bulk of the troops should be Arab fighters.");
  REQUIRE(find(q, "the bulk of the troops should be Arab fighters") != nullptr);
  CHECK(find(q, "the bulk of the troops should be Arab fighters")->mention == "the biggest hawks");
  // A sentence in parentheses ends at its parenthesis.
  q = run("(She says the photo made her cry.) The leaders left early.");
  REQUIRE(find(q, "the photo made her cry") != nullptr);
  // A new subject and verb after a comma start a clause of their own.
  q = run("She said the plan was a mistake, at the meeting this week she said it could work.");
  REQUIRE(find(q, "the plan was a mistake") != nullptr);
  REQUIRE(find(q, "it could work") != nullptr);
}

TEST_CASE("according to any source, on both sides of a medial one", "[quotes]") {
  auto q = run("About two million mothers live in Ohio, according to federal statistics.");
  REQUIRE(find(q, "About two million mothers live in Ohio") != nullptr);
  CHECK(find(q, "About two million mothers live in Ohio")->mention == "federal statistics");
  q = run("By Monday, according to new filings with the commission, the party had spent $2 million.");
  REQUIRE(find(q, "By Monday") != nullptr);
  REQUIRE(find(q, "the party had spent $2 million") != nullptr);
  CHECK(find(q, "the party had spent $2 million")->mention == "new filings with the commission");
}

TEST_CASE("a transcript's turns: the paragraph after a shouted name and a colon", "[quotes]") {
  const auto q = run(
      "TAPPER: And obviously, you are supporting him. Many voters are skeptical.\n"
      "Q: Where were you on that day? What did you find?");
  REQUIRE(find(q, "And obviously, you are supporting him. Many voters are skeptical") != nullptr);
  CHECK(find(q, "And obviously, you are supporting him. Many voters are skeptical")->mention == "TAPPER");
  REQUIRE(find(q, "Where were you on that day? What did you find") != nullptr);
  CHECK(find(q, "Where were you on that day? What did you find")->mention == "Q");
}

TEST_CASE("belief verbs: a quantifier subject, a medial cue", "[quotes]") {
  auto q = run("But few believe their relationship can ever be warm.");
  REQUIRE(find(q, "their relationship can ever be warm") != nullptr);
  CHECK(find(q, "their relationship can ever be warm")->mention == "few");
  q = run("His leverage, they believe, is not going anywhere.");
  REQUIRE(find(q, "His leverage") != nullptr);
  REQUIRE(find(q, "is not going anywhere") != nullptr);
  CHECK(find(q, "is not going anywhere")->mention == "they");
}

TEST_CASE("a reading nested inside a longer indirect content is not reported", "[quotes]") {
  const auto q = run("Tom Reed said Anna Kane supported the trade deal.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].content == "Anna Kane supported the trade deal");
  CHECK(q[0].mention == "Tom Reed");
}

TEST_CASE("the rest of a sentence with a direct quote, and an addressee after a final cue", "[quotes]") {
  auto q = run("\"I will never eat them again,\" Tom Reed said in August after the firm announced it was closing a bakery.");
  REQUIRE(find(q, "it was closing a bakery") != nullptr);
  CHECK(find(q, "it was closing a bakery")->mention == "the firm");
  q = run("The plan includes a special force, Anna Kane told a Senate panel on Wednesday.");
  REQUIRE(find(q, "The plan includes a special force") != nullptr);
  CHECK(find(q, "The plan includes a special force")->mention == "Anna Kane");
}

TEST_CASE("a coordinated verb with an object and a quotation ends the first content", "[quotes]") {
  const auto q = run("Rand Paul said the tax plan would help immigrants, and called him \"the leading proponent of amnesty.\"");
  REQUIRE(find(q, "the tax plan would help immigrants") != nullptr);
  REQUIRE(find(q, "him \"the leading proponent of amnesty.\"") != nullptr);
  CHECK(find(q, "him \"the leading proponent of amnesty.\"")->kind == "mixed");
}

TEST_CASE("a partial quote in single marks stays indirect", "[quotes]") {
  const auto q = run("Omar Khan said the campaign stirs 'ugliness' in the country.");
  REQUIRE(find(q, "the campaign stirs 'ugliness' in the country") != nullptr);
  CHECK(find(q, "the campaign stirs 'ugliness' in the country")->kind == "indirect");
}

TEST_CASE("extra cues extend the complement lexicon", "[quotes]") {
  const std::string text = "The mayor mulled that the tax was unfair.";
  CHECK(find(run(text), "that the tax was unfair") == nullptr);
  CHECK(find(run(text, {"mulled that"}), "that the tax was unfair") != nullptr);
  const std::string to = "The mayor yearned to leave office.";
  CHECK(find(run(to), "to leave office") == nullptr);
  CHECK(find(run(to, {"yearned to"}), "to leave office") != nullptr);
  const std::string np = "The mayor railed about the tax.";
  CHECK(find(run(np), "the tax") == nullptr);
  CHECK(find(run(np, {"railed about np"}), "the tax") != nullptr);
}

TEST_CASE("complement cues that must yield nothing", "[quotes]") {
  CHECK(run("The expected result came in late on Monday.").empty());
  CHECK(run("The report that was released on Monday ran long.").empty());
  CHECK(run("I think that we should go home now.").empty());
  CHECK(run("He tried to open the heavy door.").empty());
  CHECK(run("The pledged delegates met on Monday in Ohio.").empty());
  CHECK(run("She walked to the store to buy some bread.").empty());
}

TEST_CASE("a paragraph of many reported sentences finishes in linear time", "[quotes]") {
  std::string text;  // 2 MB, one paragraph, two complements a sentence
  while (text.size() < (2U << 20)) text += "Anna Berg said that it rained and the plan appeared to stall. ";
  const auto start = std::chrono::steady_clock::now();
  const auto q = run(text);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CHECK(ms < 3000);
  CHECK(q.size() > 30000);
}

TEST_CASE("an object before its subject: a relative word or, after a pronoun, a noun phrase", "[quotes]") {
  auto q = run("The harbor tax, which Mayor Lena Ortiz conceded after the vote, was repealed.");
  REQUIRE(find(q, "which") != nullptr);
  CHECK(find(q, "which")->mention == "Mayor Lena Ortiz");
  q = run("At least that is what the Ortiz campaign now hopes.");
  REQUIRE(find(q, "what") != nullptr);
  q = run("The pact is a deal she once supported.");
  REQUIRE(find(q, "a deal") != nullptr);
  CHECK(find(q, "a deal")->mention == "she");
  q = run("The council cut the fare increase he seeks.");
  REQUIRE(find(q, "the fare increase") != nullptr);
  // A preposition's object, a verb with an object of its own, the writer's "I": nothing.
  q = run("It was a speech in which he joked about the weather.");
  CHECK(find(q, "which") == nullptr);
  q = run("The mayor backed the plan that he supported the tax.");
  CHECK(find(q, "the plan") == nullptr);
  q = run("It is a view I support.");
  CHECK(find(q, "a view") == nullptr);
}

TEST_CASE("the words before a direct quote's attribution are read as a sentence", "[quotes]") {
  const auto q = run(
      "Nora Hale said the ferry would keep running, and asked about the cost, the 52-year-old mayor replied, "
      "\"We will find the money.\"");
  REQUIRE(find(q, "We will find the money.") != nullptr);
  bool found = false;
  for (const auto& x : q) found |= x.kind == "indirect" && x.content.rfind("the ferry would keep running", 0) == 0;
  CHECK(found);
}

TEST_CASE("one-word contents: an attitude's name or pronoun, a speech verb's so or yes", "[quotes]") {
  auto q = run("The union backed Ortiz. Later the mayor attacked him.");
  REQUIRE(find(q, "Ortiz") != nullptr);
  CHECK(find(q, "Ortiz")->mention == "The union");
  REQUIRE(find(q, "him") != nullptr);
  q = run("In May, 55 percent of the voters said so in a poll.");
  REQUIRE(find(q, "so") != nullptr);
  // An addressee is no content; a longer object keeps its phrase.
  q = run("Lena Ortiz told him about the vote.");
  CHECK(find(q, "him") == nullptr);
  q = run("The union backed Ortiz in the primary.");
  CHECK(find(q, "Ortiz") == nullptr);
}

TEST_CASE("a headline in title case: a capitalised speech verb is a cue", "[quotes]") {
  auto q = run("Mayor Lena Ortiz Says The Ferry Will Keep Running.\nThe ferry ran on Monday.");
  REQUIRE(find(q, "The Ferry Will Keep Running") != nullptr);
  CHECK(find(q, "The Ferry Will Keep Running")->mention == "Mayor Lena Ortiz");
  // Not in running text.
  q = run("The Says family said nothing.");
  CHECK(q.empty());
}

TEST_CASE("a contracted pronoun starts the reported clause", "[quotes]") {
  const auto q = run("Nora Hale has said for weeks he's the only candidate who can win.");
  REQUIRE(find(q, "he's the only candidate who can win") != nullptr);
  CHECK(find(q, "he's the only candidate who can win")->mention == "Nora Hale");
}

TEST_CASE("an attitude's object of two words at the sentence end", "[quotes]") {
  const auto q = run("Nora Hale, the council's leader, has long opposed the tax.");
  REQUIRE(find(q, "the tax") != nullptr);
  CHECK(find(q, "the tax")->mention == "Nora Hale");
}

TEST_CASE("an adverb inside a to-infinitive", "[quotes]") {
  const auto q = run("Mayor Lena Ortiz is not expected to publicly oppose the ferry plan.");
  REQUIRE(find(q, "to publicly oppose the ferry plan") != nullptr);
  REQUIRE(find(q, "Mayor Lena Ortiz") != nullptr);
}

TEST_CASE("an as-clause of report inside or at the end of a sentence", "[quotes]") {
  auto q = run("But as Nora Hale noted, the ferry will keep running through the winter.");
  REQUIRE(find(q, "the ferry will keep running through the winter") != nullptr);
  CHECK(find(q, "the ferry will keep running through the winter")->mention == "Nora Hale");
  q = run("Only a week ago, as the Harbor Gazette reported, the council met in secret.");
  REQUIRE(find(q, "the council met in secret") != nullptr);
  REQUIRE(find(q, "Only a week ago") != nullptr);
  q = run("The council never voted on the fare, as the mayor has said.");
  REQUIRE(find(q, "The council never voted on the fare") != nullptr);
  CHECK(find(q, "The council never voted on the fare")->mention == "the mayor");
  // A naming is no report.
  q = run("The harbor and the bay, as locals call them, froze last week.");
  CHECK(find(q, "froze last week") == nullptr);
}

TEST_CASE("known as, known for: the phrase and what it is known as", "[quotes]") {
  auto q = run("They campaigned in a county known for rewarding moderate candidates.");
  REQUIRE(find(q, "a county") != nullptr);
  REQUIRE(find(q, "rewarding moderate candidates") != nullptr);
  q = run("Nora Hale was known for her dislike of ferries.");
  REQUIRE(find(q, "Nora Hale") != nullptr);
  REQUIRE(find(q, "her dislike of ferries") != nullptr);
  q = run("The two harbor towns are widely seen as Ortiz strongholds.");
  REQUIRE(find(q, "Ortiz strongholds") != nullptr);
}

TEST_CASE("a clause between the cue and a direct quote; a relative object before 'as'", "[quotes]") {
  auto q = run("Nora Hale suggested the mayor had ignored the harbor workers - \"He never came once.\"");
  REQUIRE(find(q, "He never came once.") != nullptr);
  REQUIRE(find(q, "the mayor had ignored the harbor workers") != nullptr);
  CHECK(find(q, "the mayor had ignored the harbor workers")->mention == "Nora Hale");
  // Before a colon the words introduce the quote.
  q = run("Nora Hale said back in the summer of 2015: \"It is a big mistake.\"");
  CHECK(find(q, "back in the summer of 2015") == nullptr);
  q = run("The police walked beside the marchers, whom the mayor described as calm.");
  REQUIRE(find(q, "whom") != nullptr);
  CHECK(find(q, "whom")->mention == "the mayor");
}

TEST_CASE("examples after a comma belong to the content", "[quotes]") {
  const auto q = run("The mayor criticized several harbor projects, including the new ferry terminal.");
  REQUIRE(find(q, "several harbor projects, including the new ferry terminal") != nullptr);
}

TEST_CASE("a relative subject before a belief verb", "[quotes]") {
  auto q = run("The council passed the fare rule, which Nora Hale thinks will hurt commuters.");
  REQUIRE(find(q, "which") != nullptr);
  REQUIRE(find(q, "will hurt commuters") != nullptr);
  CHECK(find(q, "will hurt commuters")->mention == "Nora Hale");
  // After a verb of report "that" is no relative word.
  q = run("Bond prices fell sharply, implying that traders expect higher rates to hurt growth.");
  CHECK(find(q, "that") == nullptr);
}

TEST_CASE("a progressive cue: 'is saying', 'were backing'", "[quotes]") {
  auto q = run("The harbor workers were saying the ferry would stop in May.");
  REQUIRE(find(q, "the ferry would stop in May") != nullptr);
  CHECK(find(q, "the ferry would stop in May")->mention == "The harbor workers");
  q = run("Former Mayor Nora Hale is endorsing Lena Ortiz.");
  REQUIRE(find(q, "Lena Ortiz") != nullptr);
  // A passive still reads its subject, not an object.
  q = run("The mayor was criticized for the fare increase.");
  CHECK(find(q, "for the fare increase") == nullptr);
}

TEST_CASE("attitudes of portraying and ignoring", "[quotes]") {
  auto q = run("The mayor has largely ignored the harbor workers' demands.");
  REQUIRE(find(q, "the harbor workers' demands") != nullptr);
  q = run("Nora Hale portrayed the fare increase as a tax on the poor.");
  REQUIRE(find(q, "the fare increase as a tax on the poor") != nullptr);
}

TEST_CASE("attitudes of discussing and resisting", "[quotes]") {
  auto q = run("The two mayors will discuss a new ferry agreement.");
  REQUIRE(find(q, "a new ferry agreement") != nullptr);
  q = run("The council has resisted the fare increase for months.");
  REQUIRE(find(q, "the fare increase for months") != nullptr);
}

TEST_CASE("attitudes of contradicting and debunking", "[quotes]") {
  const auto q = run("The harbor report contradicted the mayor's account of the vote.");
  REQUIRE(find(q, "the mayor's account of the vote") != nullptr);
}

TEST_CASE("pushing back, doubling down: the object is content", "[quotes]") {
  const auto q = run("The harbor union pushed back against the new fare rules.");
  REQUIRE(find(q, "the new fare rules") != nullptr);
}

TEST_CASE("a wh-clause after any verb of speech or belief", "[quotes]") {
  auto q = run("The harbor board would not yet say whether the ferry can run in May.");
  REQUIRE(find(q, "whether the ferry can run in May") != nullptr);
  q = run("Nora Hale noted how happy she was to be home.");
  REQUIRE(find(q, "how happy she was to be home") != nullptr);
  // A relative clause is no content of the verb.
  q = run("The survey estimated 55 million voters who live in the region.");
  CHECK(find(q, "who live in the region") == nullptr);
}

TEST_CASE("any speech verb with an object and an infinitive", "[quotes]") {
  const auto q = run("Nora Hale begged the harbor board to delay the vote.");
  REQUIRE(find(q, "the harbor board to delay the vote") != nullptr);
  CHECK(find(q, "the harbor board to delay the vote")->mention == "Nora Hale");
}

TEST_CASE("a 'that' inside the reported clause is not its complementizer", "[quotes]") {
  auto q = run("Experts on the harbor said the new survey could change that.");
  REQUIRE(find(q, "the new survey could change that") != nullptr);
  q = run("Nora Hale said he understands how hard that can be.");
  REQUIRE(find(q, "he understands how hard that can be") != nullptr);
  // An adverbial may still stand before the complementizer.
  q = run("Nora Hale said on Tuesday that the ferry would run.");
  REQUIRE(find(q, "that the ferry would run") != nullptr);
}

TEST_CASE("'said no', 'said the same', and a clause after 'says,'", "[quotes]") {
  auto q = run("Asked about the fare, the harbor master said no.");
  REQUIRE(find(q, "no") != nullptr);
  q = run("Last month, 26 percent of the riders said the same.");
  REQUIRE(find(q, "the same") != nullptr);
  q = run("Mayor Nora Hale says, win or lose in the primary, she is staying in the race.");
  REQUIRE(find(q, "win or lose in the primary, she is staying in the race") != nullptr);
  // "No. 5" keeps its period.
  q = run("The ferry leaves from No. 5 Harbor Street, the mayor said.");
  REQUIRE(find(q, "The ferry leaves from No. 5 Harbor Street") != nullptr);
}

TEST_CASE("a relative word before the speaker of a reported clause", "[quotes]") {
  const auto q = run("The council kept the old pier, which Nora Hale says she will keep open all winter.");
  REQUIRE(find(q, "which") != nullptr);
  CHECK(find(q, "which")->mention == "Nora Hale");
  REQUIRE(find(q, "she will keep open all winter") != nullptr);
}

TEST_CASE("a second verb of its clause, 'yet', a subjectless attitude's name, an addressing verb's object", "[quotes]") {
  auto q = run("During the race, Mayor Hale ran on her record and accused Ortiz of wasting the harbor fund.");
  REQUIRE(find(q, "Ortiz of wasting the harbor fund") != nullptr);
  q = run("The harbor board hasn't yet endorsed that plan.");
  REQUIRE(find(q, "that plan") != nullptr);
  q = run("The union spent $8,000 on mailers to support Ortiz, but stayed away from the rallies.");
  REQUIRE(find(q, "Ortiz") != nullptr);
  q = run("The two mayors urged a strong stand, saying the fare rise was unfair.");
  REQUIRE(find(q, "a strong stand") != nullptr);
  // A person after such a verb is the addressee.
  q = run("Nora Hale urged the mayor.");
  CHECK(find(q, "the mayor") == nullptr);
}

TEST_CASE("a raising cue with a one-word complement, an adverb after 'to'", "[quotes]") {
  auto q = run("The harbor board appeared paralyzed.");
  REQUIRE(find(q, "The harbor board") != nullptr);
  REQUIRE(find(q, "paralyzed") != nullptr);
  q = run("The ferry line seems stable, but that could change.");
  REQUIRE(find(q, "stable") != nullptr);
  q = run("The harbor board is expected to again delay the vote.");
  REQUIRE(find(q, "to again delay the vote") != nullptr);
}

TEST_CASE("passives with an adverb or an agent before the complement", "[quotes]") {
  auto q = run("The harbor deal was first reported by the Harbor Gazette.");
  REQUIRE(find(q, "The harbor deal") != nullptr);
  CHECK(find(q, "Harbor Gazette") == nullptr);
  q = run("Nora Hale was asked by a reporter whether the ferry would run.");
  REQUIRE(find(q, "whether the ferry would run") != nullptr);
}

TEST_CASE("a verb that is also a noun, used as a verb after a noun subject", "[quotes]") {
  const auto q = run("The average of the harbor polls shows Ortiz leading Hale by four points.");
  REQUIRE(find(q, "Ortiz leading Hale by four points") != nullptr);
}

TEST_CASE("arguing in favor of, coming out against", "[quotes]") {
  const auto q = run("Nora Hale argued in favor of a second ferry line.");
  REQUIRE(find(q, "a second ferry line") != nullptr);
}

TEST_CASE("a reflexive object: 'calls himself a Democrat'", "[quotes]") {
  auto q = run("On harbor issues, more riders call themselves cautious than bold.");
  REQUIRE(find(q, "themselves cautious than bold") != nullptr);
  // "found himself in …" reports nothing.
  q = run("The mayor found himself in a long fight with the council.");
  CHECK(find(q, "himself in a long fight with the council") == nullptr);
}

TEST_CASE("a speech verb's two-word object at the sentence end", "[quotes]") {
  const auto q = run("A harbor board aide blasted the statement.");
  REQUIRE(find(q, "the statement") != nullptr);
  CHECK(find(q, "the statement")->mention == "A harbor board aide");
}

TEST_CASE("a final attribution before a semicolon", "[quotes]") {
  const auto q = run("To win the harbor seat, candidates need half the island vote, local analysts say; in 2012, Ortiz won 40 percent.");
  REQUIRE(find(q, "To win the harbor seat, candidates need half the island vote") != nullptr);
}

TEST_CASE("a final attribution after a subordinate clause reports the main clause", "[quotes]") {
  const auto q = run("Though the ferry riders complain about fares, there is no link between fares and ridership, harbor economists say.");
  REQUIRE(find(q, "there is no link between fares and ridership") != nullptr);
  CHECK(find(q, "there is no link between fares and ridership")->mention == "harbor economists");
}

TEST_CASE("belief verbs in -ing: 'are hoping …'", "[quotes]") {
  const auto q = run("Harbor officials are hoping the ferry will run again in May.");
  REQUIRE(find(q, "the ferry will run again in May") != nullptr);
  CHECK(find(q, "the ferry will run again in May")->mention == "Harbor officials");
}

TEST_CASE("a prepositional phrase between a cue and its that-clause", "[quotes]") {
  const auto q = run("Nora Hale had been told just before the vote that she would probably lose.");
  REQUIRE(find(q, "that she would probably lose") != nullptr);
}

TEST_CASE("a pronoun object with more after it: 'accused him of …', 'called him divisive'", "[quotes]") {
  const auto q = run("Nora Hale called him reckless and accused him of wasting the harbor fund.");
  REQUIRE(find(q, "him reckless") != nullptr);
  REQUIRE(find(q, "him of wasting the harbor fund") != nullptr);
  // An addressee is no content.
  CHECK(find(run("Nora Hale told him about the vote."), "him about the vote") == nullptr);
}

TEST_CASE("what a passive judgment is about; a long adverbial before 'that'", "[quotes]") {
  auto q = run("The harbor master was accused of a string of false reports.");
  REQUIRE(find(q, "The harbor master") != nullptr);
  REQUIRE(find(q, "a string of false reports") != nullptr);
  q = run("Nora Hale said Thursday during a town hall meeting in the old port, that the ferry would run.");
  REQUIRE(find(q, "that the ferry would run") != nullptr);
}

TEST_CASE("a subject gap with no relative word: 'a step they believe could help'", "[quotes]") {
  const auto q = run("The board backed the plan, a step its members believe could help the ferry.");
  REQUIRE(find(q, "could help the ferry") != nullptr);
}

TEST_CASE("nouns of intention with a to-infinitive", "[quotes]") {
  // (The infinitive, in the sentence's subject, ends before its verb.)
  const auto q = run("The council's determination to keep the ferry running surprised the mayor.");
  REQUIRE(find(q, "to keep the ferry running") != nullptr);
}

TEST_CASE("a three-word sentence: 'He denied it.'", "[quotes]") {
  const auto q = run("The mayor was asked about the fund. He denied it.");
  REQUIRE(find(q, "it") != nullptr);
  CHECK(find(q, "it")->mention == "He");
}

TEST_CASE("an appositive phrase as the object before its subject", "[quotes]") {
  const auto q = run("The board took a fifth of the fares, an arrangement the Ortiz campaign has criticized.");
  REQUIRE(find(q, "an arrangement") != nullptr);
  CHECK(find(q, "an arrangement")->mention == "the Ortiz campaign");
}

TEST_CASE("more people as speakers: 'participants said'", "[quotes]") {
  const auto q = run("To win their votes, participants said, the council must keep the ferry.");
  REQUIRE(find(q, "the council must keep the ferry") != nullptr);
  CHECK(find(q, "the council must keep the ferry")->mention == "participants");
}

TEST_CASE("a speech verb's 'of' phrase: 'warned of a recession'", "[quotes]") {
  auto q = run("Harbor economists warned of a long slump in ferry traffic.");
  REQUIRE(find(q, "a long slump in ferry traffic") != nullptr);
  // A noun is no verb: "at the urging of his wife".
  q = run("At the urging of his wife, the mayor stayed home.");
  CHECK(find(q, "his wife") == nullptr);
}

TEST_CASE("a belief verb's 'of' or 'about' phrase", "[quotes]") {
  const auto q = run("He has a year left to shape what voters think of the harbor plan.");
  REQUIRE(find(q, "the harbor plan") != nullptr);
}

TEST_CASE("an embedded post is its author's words", "[quotes]") {
  auto q = run("Harbor officials posted their thanks:\n<tweet author=\"HarborBoard\" tweet_id=\"1\">Thanks to every ferry rider today.</tweet>.");
  REQUIRE(find(q, "Thanks to every ferry rider today.") != nullptr);
  CHECK(find(q, "Thanks to every ferry rider today.")->mention == "HarborBoard");
  // A post that only quotes someone else, or a shouted headline, is not.
  q = run("<tweet author=\"@news\">BREAKING: the ferry is late.</tweet>");
  CHECK(find(q, "BREAKING: the ferry is late.") == nullptr);
  // An open tag with no end reports nothing, in linear time.
  CHECK_NOTHROW(run("<tweet author=\"x\">never closed"));
}

TEST_CASE("more verbs of saying: 'theorized', 'posited'", "[quotes]") {
  const auto q = run("Nora Hale theorized the ferry had been sold too cheaply.");
  REQUIRE(find(q, "the ferry had been sold too cheaply") != nullptr);
}

TEST_CASE("a parenthesis closing the content is left out", "[quotes]") {
  const auto q = run("Nora Hale said the ferry would keep running through the winter (it did not).");
  REQUIRE(find(q, "the ferry would keep running through the winter") != nullptr);
}

TEST_CASE("a belief verb's two-word content at the sentence end", "[quotes]") {
  const auto q = run("The rule is one that lawmakers still believe is necessary.");
  REQUIRE(find(q, "is necessary") != nullptr);
}

TEST_CASE("an -ing word inside a noun phrase does not end a content", "[quotes]") {
  auto q = run("The mayor proposed building a regional flood warning system and offered the county a loan.");
  REQUIRE(find(q, "building a regional flood warning system") != nullptr);
  CHECK(find(q, "building a regional flood warning system")->mention == "The mayor");
  q = run("Anna Kane backed a new early warning network for the coast.");
  REQUIRE(find(q, "a new early warning network for the coast") != nullptr);
  // (A participle after a comma is still a clause of its own.)
  q = run("Tom Reed criticized the budget, saying it cut too deeply.");
  REQUIRE(find(q, "the budget") != nullptr);
  REQUIRE(find(q, "it cut too deeply") != nullptr);
}

TEST_CASE("a noun's infinitive inside the subject ends before the sentence's verb", "[quotes]") {
  auto q = run("Oslo's anger over Swedish plans to build a dam on the river showed in the talks.");
  REQUIRE(find(q, "to build a dam on the river") != nullptr);
  // (after a fronted phrase and its comma)
  q = run("Despite the calm mood of the summit, Oslo's anger over Swedish plans to build a dam surfaced.");
  REQUIRE(find(q, "to build a dam") != nullptr);
  // (a clause of its own inside the infinitive's phrase is not cut at its verb)
  q = run("After the vote, some want to know if the port was sold.");
  CHECK(find(q, "to know if the port") == nullptr);
  REQUIRE(find(q, "if the port was sold") != nullptr);
  q = run("The council's plan to close the old library was a surprise to readers.");
  REQUIRE(find(q, "to close the old library") != nullptr);
  // (The cue may be the verb: a participle after the object stays in.)
  q = run("The city plans to sell the lot owned by the port.");
  REQUIRE(find(q, "to sell the lot owned by the port") != nullptr);
}

TEST_CASE("a verb that is also a noun after a bare plural noun", "[quotes]") {
  auto q = run("And ledgers show a second loan signed for the same farm.");
  REQUIRE(find(q, "a second loan signed for the same farm") != nullptr);
  // (a third-person verb after a noun may be the noun: nothing reported)
  q = run("The plan was meant to give states a break from the rules.");
  CHECK(find(q, "a break from the rules") == nullptr);
}

TEST_CASE("a thing just introduced and its name: 'a firm called X'", "[quotes]") {
  auto q = run("The campaign paid a polling firm called Northgate Analytics for the survey.");
  CHECK(find(q, "Northgate Analytics for the survey") == nullptr);
  CHECK(find(q, "Northgate Analytics") == nullptr);
  // (a naming by someone still reports)
  q = run("The mayor called Tom Reed a liar.");
  REQUIRE(find(q, "Tom Reed a liar") != nullptr);
}

TEST_CASE("'focused on' is a topic, not an attribution", "[quotes]") {
  const auto q = run("The second debate focused on the budget of the port.");
  CHECK(find(q, "the budget of the port") == nullptr);
}

TEST_CASE("'add' with a quantity counts, it does not speak", "[quotes]") {
  auto q = run("The port has added 4,000 jobs since the spring.");
  CHECK(find(q, "4,000 jobs since the spring") == nullptr);
  q = run("Tom Reed added roughly 300 new beds to the clinic.");
  CHECK(q.empty());
  q = run("The small savings added up to a large surplus.");
  CHECK(q.empty());
  // (a clause after "added" is still reported)
  q = run("Anna Kane added that 4,000 jobs would follow.");
  REQUIRE(find(q, "that 4,000 jobs would follow") != nullptr);
}

TEST_CASE("an attitude word after a possessive or a share is a noun", "[quotes]") {
  auto q = run("Among older voters, Kane's support fell by six points in a week.");
  CHECK(find(q, "fell by six points in a week") == nullptr);
  q = run("His 40% support gives him a clear lead over the field.");
  CHECK(find(q, "gives him a clear lead over the field") == nullptr);
  // (a quantifier is a subject: "most oppose it")
  q = run("Voters are divided, although most oppose the new toll.");
  REQUIRE(find(q, "the new toll") != nullptr);
}
