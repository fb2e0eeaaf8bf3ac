// The network between platforms (docs/network.md): the node document at
// /.well-known/kechuang-node, the partner directory (朋友圈) for admins at /net/peers, and the
// public list of partners at /partners.
#include "api/json_io.h"
#include "api/peer_json.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "net/http_signature.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

// Only `kechuang serve` makes the node's key and the directory; a platform without them is no
// network node.
http::Response NoNetwork() {
  return http::ErrorResponse(404, "not_found", "this platform is not a network node");
}

http::Response NodeDocument(Context& ctx, http::Request&) {
  if (ctx.node_document.empty()) return NoNetwork();
  http::Response r;
  r.body = ctx.node_document;
  r.AddHeader("Content-Type", "application/json");
  r.AddHeader("Cache-Control", "public, max-age=300");
  return r;
}

http::Response ListPeers(Context& ctx, http::Request& req) {
  if (!ctx.peers) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  std::optional<PeerStatus> status;
  if (const auto s = req.Query("status"); s && !s->empty()) {
    status = PeerStatusFromName(*s);
    if (!status) {
      return http::ErrorResponse(BadInput("invalid_parameter",
                                          "status is requested, active, suspended or removed",
                                          "status"));
    }
  }
  KC_ASSIGN_OR_RESPOND(peers, ctx.peers->List(*actor, status));
  json items = json::array();
  for (const auto& p : *peers) items.push_back(PeerJson(p));
  return JsonResponse(200, {{"items", items}});
}

http::Response GetPeer(Context& ctx, http::Request& req) {
  if (!ctx.peers) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(peer, ctx.peers->Get(*actor, *id));
  return JsonResponse(200, PeerJson(*peer));
}

http::Response AddPeer(Context& ctx, http::Request& req) {
  if (!ctx.peers) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(p, ReadNewPeer(*body));
  KC_ASSIGN_OR_RESPOND(added, ctx.peers->Add(*actor, p->base_url, p->fingerprint, p->frameworks));
  return JsonResponse(201, PeerJson(*added));
}

http::Response ChangePeer(Context& ctx, http::Request& req) {
  if (!ctx.peers) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(change, ReadPeerChange(*body));
  KC_ASSIGN_OR_RESPOND(changed, ctx.peers->Change(*actor, *id, *change));
  return JsonResponse(200, PeerJson(*changed));
}

http::Response ListPartners(Context& ctx, http::Request&) {
  if (!ctx.peers) return JsonResponse(200, {{"items", json::array()}});
  KC_ASSIGN_OR_RESPOND(peers, ctx.peers->ListPartners());
  json items = json::array();
  for (const auto& p : *peers) items.push_back(PartnerJson(p));
  return JsonResponse(200, {{"items", items}});
}

// The request as the signature covers it (docs/network.md §3).
net::ReceivedRequest Received(const http::Request& req) {
  net::ReceivedRequest r;
  r.method = std::string(http::bhttp::to_string(req.method()));
  r.path_and_query = std::string(req.target());
  r.body = req.body();
  r.headers = {std::string(req.Header("Content-Digest")), std::string(req.Header("Date")),
               std::string(req.Header("Signature-Input")), std::string(req.Header("Signature"))};
  return r;
}

