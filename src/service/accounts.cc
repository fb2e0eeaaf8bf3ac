#include "service/accounts.h"

#include "core/email.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/crypto.h"
#include "service/orgs.h"
#include "service/user_policy.h"

namespace kc {

namespace {

constexpr size_t kMaxChallengeBytes = 4096;
constexpr size_t kMaxClientBytes = 64;  // an IPv6 address has at most 45 characters

// A hash of a random password with the same parameters as real ones: checked against when the
// user name is unknown, so that it takes as long as a wrong password for a real user.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto h = HashPassword(RandomPassword());
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

// Holds one of `limit` places in `in_use` while alive; `held()` is false when all were taken.
class Place {
 public:
  Place(std::atomic<int>& in_use, int limit) : in_use_(in_use) {
    held_ = in_use_.fetch_add(1) < limit;
    if (!held_) in_use_.fetch_sub(1);
  }
  ~Place() {
    if (held_) in_use_.fetch_sub(1);
  }
  Place(const Place&) = delete;
  Place& operator=(const Place&) = delete;
  bool held() const { return held_; }

 private:
  std::atomic<int>& in_use_;
  bool held_ = false;
};

std::string BoundedClient(const std::string& client) {
  return client.size() <= kMaxClientBytes ? client : client.substr(0, kMaxClientBytes);
}

}  // namespace

Status ValidateUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 32) {
    return Invalid("username", "invalid_username", "a user name has 3 to 32 characters");
  }
  for (char c : u) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Invalid("username", "invalid_username",
                     "a user name uses only letters, digits, '.', '_' and '-'");
    }
  }
  if (u[0] == '.' || u[0] == '_' || u[0] == '-') {
    return Invalid("username", "invalid_username", "a user name starts with a letter or digit");
  }
  return Status::Ok();
}

namespace {
Status ValidateProfile(const std::string& display_name, const std::string& email) {
  if (display_name.empty()) return Invalid("display_name", "required", "display_name is required");
  if (!IsValidUtf8(display_name) || display_name.size() > 200) {
    return Invalid("display_name", "invalid_display_name", "display_name is too long or not UTF-8");
  }
  if (!email.empty()) {
    if (!IsEmailAddress(email)) return Invalid("email", "invalid_email", "not an e-mail address");
  }
  return Status::Ok();
}
}  // namespace

Result<User> Accounts::Register(const RegisterRequest& r, int64_t* retry_after) {
  KC_RETURN_IF_ERROR(ValidateUsername(r.username));
  KC_RETURN_IF_ERROR(ValidatePassword(r.password, r.username));
  KC_RETURN_IF_ERROR(ValidateProfile(r.display_name, r.email));
  if (r.challenge.size() > kMaxChallengeBytes) {
    return Invalid("challenge", "too_long", "the challenge answer is too long");
  }
  if (r.org_id && r.org) {
    return Invalid("org", "conflicting_fields", "give org_id or org, not both");
  }
  if (r.org) {
    Org probe = *r.org;
    KC_RETURN_IF_ERROR(ValidateOrg(probe));
  }
  if (registration_check_) KC_RETURN_IF_ERROR(registration_check_(r));
  // Refused at once, before anything is written, when other registrations are hashing.
  Place hashing(registrations_hashing_, policy_.registration_hashers);
  if (!hashing.held()) {
    if (retry_after) *retry_after = 1;
    return Status::Error(ErrorKind::kUnavailable, "busy",
                         "the server is busy registering others; try again in a moment");
  }
  const std::string client = BoundedClient(r.client);
  // Counted before hashing, whatever comes of it: a flood pays for itself.
  int64_t wait = 0;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    const int64_t now = clock_.Now();
    auto w = RegistrationWait(tx, policy_.throttle, client, now);
    if (!w.ok()) return w.status();
    wait = *w;
    return wait > 0 ? Status::Ok() : RecordRegistration(tx, policy_.throttle, client, now);
  }));
  if (wait > 0) {
    if (retry_after) *retry_after = wait;
    return Status::Error(ErrorKind::kTooMany, "too_many_registrations",
                         "too many registrations from this address; try again later");
  }
  auto hash = HashPassword(r.password);
  if (!hash.ok()) return hash.status();
  User user;
  user.username = r.username;
  user.display_name = r.display_name;
  user.email = r.email;
  user.password_hash = *hash;
  user.role = Role::kMember;
  user.org_role = r.org ? OrgRole::kAdmin : OrgRole::kMember;
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    int64_t now = clock_.Now();
    auto existing = tx.FindUserByName(user.username);
    if (existing.ok()) return Conflict("username_taken", "this user name is taken", "username");
    std::optional<Org> to_join;
    if (r.org_id) {
      auto org = tx.GetOrg(*r.org_id);
      if (!org.ok()) return Invalid("org_id", "unknown_org", "no organisation with this id");
      to_join = *org;
    }
    if (r.org) {
      auto org = Orgs::CreateIn(tx, *r.org, std::nullopt, now);
      if (!org.ok()) return org.status();
      user.org_id = org->id;
    }
    user.created_at = now;
    auto id = tx.InsertUser(user);
    if (!id.ok()) return id.status();
    user.id = *id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(now, user.id, "user", user.id, "register", {{"username", user.username}})));
    // Joining an existing organisation is only a request until one of its admins approves.
    return to_join ? Orgs::RequestIn(tx, user, *to_join, now) : Status::Ok();
  });
  if (!s.ok()) return s;
  return user;
}

