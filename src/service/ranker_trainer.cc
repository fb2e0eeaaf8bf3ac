#include "service/ranker_trainer.h"

#include <filesystem>

#include "core/atomic_file.h"

namespace kc {
namespace {

constexpr int64_t kPage = 500;

// Every published listing, in id order, a page at a time (keyset paging).
Result<std::vector<Listing>> PublishedListings(Store& store) {
  std::vector<Listing> listings;
  KC_RETURN_IF_ERROR(store.Read([&](StoreTx& tx) -> Status {
    ListingQuery q;
    q.statuses = {ListingStatus::kPublished};
    q.sort = ListingSort::kOldest;
    q.limit = kPage;
    q.count_total = false;
    q.id_from = 0;
    while (true) {
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      for (Listing& l : page->items) listings.push_back(std::move(l));
      if (static_cast<int64_t>(page->items.size()) < kPage) return Status::Ok();
      q.id_from = listings.back().id + 1;
    }
  }));
  return listings;
}

// At most n of listings, evenly spread.
std::vector<Listing> Spread(std::vector<Listing> listings, size_t n) {
  if (n == 0 || listings.size() <= n) return listings;
  std::vector<Listing> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(std::move(listings[i * listings.size() / n]));
  return out;
}

}  // namespace

Result<RankerTrainerReport> TrainRankerFromStore(Store& store, const std::string& data_dir,
                                                 const search::Translator* translator,
                                                 const RankerTrainerOptions& options) {
  Result<std::vector<Listing>> listings = PublishedListings(store);
  KC_RETURN_IF_ERROR(listings);
  const std::vector<Listing> chosen = Spread(std::move(*listings), options.max_listings);
  RankerTrainerReport report;
  report.listings = chosen.size();
  const std::string scratch = data_dir + "/ranker-training";
  Result<std::string> model = search::TrainRankerOnListings(
      chosen, scratch, translator, options.data, options.training, &report.queries);
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
  KC_RETURN_IF_ERROR(model);
  report.path = data_dir + "/" + kRankerFile;
  KC_RETURN_IF_ERROR(WriteFileAtomically(report.path, *model));
  return report;
}

}  // namespace kc