// A whole number from 0 up in a query parameter, or `fallback` when absent.
std::optional<int64_t> Count(const std::optional<std::string>& text, int64_t fallback) {
  if (!text || text->empty()) return fallback;
  if (text->size() > 18 || text->find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(*text);
}

http::Response Feed(Context& ctx, http::Request& req) {
  if (!ctx.peer_auth || !ctx.feed || !ctx.node_key) return NoNetwork();
  const net::ReceivedRequest received = Received(req);
  KC_ASSIGN_OR_RESPOND(peer, ctx.peer_auth->Authenticate(received, /*need_active=*/true));
  const auto after = Count(req.Query("after"), 0);
  if (!after) {
    return http::ErrorResponse(
        BadInput("invalid_cursor", "after is a cursor from an earlier page, or 0", "after"));
  }
  const auto limit = Count(req.Query("limit"), net::kDefaultFeedLimit);
  if (!limit || *limit < 1 || *limit > net::kMaxFeedLimit) {
    return http::ErrorResponse(BadInput("invalid_limit", "limit is from 1 to 500", "limit"));
  }
  KC_ASSIGN_OR_RESPOND(page, ctx.feed->Page(*after, *limit));
  http::Response r;
  r.body = net::FeedPageJson(*page);
  r.AddHeader("Content-Type", "application/json");
  r.AddHeader("Cache-Control", "no-store");
  // Signed for this request (§3.1: the request's method and URI are covered).
  const auto sig = net::SignResponse(*ctx.node_key, 200, r.body, received.method,
                                     ctx.base_url + received.path_and_query, ctx.clock.Now(),
                                     net::NewNonce());
  r.AddHeader("Content-Digest", sig.content_digest);
  r.AddHeader("Date", sig.date);
  r.AddHeader("Signature-Input", sig.signature_input);
  r.AddHeader("Signature", sig.signature);
  return r;
}

// {"node": <node document>} of a §2 message.
Result<net::NodeDocument> NodeOf(const http::Request& req) {
  auto body = ParseObject(req.body());
  if (!body.ok()) return body.status();
  auto node = body->find("node");
  if (node == body->end() || !node->is_object()) {
    return BadInput("bad_node_document", "the body is {\"node\": <node document>}", "node");
  }
  return net::ParseNodeDocument(node->dump());
}

http::Response PeerRequest(Context& ctx, http::Request& req) {
  if (!ctx.peer_auth || !ctx.peers) return NoNetwork();
  if (Status s = ctx.peer_auth->AllowPeerRequest(ctx.ClientAddress(req)); !s.ok()) {
    return http::ErrorResponse(s);
  }
  KC_ASSIGN_OR_RESPOND(node, NodeOf(req));
  std::array<uint8_t, net::NodeKey::kPublicKeyBytes> key{};
  if (!net::DecodePublicKey(node->public_key, &key)) {
    return http::ErrorResponse(BadInput("bad_node_document", "public_key is not a key", "node"));
  }
  KC_ASSIGN_OR_RESPOND(signature, ctx.peer_auth->AuthenticateKey(Received(req), key));
  KC_ASSIGN_OR_RESPOND(peer, ctx.peers->Receive(*node));
  return JsonResponse(202, {{"status", PeerStatusName(peer->status)}});
}

http::Response PeerAccept(Context& ctx, http::Request& req) {
  if (!ctx.peer_auth || !ctx.peers) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(signer, ctx.peer_auth->Authenticate(Received(req), /*need_active=*/false));
  KC_ASSIGN_OR_RESPOND(node, NodeOf(req));
  if (node->node_id != signer->node_id) {
    return http::ErrorResponse(
        BadInput("bad_node_document", "the document is not the signer's", "node"));
  }
  KC_ASSIGN_OR_RESPOND(peer, ctx.peers->Accepted(*signer));
  return JsonResponse(200, {{"status", PeerStatusName(peer->status)}});
}

// §6: an inquiry or an inquiry's event from an active peer.
template <typename Receive>
http::Response Inquiry(Context& ctx, http::Request& req, Receive receive) {
  if (!ctx.peer_auth || !ctx.inquiries) return NoNetwork();
  KC_ASSIGN_OR_RESPOND(peer, ctx.peer_auth->Authenticate(Received(req), /*need_active=*/true));
  KC_ASSIGN_OR_RESPOND(receipt, receive(*peer, req.body()));
  http::Response r;
  r.status = receipt->status;
  r.body = receipt->body;
  r.AddHeader("Content-Type", "application/json");
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace

void RegisterNetRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(verb::get, "/.well-known/kechuang-node",
             Guarded([&ctx](http::Request& r) { return NodeDocument(ctx, r); }),
             {.summary = "The node document (docs/network.md §1.1): node id, name, base URL, "
                         "Ed25519 public key and its fingerprint, protocol versions, languages, "
                         "country",
              .tag = "network",
              .response = Obj({{"protocol", Str()},
                               {"versions", ListOf(Int())},
                               {"node_id", Str()},
                               {"name", Str()},
                               {"base_url", Str()},
                               {"public_key", Str()},
                               {"key_alg", Str()},
                               {"fingerprint", Str()},
                               {"languages", StrList()},
                               {"country", Str()}}),
              .errors = {404}});
  router.Add(verb::get, "/api/v1/partners",
             Guarded([&ctx](http::Request& r) { return ListPartners(ctx, r); }),
             {.summary = "The active partner platforms of the network (朋友圈), by name",
              .tag = "network",
              .response = Obj({{"items", ListOf(PartnerSchema())}})});
  router.Add(verb::get, "/api/v1/net/peers",
             Guarded([&ctx](http::Request& r) { return ListPeers(ctx, r); }),
             {.summary = "The partner directory with each peer's state (admins)",
              .tag = "network",
              .auth = true,
              .query_params = json::array(
                  {QueryParam("status", "requested, active, suspended or removed")}),
              .response = Obj({{"items", ListOf(PeerSchema())}}),
              .errors = {400, 401, 403, 404}});
  router.Add(verb::post, "/api/v1/net/peers",
             Guarded([&ctx](http::Request& r) { return AddPeer(ctx, r); }),
             {.summary = "Add a partner platform by its base URL and the key fingerprint its "
                         "admin gave (admins): its node document is fetched and must carry that "
                         "key (409 fingerprint_mismatch); it starts as requested",
              .tag = "network",
              .auth = true,
              .request_body = NewPeerSchema(),
              .success_status = 201,
              .response = PeerSchema(),
              .errors = {400, 401, 403, 404, 409, 422, 503}},
             // Fetching the partner's document waits on the network: never on an I/O thread.
             http::Pool::kBlocking);
  router.Add(verb::get, "/api/v1/net/peers/{id}",
             Guarded([&ctx](http::Request& r) { return GetPeer(ctx, r); }),
             {.summary = "One peer (admins)",
              .tag = "network",
              .auth = true,
              .response = PeerSchema(),
              .errors = {400, 401, 403, 404}});
  router.Add(verb::patch, "/api/v1/net/peers/{id}",
             Guarded([&ctx](http::Request& r) { return ChangePeer(ctx, r); }),
             {.summary = "Accept, suspend, resume or remove a peer, or correct its country and "
                         "cooperation frameworks (admins); 409 invalid_transition for a move "
                         "docs/network.md §2 does not allow",
              .tag = "network",
              .auth = true,
              .request_body = PeerChangeSchema(),
              .response = PeerSchema(),
              .errors = {400, 401, 403, 404, 409, 422}});
  const std::vector<int> signed_errors = {400, 401, 403, 404, 413, 429};
  router.Add(verb::get, "/api/v1/net/feed",
             Guarded([&ctx](http::Request& r) { return Feed(ctx, r); }),
             {.summary = "This node's listing feed for an active partner (docs/network.md §4): "
                         "a request signed with HTTP Message Signatures (§3), a signed answer",
              .tag = "network",
              .query_params = json::array(
                  {QueryParam("after", "the cursor of the previous page (next), 0 to begin"),
                   QueryParam("limit", "entries per page, 1 to 500, default 200")}),
              .response = Obj({{"node_id", Str()},
                               {"entries", {{"type", "array"}}},
                               {"next", Str()},
                               {"more", Bool()}}),
              .errors = signed_errors});
  router.Add(verb::post, "/api/v1/net/peer-requests",
             Guarded([&ctx](http::Request& r) { return PeerRequest(ctx, r); }),
             {.summary = "Another node asks to be a partner (docs/network.md §2 step 2), signed "
                         "with the key of the node document it sends; kept as requested until an "
                         "admin accepts",
              .tag = "network",
              .request_body = Obj({{"node", {{"type", "object"}}}}, {"node"}),
              .success_status = 202,
              .response = Obj({{"status", Str()}}),
              .errors = {400, 401, 404, 409, 413, 422, 429, 503}},
             // The sender's document is fetched from its base URL: never on an I/O thread.
             http::Pool::kBlocking);
  router.Add(verb::post, "/api/v1/net/peer-accept",
             Guarded([&ctx](http::Request& r) { return PeerAccept(ctx, r); }),
             {.summary = "A partner accepted this node's request (docs/network.md §2 step 3), "
                         "signed with the partner's key",
              .tag = "network",
              .request_body = Obj({{"node", {{"type", "object"}}}}, {"node"}),
              .response = Obj({{"status", Str()}}),
              .errors = {400, 401, 404, 409, 413}});
  router.Add(verb::post, std::string(net::kInquiriesPath),
             Guarded([&ctx](http::Request& r) {
               return Inquiry(ctx, r, [&ctx](const Peer& peer, std::string_view body) {
                 return ctx.inquiries->ReceiveInquiry(peer, body);
               });
             }),
             {.summary = "An active partner's member inquires about one of this node's shared "
                         "demands or achievements (docs/network.md §6.1), signed (§3): it opens "
                         "a deal at the intent stage here; a repeated inquiry id changes nothing",
              .tag = "network",
              .request_body = Obj({{"inquiry", {{"type", "object"}}}}, {"inquiry"}),
              .success_status = 201,
              .other_successes = {200},
              .response = Obj({{"inquiry", Obj({{"id", Str()}, {"deal_id", Str()}})}}),
              .errors = {400, 401, 403, 404, 409, 413, 422, 429}});
  router.Add(verb::post, std::string(net::kInquiryEventsPath),
             Guarded([&ctx](http::Request& r) {
               return Inquiry(ctx, r, [&ctx](const Peer& peer, std::string_view body) {
                 return ctx.inquiries->ReceiveEvent(peer, body);
               });
             }),
             {.summary = "A message, stage move or withdrawn proposal on the deal of one of the "
                         "partner's inquiries (docs/network.md §6.2), signed (§3); a repeated "
                         "event id changes nothing (\"applied\": false)",
              .tag = "network",
              .request_body = Obj({{"event", {{"type", "object"}}}}, {"event"}),
              .response = Obj({{"event", Obj({{"id", Str()}, {"applied", Bool()}})}}),
              .errors = {400, 401, 403, 404, 409, 413, 422, 429}});
}

}  // namespace kc::api