Result<SignIn> Accounts::Login(const std::string& username, const std::string& password,
                               const std::string& client_address, int64_t* retry_after) {
  // Bounded before anything is looked up, hashed or remembered; nothing of either is echoed.
  if (username.size() > kMaxLoginNameBytes) {
    return BadInput("too_long", "a user name has at most 32 characters", "username");
  }
  if (password.size() > kMaxPasswordBytes) {
    return BadInput("too_long", "a password has at most 128 characters", "password");
  }
  const int64_t now = clock_.Now();
  const std::string client = BoundedClient(client_address);
  // A name no account can have is remembered as "" (its failures count for the client).
  const std::string name = ValidateUsername(username).ok() ? username : std::string();
  int64_t wait = 0;
  Result<User> user = Unauthorized();
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto w = LoginWait(tx, policy_.throttle, name, client, now);
    if (!w.ok()) return w.status();
    wait = *w;
    if (wait > 0 || name.empty()) return Status::Ok();
    user = tx.FindUserByName(name);
    return user.ok() || user.status().kind() == ErrorKind::kNotFound ? Status::Ok() : user.status();
  });
  if (!s.ok()) return s;
  if (wait > 0) {
    if (retry_after) *retry_after = wait;
    return Status::Error(ErrorKind::kTooMany, "too_many_attempts",
                         "too many failed sign-ins from here; wait before trying again");
  }
  // A password is checked whether or not the user exists, so both take the same time.
  const bool matches = VerifyPassword(password, user.ok() ? user->password_hash : DummyHash());
  if (!matches || !user.ok() || user->disabled) {
    KC_RETURN_IF_ERROR(store_.Write(
        [&](StoreTx& tx) { return RecordLoginFailure(tx, policy_.throttle, name, client, now); }));
    return Status::Error(ErrorKind::kUnauthorized, "bad_credentials",
                         "wrong user name or password");
  }
  SignIn out;
  out.user = *user;
  out.token = RandomHex(32);
  out.csrf_token = RandomHex(16);
  out.expires_at = now + kSessionLifetime;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(ClearLoginFailures(tx, name, client));
    Session session{TokenHash(out.token), out.user.id, out.csrf_token, now, out.expires_at};
    return tx.InsertSession(session);
  }));
  return out;
}

Status Accounts::Logout(const std::string& token) {
  return store_.Write([&](StoreTx& tx) { return tx.DeleteSession(TokenHash(token)); });
}

Result<Authenticated> Accounts::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return Unauthorized("invalid session");
  Result<Authenticated> out = Unauthorized("invalid session");
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto session = tx.GetSession(TokenHash(token));
    if (!session.ok()) {
      return session.status().kind() == ErrorKind::kNotFound ? Status::Ok() : session.status();
    }
    if (session->expires_at < clock_.Now()) return Status::Ok();
    auto user = tx.GetUser(session->user_id);
    if (!user.ok() || user->disabled) return Status::Ok();
    out = Authenticated{*user, *session};
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!out.ok()) return Unauthorized("the session has expired or was ended; sign in again");
  return out;
}

