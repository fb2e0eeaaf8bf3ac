// What every handler shares: the services, and turning a request's credentials into an Actor.
#pragma once

#include <string>

#include "api/client_address.h"
#include "api/visitor_cache.h"
#include "core/clock.h"
#include "http/message.h"
#include "http/router.h"
#include "net/feed.h"
#include "net/inquiries.h"
#include "net/node_key.h"
#include "net/peer_auth.h"
#include "net/peers.h"
#include "service/accounts.h"
#include "service/action_plans.h"
#include "service/actor.h"
#include "service/campaigns.h"
#include "service/challenges.h"
#include "service/deals.h"
#include "service/events.h"
#include "service/exporter.h"
#include "service/importer.h"
#include "service/indexer.h"
#include "service/listings.h"
#include "service/news.h"
#include "service/offshore_bases.h"
#include "service/orgs.h"
#include "service/programme_bodies.h"
#include "service/search_service.h"
#include "service/statistics.h"
#include "service/subscriptions.h"

namespace kc::api {

struct Context {
  Accounts& accounts;
  Orgs& orgs;
  Listings& listings;
  Importer& importer;
  Exporter& exporter;
  const Clock& clock;
  std::string version;
  bool secure_cookies = false;                    // add "Secure" to cookies (behind HTTPS)
  SearchService* search = nullptr;                // search and matching
  Subscriptions* subscriptions = nullptr;         // saved searches, follows, notifications
  Deals* deals = nullptr;                         // technology transactions
  Challenges* challenges = nullptr;               // 揭榜挂帅
  Statistics* stats = nullptr;                    // dashboard figures, agencies' records
  News* news = nullptr;                           // 新闻资讯
  Campaigns* campaigns = nullptr;                 // 榜单与奖项
  ProgrammeBodies* programme_bodies = nullptr;    // 咨询委员会与联合体
  Events* events = nullptr;                       // 对接会、路演与年会
  OffshoreBases* bases = nullptr;                 // 海外人才离岸创新创业基地
  ActionPlans* plans = nullptr;                   // 三年行动计划
  const Indexer* indexer = nullptr;               // keeps the search index in step (for /health)
  const search::RankerSource* rankers = nullptr;  // the re-ranking model in use (for /health)
  net::Peers* peers = nullptr;                    // the partner directory (朋友圈), when serving
  net::PeerAuth* peer_auth = nullptr;             // checks other nodes' signed requests
  net::FeedSource* feed = nullptr;                // this node's listing feed
  net::Inquiries* inquiries = nullptr;            // inquiries from and to partners
  const net::NodeKey* node_key = nullptr;         // signs this node's feed answers
  VisitorCache* visitor_cache = nullptr;          // visitors' answers kept between writes
  std::string data_dir;                           // probed by /health: does it take a file?
  TrustedProxies proxies;                         // whose X-Forwarded-For is believed

  // The client's address: the connection's peer, or the client a trusted proxy forwarded for.
  std::string ClientAddress(const http::Request& req) const {
    return proxies.ClientOf(req.remote(), req.Header("X-Forwarded-For"));
  }
  // How readers reach the platform ("https://kc.example.org", no trailing slash): the base of
  // absolute links (sitemap, canonical URLs, feeds). Configured, never a request's Host.
  std::string base_url = "http://localhost";
  // This node's document in the network (docs/network.md §1.1) as served, JSON; empty when the
  // platform is not serving as a node.
  std::string node_document;

  // The caller: from "Authorization: Bearer TOKEN" or the kc_session cookie. A bad bearer token
  // is 401; a stale cookie counts as a visitor. For writes (`write`) with a cookie session the
  // X-CSRF-Token header must equal the session's CSRF token (403 "csrf_failed").
  Result<Actor> Authenticate(const http::Request& req, bool write);
};

// Wraps a handler so that an exception becomes a logged 500, never a dead connection.
http::Handler Guarded(http::Handler handler);

}  // namespace kc::api
