#include "core/review.h"

#include <string>

namespace kc {

std::string_view ActionName(ReviewAction action) {
  switch (action) {
    case ReviewAction::kSubmit:
      return "submit";
    case ReviewAction::kApprove:
      return "approve";
    case ReviewAction::kReject:
      return "reject";
    case ReviewAction::kClose:
      return "close";
    case ReviewAction::kRenew:
      return "renew";
    case ReviewAction::kEdit:
      return "edit";
  }
  return "";
}

Result<ListingStatus> NextStatus(ListingStatus from, ReviewAction action) {
  using S = ListingStatus;
  switch (action) {
    case ReviewAction::kSubmit:
      if (from == S::kDraft || from == S::kRejected) return S::kPending;
      break;
    case ReviewAction::kApprove:
      if (from == S::kPending) return S::kPublished;
      break;
    case ReviewAction::kReject:
      if (from == S::kPending) return S::kRejected;
      break;
    case ReviewAction::kClose:
      if (from != S::kClosed) return S::kClosed;
      break;
    case ReviewAction::kRenew:
      if (from == S::kPublished || from == S::kExpired) return S::kPublished;
      break;
    case ReviewAction::kEdit:
      if (from == S::kPublished || from == S::kExpired) return S::kPending;
      if (from != S::kClosed) return from;
      break;
  }
  return Conflict("invalid_transition", "cannot " + std::string(ActionName(action)) +
                                            " a listing that is " + std::string(StatusName(from)));
}

}  // namespace kc
