#include "service/accounts.h"

#include "core/text_encoding.h"
#include "service/audit.h"
#include "service/crypto.h"
#include "service/orgs.h"

namespace kc {

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

Status ValidatePassword(std::string_view p) {
  if (p.size() < 8)
    return Invalid("password", "weak_password", "a password has 8 characters or more");
  if (p.size() > 128) return Invalid("password", "too_long", "a password has at most 128 bytes");
  return Status::Ok();
}

namespace {
Status ValidateProfile(const std::string& display_name, const std::string& email) {
  if (display_name.empty()) return Invalid("display_name", "required", "display_name is required");
  if (!IsValidUtf8(display_name) || display_name.size() > 200) {
    return Invalid("display_name", "invalid_display_name", "display_name is too long or not UTF-8");
  }
  if (!email.empty()) {
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.size() > 254 || email.find(' ') != std::string::npos) {
      return Invalid("email", "invalid_email", "not an e-mail address");
    }
  }
  return Status::Ok();
}
}  // namespace

Result<User> Accounts::Register(const RegisterRequest& r) {
  KC_RETURN_IF_ERROR(ValidateUsername(r.username));
  KC_RETURN_IF_ERROR(ValidatePassword(r.password));
  KC_RETURN_IF_ERROR(ValidateProfile(r.display_name, r.email));
  if (r.org_id && r.org) {
    return Invalid("org", "conflicting_fields", "give org_id or org, not both");
  }
  if (r.org) {
    Org probe = *r.org;
    KC_RETURN_IF_ERROR(ValidateOrg(probe));
  }
  auto hash = HashPassword(r.password);
  if (!hash.ok()) return hash.status();
  User user;
  user.username = r.username;
  user.display_name = r.display_name;
  user.email = r.email;
  user.password_hash = *hash;
  user.role = r.org ? Role::kOrgAdmin : Role::kMember;
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
                               const std::string& remote) {
  const int64_t now = clock_.Now();
  const std::string remote_key = "@" + remote;  // user names cannot start with '@'
  Result<User> user = Status::Error(ErrorKind::kUnauthorized, "bad_credentials", "");
  Status s = store_.Read([&](StoreTx& tx) -> Status {
    auto by_name = tx.CountLoginFailures(username, now - kFailureWindow);
    if (!by_name.ok()) return by_name.status();
    auto by_remote = tx.CountLoginFailures(remote_key, now - kFailureWindow);
    if (!by_remote.ok()) return by_remote.status();
    if (*by_name >= kMaxFailures || *by_remote >= 4 * kMaxFailures) {
      return Status::Error(ErrorKind::kTooMany, "too_many_attempts",
                           "too many failed sign-ins; try again in 15 minutes");
    }
    user = tx.FindUserByName(username);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  bool good = user.ok() && !user->disabled && VerifyPassword(password, user->password_hash);
  if (!good) {
    KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
      KC_RETURN_IF_ERROR(tx.RecordLoginFailure(username, now));
      return tx.RecordLoginFailure(remote_key, now);
    }));
    return Status::Error(ErrorKind::kUnauthorized, "bad_credentials",
                         "wrong user name or password");
  }
  SignIn out;
  out.user = *user;
  out.token = RandomHex(32);
  out.csrf_token = RandomHex(16);
  out.expires_at = now + kSessionLifetime;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(tx.ClearLoginFailures(username));
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
  std::string pw = password && !password->empty() ? *password : RandomPassword();
  KC_RETURN_IF_ERROR(ValidatePassword(pw));
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
    admin.password_hash = *hash;
    admin.created_at = clock_.Now();
    auto id = tx.InsertUser(admin);
    if (!id.ok()) return id.status();
    return tx.AppendAudit(AuditOf(admin.created_at, std::nullopt, "user", *id, "bootstrap", {}));
  }));
  return password && !password->empty() ? std::string() : pw;
}

Result<User> Accounts::Get(const Actor& actor, int64_t id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<User> out = User{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    out = tx.GetUser(id);
    if (!out.ok()) return out.status();
    bool same_org = out->org_id && actor.in_org(*out->org_id);
    if (actor.user->id != id && !actor.is_admin() && !same_org) return NotFound("user");
    return Status::Ok();
  }));
  return out;
}

Result<Page<User>> Accounts::List(const Actor& actor, const UserQuery& query) {
  if (!actor.signed_in()) return Unauthorized();
  if (!actor.is_admin()) return Forbidden("only admins list users");
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
  if (!self && !actor.is_admin()) return Forbidden("you may edit only your own account");
  if ((p.role || p.disabled) && !actor.is_admin()) {
    return Forbidden("only admins change roles or disable accounts");
  }
  std::optional<std::string> new_hash;
  if (p.password) {
    KC_RETURN_IF_ERROR(ValidatePassword(*p.password));
    if (!actor.is_admin() || self) {
      if (!p.current_password || !VerifyPassword(*p.current_password, actor.user->password_hash)) {
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
      if (!role) return Invalid("role", "invalid_role", "unknown role: " + *p.role);
      if (*role == Role::kOrgAdmin && !u.org_id) {
        return Invalid("role", "invalid_role", "an org admin must belong to an organisation");
      }
      u.role = *role;
    }
    if (p.disabled) u.disabled = *p.disabled;
    if (new_hash) u.password_hash = *new_hash;
    KC_RETURN_IF_ERROR(tx.UpdateUser(u));
    if (u.disabled || new_hash) KC_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(u.id));
    nlohmann::json detail = nlohmann::json::object();
    if (p.role) detail["role"] = *p.role;
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
