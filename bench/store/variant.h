// One way of reading listings, measured by bench/store (README.md): the store code from before
// the SQL layer, SOCI, that code's SQL over the SQL layer of src/store/sql, or the store as it
// runs now. Each read runs in a read-only transaction of its own, as
// Store::Read does, and returns a number derived from what it read (a checksum the driver
// compares between variants, and which keeps the work from being optimised away).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace kc::bench {

// The database every variant reads: a SQLite file or a PostgreSQL URL.
struct Target {
  bool postgres = false;
  std::string db;
};

class Variant {
 public:
  virtual ~Variant() = default;
  // Reads the whole listing `id`.
  virtual int64_t PointRead(int64_t id) = 0;
  // Reads a list page as the web pages do: the newest 20 published demands, summary columns
  // only, with the total.
  virtual int64_t ListPage() = 0;
};

// The store code before the SQL layer (the baseline): SqliteTx's and PostgresTx's reads,
// copied here.
std::unique_ptr<Variant> DirectVariant(const Target& target);
// SOCI 4.0.3 (sqlite3 and postgresql backends), statements prepared once and re-executed.
std::unique_ptr<Variant> SociVariant(const Target& target);
// The SQL layer (src/store/sql): the same SQL as the direct code, written once with `?`.
std::unique_ptr<Variant> LayerVariant(const Target& target);
// The store as it runs: OpenSqliteStore / OpenPostgresStore, Store::Read, GetListing and
// ListListings (SqlStore and SqlTx).
std::unique_ptr<Variant> StoreVariant(const Target& target);

// The checksum of a listing read by any variant.
inline int64_t Checksum(int64_t id, const std::string& title, const std::string& body,
                        int64_t updated_at) {
  return id * 31 + static_cast<int64_t>(title.size()) * 7 + static_cast<int64_t>(body.size()) +
         updated_at % 1000;
}

}  // namespace kc::bench
