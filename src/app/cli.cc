#include "app/cli.h"

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "app/platform.h"
#include "service/backup.h"
#include "service/crypto.h"
#include "service/ranker_trainer.h"

namespace kc::app {

namespace {

int Fail(const Status& s) {
  std::cerr << "kechuang: " << s.message() << std::endl;
  return s.kind() == ErrorKind::kBadInput ? 2 : 1;
}

// Ends a command with its failure.
#define KC_RETURN_IF_ERROR_CLI(expr)     \
  do {                                   \
    const Status _kc_s = (expr);         \
    if (!_kc_s.ok()) return Fail(_kc_s); \
  } while (0)

// Blocks until SIGINT or SIGTERM (blocked in every thread before the server starts).
void WaitForSignal(const sigset_t& set) {
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "Received " << (sig == SIGINT ? "SIGINT" : "SIGTERM")
            << "; finishing in-flight requests…" << std::endl;
}

// Lets the server keep as many connections as the system allows the process: the soft
// open-file limit (1,024 by default under systemd) is raised to the hard one, up to 2^20. The
// server's connection cap follows it (http/server.h).
void RaiseOpenFileLimit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t want = std::min<rlim_t>(rl.rlim_max, rlim_t{1} << 20);
  if (rl.rlim_cur >= want) return;
  rl.rlim_cur = want;
  (void)setrlimit(RLIMIT_NOFILE, &rl);
}

int Serve(const std::vector<std::string>& args) {
  auto config = ParseConfig(args);
  if (!config.ok()) return Fail(config.status());
  RaiseOpenFileLimit();
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
  Platform platform(*config);
  Status s = platform.CheckWritable();
  if (s.ok()) s = platform.Open();
  if (s.ok()) s = platform.Serve();
  if (!s.ok()) return Fail(s);
  std::cout << "Kechuang " << kVersion << " is serving http://" << config->server.host << ":"
            << platform.port() << "/  (data in " << config->data_dir << ")" << std::endl;
  WaitForSignal(set);
  platform.Stop();
  std::cout << "Stopped cleanly." << std::endl;
  return 0;
}

// Splits off the positional arguments, leaving the flags for ParseConfig.
std::vector<std::string> Positionals(std::vector<std::string>& args, size_t n) {
  std::vector<std::string> out, rest;
  for (size_t i = 0; i < args.size(); ++i) {
    bool flag_with_value = args[i] == "--data" || args[i] == "--db" || args[i] == "--format";
    if (args[i].starts_with("--")) {
      rest.push_back(args[i]);
      if (flag_with_value && i + 1 < args.size()) rest.push_back(args[++i]);
    } else if (out.size() < n) {
      out.push_back(args[i]);
    } else {
      rest.push_back(args[i]);
    }
  }
  args = rest;
  return out;
}

// Opens the data directory for a command other than serve: no demo data; without the search
// index unless `with_search` (so that import and export work beside a running server).
Result<std::unique_ptr<Platform>> OpenOffline(const std::vector<std::string>& flags,
                                              bool with_search) {
  auto config = ParseConfig(flags);
  if (!config.ok()) return config.status();
  config->demo = false;
  config->search = with_search;
  auto platform = std::make_unique<Platform>(*config);
  KC_RETURN_IF_ERROR(platform->Open());
  return platform;
}

Result<Actor> AdminActor(Platform& p) {
  Result<Actor> out = Unauthorized();
  KC_RETURN_IF_ERROR(p.store().Read([&](StoreTx& tx) {
    auto admin = tx.FindUserByName("admin");
    if (!admin.ok()) return admin.status();
    out = Actor::Of(*admin);
    return Status::Ok();
  }));
  return out;
}

int Import(std::vector<std::string> args) {
  auto pos = Positionals(args, 2);
  if (pos.size() != 2) return Fail(BadInput("usage", "usage: kechuang import KIND FILE"));
  auto kind = KindFromPlural(pos[0]);
  if (!kind) {
    return Fail(
        BadInput("usage", "KIND is demands, achievements, experts, talents or talent-demands"));
  }
  std::ifstream in(pos[1], std::ios::binary);
  if (!in) return Fail(BadInput("usage", "cannot read " + pos[1]));
  std::stringstream buf;
  buf << in.rdbuf();
  auto platform = OpenOffline(args, /*with_search=*/false);
  if (!platform.ok()) return Fail(platform.status());
  auto actor = AdminActor(**platform);
  if (!actor.ok()) return Fail(actor.status());
  ImportFormat format = pos[1].ends_with(".csv")     ? ImportFormat::kCsv
                        : pos[1].ends_with(".jsonl") ? ImportFormat::kJsonl
                                                     : ImportFormat::kAuto;
  auto report = (*platform)->context().importer.Import(*actor, *kind, buf.str(), format);
  if (!report.ok()) return Fail(report.status());
  for (const auto& f : report->failed) {
    std::cerr << pos[1] << ":" << f.line << ": " << f.error.message()
              << (f.error.field().empty() ? "" : " (" + f.error.field() + ")") << std::endl;
  }
  std::cout << "imported " << report->created << " " << pos[0] << ", " << report->failed.size()
            << " lines failed" << std::endl;
  return report->failed.empty() ? 0 : 3;
}

int Export(std::vector<std::string> args) {
  auto pos = Positionals(args, 1);
  if (pos.size() != 1) return Fail(BadInput("usage", "usage: kechuang export KIND"));
  auto kind = KindFromPlural(pos[0]);
  if (!kind) {
    return Fail(
        BadInput("usage", "KIND is demands, achievements, experts, talents or talent-demands"));
  }
  ExportFormat format = ExportFormat::kCsv;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) {
      format = args[++i] == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv;
    } else {
      rest.push_back(args[i]);
    }
  }
  auto platform = OpenOffline(rest, /*with_search=*/false);
  if (!platform.ok()) return Fail(platform.status());
  auto actor = AdminActor(**platform);
  if (!actor.ok()) return Fail(actor.status());
  auto data = (*platform)->context().exporter.Export(*actor, *kind, ListingQuery{}, format);
  if (!data.ok()) return Fail(data.status());
  std::cout << *data;
  return 0;
}

