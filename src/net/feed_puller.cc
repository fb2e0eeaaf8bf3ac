#include "net/feed_puller.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "net/feed.h"
#include "net/feed_apply.h"

namespace kc::net {

namespace {

// The refusal a peer answered with, as an error here.
Status Refusal(const PeerReply& reply) {
  std::string code = "peer_refused";
  std::string message = "HTTP " + std::to_string(reply.status);
  auto j = nlohmann::json::parse(reply.body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const auto& e = j["error"];
    if (e.contains("code") && e["code"].is_string()) {
      message += " " + e["code"].get<std::string>().substr(0, 80);
    }
    if (e.contains("message") && e["message"].is_string()) {
      message += ": " + e["message"].get<std::string>().substr(0, 200);
    }
  }
  return Status::Error(ErrorKind::kUnavailable, code, "the partner refused the feed: " + message);
}

}  // namespace

Result<int64_t> FeedPuller::Pull(const Peer& peer) {
  std::array<uint8_t, NodeKey::kPublicKeyBytes> key{};
  if (!DecodePublicKey(peer.public_key, &key)) {
    return Status::Error(ErrorKind::kInternal, "bad_peer_key", "the stored key is not usable");
  }
  int64_t cursor = peer.feed_cursor;
  int64_t applied = 0;
  for (bool restarted = false;;) {
    const std::string path = "/api/v1/net/feed?after=" + std::to_string(cursor) +
                             "&limit=" + std::to_string(page_size_);
    auto reply = link_.GetSigned(peer.base_url, path, key, kMaxPage);
    if (!reply.ok()) return reply.status();
    if (reply->status == 410 && !restarted) {
      // §4: the cursor is older than the origin keeps; a full pass from 0 follows.
      cursor = 0;
      restarted = true;
      continue;
    }
    if (reply->status != 200) return Refusal(*reply);
    auto page = ParseFeedPage(reply->body, peer.node_id, peer.base_url, cursor);
    if (!page.ok()) return page.status();
    Status s = store_.Write([&](StoreTx& tx) -> Status {
      // The peer may have been suspended or removed meanwhile: then nothing is applied.
      auto now_peer = tx.net().GetPeer(peer.id);
      if (!now_peer.ok()) return now_peer.status();
      if (now_peer->status != PeerStatus::kActive) {
        return Status::Error(ErrorKind::kConflict, "peer_not_active",
                             "the partner is no longer active");
      }
      auto done = ApplyFeedPage(tx, *now_peer, *page, clock_.Now());
      if (!done.ok()) return done.status();
      applied += static_cast<int64_t>(page->entries.size());
      return Status::Ok();
    });
    if (!s.ok()) return s;
    cursor = page->next;
    if (!page->more) return applied;
  }
}

int64_t FeedPuller::PullAll() {
  std::vector<Peer> peers;
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto all = tx.net().ListPeers(PeerStatus::kActive);
    if (!all.ok()) return all.status();
    peers = std::move(*all);
    return Status::Ok();
  });
  if (!s.ok()) {
    spdlog::warn("reading the partner directory failed: {}", s.message());
    return 0;
  }
  int64_t total = 0;
  for (const Peer& peer : peers) {
    auto n = Pull(peer);
    if (n.ok()) {
      total += *n;
      if (!peer.sync_error.empty()) {
        spdlog::info("pulling the feed of {} works again", peer.node_id);
      }
      // A success with nothing new still records its time (and clears an old failure).
      Status w = store_.Write([&](StoreTx& tx) -> Status {
        auto now_peer = tx.net().GetPeer(peer.id);
        if (!now_peer.ok()) return now_peer.status();
        return tx.net().SetPeerSync(peer.id, now_peer->feed_cursor, clock_.Now(), "");
      });
      if (!w.ok()) spdlog::warn("recording the pull of {} failed: {}", peer.node_id, w.message());
      continue;
    }
    // "code: message": the admin's page words the code in the reader's language.
    const std::string error = (n.status().code() + ": " + n.status().message()).substr(0, 500);
    if (peer.sync_error != error) {
      spdlog::warn("pulling the feed of {} failed: {}", peer.node_id, error);
    }
    Status w = store_.Write([&](StoreTx& tx) -> Status {
      auto now_peer = tx.net().GetPeer(peer.id);
      if (!now_peer.ok()) return now_peer.status();
      return tx.net().SetPeerSync(peer.id, now_peer->feed_cursor, now_peer->synced_at, error);
    });
    if (!w.ok()) spdlog::warn("recording the pull of {} failed: {}", peer.node_id, w.message());
  }
  return total;
}

}  // namespace kc::net
