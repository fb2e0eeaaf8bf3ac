#include "net/outbox_sender.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace kc::net {

namespace {

// What a refusal said: "status code: message" from the error shape, else the status.
std::string Refusal(const PeerReply& reply) {
  auto j = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  std::string out = std::to_string(reply.status);
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const auto& e = j["error"];
    if (e.contains("code") && e["code"].is_string()) out += " " + e["code"].get<std::string>();
    if (e.contains("message") && e["message"].is_string()) {
      out += ": " + e["message"].get<std::string>().substr(0, 300);
    }
  }
  return out;
}

// Whether the partner refused the message for good: a 4xx other than 408 (timeout), 429 (rate
// limited) and 403 peer_not_active (the partner suspended this node, and may resume it).
bool Final(const PeerReply& reply) {
  if (reply.status < 400 || reply.status >= 500 || reply.status == 408 || reply.status == 429) {
    return false;
  }
  return reply.status != 403 || Refusal(reply).find(" peer_not_active") == std::string::npos;
}

}  // namespace

int64_t OutboxSender::RetryDelay(int64_t attempts) {
  int64_t delay = kFirstRetrySeconds;
  for (int64_t i = 1; i < attempts && delay < kMaxRetrySeconds; ++i) delay *= 2;
  return std::min(delay, kMaxRetrySeconds);
}

Result<int64_t> OutboxSender::DeliverDue() {
  std::vector<NetTx::OutboxMessage> pending;
  std::map<int64_t, Peer> peers;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto p = tx.net().PendingMessages(1000);
    if (!p.ok()) return p.status();
    pending = std::move(*p);
    for (const auto& m : pending) {
      if (peers.count(m.peer_id)) continue;
      auto peer = tx.net().GetPeer(m.peer_id);
      if (!peer.ok()) return peer.status();
      peers[m.peer_id] = *peer;
    }
    return Status::Ok();
  }));
  int64_t delivered = 0;
  int64_t blocked_peer = 0;  // a peer whose earlier message is still waiting
  for (auto& m : pending) {
    if (m.peer_id == blocked_peer) continue;
    const Peer& peer = peers[m.peer_id];
    const int64_t now = clock_.Now();
    if (peer.status != PeerStatus::kActive || m.next_at > now) {
      blocked_peer = m.peer_id;
      continue;
    }
    auto reply = link_.Post(peer.base_url, m.path, m.body);
    ++m.attempts;
    if (reply.ok() && reply->status >= 200 && reply->status < 300) {
      m.status = "delivered";
      m.delivered_at = now;
      m.last_error.clear();
      ++delivered;
    } else if (reply.ok() && Final(*reply)) {
      m.status = "failed";
      m.last_error = Refusal(*reply);
      spdlog::warn("partner {} refused message {}: {}", peer.node_id, m.message_id, m.last_error);
    } else {
      m.last_error = reply.ok() ? Refusal(*reply) : reply.status().message();
      m.next_at = now + RetryDelay(m.attempts);
      blocked_peer = m.peer_id;
      if (m.attempts == 1) {
        spdlog::info("message {} to partner {} not delivered, retrying: {}", m.message_id,
                     peer.node_id, m.last_error);
      }
    }
    KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) { return tx.net().UpdateOutbox(m); }));
  }
  return delivered;
}

}  // namespace kc::net