int Reindex(const std::vector<std::string>& args) {
  auto platform = OpenOffline(args, /*with_search=*/true);
  if (!platform.ok()) return Fail(platform.status());
  auto n = (*platform)->Reindex();
  if (!n.ok()) return Fail(n.status());
  std::cout << "indexed " << *n << " published listings" << std::endl;
  return 0;
}

int Backup(std::vector<std::string> args) {
  auto pos = Positionals(args, 1);
  if (pos.size() != 1) return Fail(BadInput("usage", "usage: kechuang backup FILE"));
  auto config = ParseConfig(args);
  if (!config.ok()) return Fail(config.status());
  KC_RETURN_IF_ERROR_CLI(InitCrypto());
  auto store = OpenStore(*config);
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  auto sum = WriteBackup(**store, config->data_dir, pos[0], clock.Now());
  if (!sum.ok()) return Fail(sum.status());
  std::cout << "backed up " << sum->tables << " tables, " << sum->rows << " rows, " << sum->files
            << " attachments to " << pos[0] << std::endl;
  return 0;
}

int Restore(std::vector<std::string> args) {
  auto pos = Positionals(args, 1);
  if (pos.size() != 1) return Fail(BadInput("usage", "usage: kechuang restore FILE"));
  auto config = ParseConfig(args);
  if (!config.ok()) return Fail(config.status());
  KC_RETURN_IF_ERROR_CLI(InitCrypto());
  auto store = OpenStore(*config);
  if (!store.ok()) return Fail(store.status());
  auto sum = RestoreBackup(**store, config->data_dir, pos[0]);
  if (!sum.ok()) return Fail(sum.status());
  std::cout << "restored " << sum->tables << " tables, " << sum->rows << " rows, " << sum->files
            << " attachments from " << pos[0] << std::endl;
  return 0;
}

// kechuang train-ranker: a re-ranker model from the published listings, written to
// DATA/ranker.json (service/ranker_trainer.h). --rounds and --max-listings are its own flags.
int TrainRanker(std::vector<std::string> args) {
  RankerTrainerOptions options;
  std::vector<std::string> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool own = args[i] == "--rounds" || args[i] == "--max-listings";
    if (!own) {
      flags.push_back(args[i]);
      continue;
    }
    if (i + 1 >= args.size()) return Fail(BadInput("usage", args[i] + " needs a number"));
    const std::string& v = args[++i];
    char* end = nullptr;
    const unsigned long n = std::strtoul(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n == 0 || n > 100000) {
      return Fail(BadInput("usage", args[i - 1] + " takes a number from 1 to 100000"));
    }
    if (args[i - 1] == "--rounds") {
      options.training.rounds = static_cast<int>(n);
    } else {
      options.max_listings = n;
    }
  }
  auto config = ParseConfig(flags);
  if (!config.ok()) return Fail(config.status());
  KC_RETURN_IF_ERROR_CLI(InitCrypto());
  auto store = OpenStore(*config);
  if (!store.ok()) return Fail(store.status());
  std::unique_ptr<search::Translator> translator;
  if (auto t = search::Translator::Load(config->cedict); t.ok()) {
    translator = std::move(*t);
  } else {
    std::cerr << "kechuang: " << t.status().message() << "; translating with the glossary only"
              << std::endl;
    translator = search::Translator::GlossaryOnly();
  }
  auto report = TrainRankerFromStore(**store, config->data_dir, translator.get(), options);
  if (!report.ok()) return Fail(report.status());
  std::cout << "trained on " << report->listings << " listings: " << report->queries.kept << " of "
            << report->queries.queries
            << " title and keyword queries found their listing; model written to " << report->path
            << std::endl;
  return 0;
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::cout << Usage();
    return args.empty() ? 2 : 0;
  }
  std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "serve") return Serve(args);
  if (cmd == "import") return Import(args);
  if (cmd == "export") return Export(args);
  if (cmd == "reindex") return Reindex(args);
  if (cmd == "backup") return Backup(args);
  if (cmd == "restore") return Restore(args);
  if (cmd == "train-ranker") return TrainRanker(args);
  if (cmd == "version" || cmd == "--version") {
    std::cout << "kechuang " << kVersion << std::endl;
    return 0;
  }
  std::cerr << "kechuang: unknown command '" << cmd << "'\n\n" << Usage();
  return 2;
}

}  // namespace kc::app