Result<std::string> Accounts::EnsureAdmin(const std::optional<std::string>& password) {
  bool exists = false;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    exists = tx.FindUserByName("admin").ok();
    return Status::Ok();
  }));
  if (exists) return std::string();
  const bool chosen = password && !password->empty();
  std::string pw = chosen ? *password : RandomPassword();
  if (chosen) KC_RETURN_IF_ERROR(ValidatePassword(pw, "admin"));
  auto hash = HashPassword(pw);
  if (!hash.ok()) return hash.status();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    if (tx.FindUserByName("admin").ok()) return Status::Ok();
    // The platform's own organisation: what admins post and import belongs to it.
    Org platform;
    platform.name = kPlatformOrgName;
    platform.type = OrgType::kServiceAgency;
    platform.description = "The operator of this platform (平台运营方).";
    auto org = Orgs::CreateIn(tx, platform, std::nullopt, clock_.Now());
    if (!org.ok()) return org.status();
    User admin;
    admin.org_id = org->id;
    admin.username = "admin";
    admin.display_name = "Administrator";
    admin.role = Role::kAdmin;
    admin.org_role = OrgRole::kAdmin;
    admin.password_hash = *hash;
    admin.created_at = clock_.Now();
    auto id = tx.InsertUser(admin);
    if (!id.ok()) return id.status();
    return tx.AppendAudit(AuditOf(admin.created_at, std::nullopt, "user", *id, "bootstrap", {}));
  }));
  return chosen ? std::string() : pw;
}

Result<User> Accounts::Get(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<User> out = User{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    out = tx.GetUser(id);
    if (!out.ok()) return out.status();
    if (!CanViewUser(actor, *out)) return NotFound("user");
    return Status::Ok();
  }));
  return out;
}

Result<Page<User>> Accounts::List(const Actor& actor, const UserQuery& query) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanListUsers(actor)) return Forbidden("only admins list users");
  Result<Page<User>> out = Page<User>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    out = tx.ListUsers(query);
    return out.status();
  }));
  return out;
}

Result<User> Accounts::Update(const Actor& actor, int64_t id, const UserPatch& p) {
  if (!actor.signed_in()) return Unauthorized();
  bool self = actor.user->id == id;
  if (!CanEditUser(actor, id)) return Forbidden("you may edit only your own account");
  if ((p.role || p.org_role || p.disabled) && !CanChangeRoles(actor)) {
    return Forbidden("only admins change roles or disable accounts");
  }
  std::optional<std::string> new_hash;
  if (p.password) {
    std::string username = actor.user->username;
    if (!self) {
      KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
        auto user = tx.GetUser(id);
        if (!user.ok()) return user.status();
        username = user->username;
        return Status::Ok();
      }));
    }
    KC_RETURN_IF_ERROR(ValidatePassword(*p.password, username));
    if (NeedsCurrentPassword(actor, id)) {
      if (!p.current_password || p.current_password->size() > kMaxPasswordBytes ||
          !VerifyPassword(*p.current_password, actor.user->password_hash)) {
        return Invalid("current_password", "bad_credentials", "the current password is wrong");
      }
    }
    auto h = HashPassword(*p.password);
    if (!h.ok()) return h.status();
    new_hash = *h;
  }
  Result<User> out = User{};
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto user = tx.GetUser(id);
    if (!user.ok()) return user.status();
    User u = *user;
    if (p.display_name) u.display_name = *p.display_name;
    if (p.email) u.email = *p.email;
    KC_RETURN_IF_ERROR(ValidateProfile(u.display_name, u.email));
    if (p.role) {
      auto role = RoleFromName(*p.role);
      if (!role) {
        return Invalid("role", "invalid_role",
                       *p.role == "org_admin"
                           ? "org_admin is a role within an organisation: set org_role"
                           : "a role is member, reviewer, editor or admin");
      }
      u.role = *role;
    }
    if (p.org_role) {
      auto org_role = OrgRoleFromName(*p.org_role);
      if (!org_role) {
        return Invalid("org_role", "invalid_role", "an organisation role is member or org_admin");
      }
      if (!u.org_id) {
        return Invalid("org_role", "invalid_role", "the user belongs to no organisation");
      }
      u.org_role = *org_role;
    }
    if (p.disabled) u.disabled = *p.disabled;
    if (new_hash) u.password_hash = *new_hash;
    KC_RETURN_IF_ERROR(tx.UpdateUser(u));
    if (u.disabled || new_hash) KC_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(u.id));
    nlohmann::json detail = nlohmann::json::object();
    if (p.role) detail["role"] = *p.role;
    if (p.org_role) detail["org_role"] = *p.org_role;
    if (p.disabled) detail["disabled"] = *p.disabled;
    if (new_hash) detail["password"] = "changed";
    KC_RETURN_IF_ERROR(
        tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "user", id, "update", detail)));
    out = u;
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc
