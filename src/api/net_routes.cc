// The network between platforms (docs/network.md): the node document at
// /.well-known/kechuang-node, the partner directory (朋友圈) for admins at /net/peers, and the
// public list of partners at /partners.
#include "api/json_io.h"
#include "api/peer_json.h"
#include "api/routes.h"
#include "api/schemas.h"

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
}

}  // namespace kc::api
