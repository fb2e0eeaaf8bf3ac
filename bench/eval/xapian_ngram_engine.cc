#include <xapian.h>

#include <filesystem>
#include <set>

#include "eval/engine.h"

namespace kc::eval {
namespace {

class XapianNgramEngine : public Engine {
 public:
  std::string name() const override { return "xapian-ngram"; }

  Status Build(const std::vector<Doc>& docs, const std::string& work_dir) override {
    const std::string dir = work_dir + "/xapian-ngram";
    std::filesystem::remove_all(dir);
    try {
      Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
      tg.set_stemmer(Xapian::Stem("english"));
      tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      for (const Doc& d : docs) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(d.title);
        tg.increase_termpos();
        tg.index_text(d.body);
        doc.set_data(d.id);
        db.add_document(doc);
      }
      db.commit();
      db_ = Xapian::Database(dir);
    } catch (const Xapian::Error& e) {
      return Internal("xapian-ngram: " + e.get_description());
    }
    return Status::Ok();
  }

  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    std::vector<std::string> ids;
    try {
      Xapian::Document qdoc;
      Xapian::TermGenerator tg;
      tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
      tg.set_stemmer(Xapian::Stem("english"));
      tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      tg.set_document(qdoc);
      tg.index_text(query);
      std::vector<Xapian::Query> terms;
      for (auto it = qdoc.termlist_begin(); it != qdoc.termlist_end(); ++it) {
        terms.emplace_back(*it, it.get_wdf());
      }
      Xapian::Enquire enquire(db_);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
      const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        ids.push_back(it.get_document().get_data());
      }
    } catch (const Xapian::Error& e) {
      return Internal("xapian-ngram: " + e.get_description());
    }
    return ids;
  }

 private:
  Xapian::Database db_;
};

}  // namespace

std::unique_ptr<Engine> MakeXapianNgramEngine() { return std::make_unique<XapianNgramEngine>(); }

}  // namespace kc::eval
