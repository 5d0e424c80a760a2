#include <docpipe/eval/predict.hpp>

#include <docpipe/framework/json_io.hpp>
#include <docpipe/sdk/error.hpp>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <fstream>

namespace docpipe::eval {

namespace {

// The document a pipeline sees for a gold record: its id, text and title.
Document input_document(const GoldDocument& gold) {
  Document doc{gold.id, gold.text};
  if (!gold.title.empty()) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.String(gold.title.data(), static_cast<rapidjson::SizeType>(gold.title.size()));
    doc.meta.emplace_back("title", std::string(buffer.GetString(), buffer.GetSize()));
  }
  return doc;
}

}  // namespace

std::vector<Prediction> predict(const Pipeline& pipeline, const std::vector<GoldDocument>& gold, std::size_t threads) {
  std::vector<Prediction> out(gold.size());
  tbb::task_arena arena(threads == 0 ? tbb::task_arena::automatic : static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, gold.size(), [&](std::size_t i) {
      Prediction& p = out[i];
      p.doc = input_document(gold[i]);
      // The pipeline may only see valid UTF-8; gold offsets stay valid when
      // nothing needed repair, which is the case for every shipped gold file.
      repair_utf8(p.doc.text);
      try {
        pipeline.process(p.doc);
      } catch (const std::exception& e) {
        p.error = e.what();
        p.doc = Document{gold[i].id, gold[i].text};
      }
    });
  });
  return out;
}

namespace {

// The line with "text" set from `text_for` when it has none (or the line as is).
std::string with_text(const std::string& line,
                      const std::function<const std::string*(const std::string& id)>& text_for) {
  if (!text_for) return line;
  rapidjson::Document json;
  json.Parse(line.data(), line.size());
  if (json.HasParseError() || !json.IsObject() || json.HasMember("text")) return line;
  auto id = json.FindMember("id");
  if (id == json.MemberEnd() || !id->value.IsString()) return line;
  const std::string* text = text_for(std::string(id->value.GetString(), id->value.GetStringLength()));
  if (text == nullptr) return line;
  json.AddMember("text", rapidjson::Value(text->data(), static_cast<rapidjson::SizeType>(text->size())),
                 json.GetAllocator());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  json.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

PredictionFile read_predictions(const std::filesystem::path& file,
                                const std::function<const std::string*(const std::string& id)>& text_for) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot open the prediction file", file.string()));
  PredictionFile out;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      Document doc = parse_document(with_text(line, text_for), fmt::format("{}:{}", file.string(), number));
      for (const auto& layer : doc.present_layers()) out.layers.insert(layer);
      const std::string id = doc.id;
      if (!out.documents.emplace(id, std::move(doc)).second) ++out.duplicates;
    } catch (const Error& e) {
      throw ConfigError(fmt::format("{}:{}: {}", file.string(), number, e.what()));
    }
  }
  return out;
}

}  // namespace docpipe::eval
