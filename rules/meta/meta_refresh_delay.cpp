// ACT rule bc659a "Meta element has no refresh delay" — WCAG 2.1 SC 2.2.1 Timing Adjustable.
#include "rules/meta/refresh.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "meta-refresh-delay",
    .title = "Meta refresh has no delay",
    .wcag = {"2.2.1"},
    .level = Level::A,
    .act = {"bc659a"},
    .impact = Impact::Serious,
    .help =
        "Do not refresh or redirect the page on a timer: redirect on the server (HTTP 301/302) "
        "or with content=\"0; URL=…\", and let users reload when they choose.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/timing-adjustable",
};

// SC 2.2.1's 20-hour exception: a time limit longer than 20 hours is allowed.
constexpr std::uint64_t kTwentyHours = 72000;

class MetaRefreshDelay final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the first `meta` element of the document with http-equiv="refresh" and a
  // valid `content` (the shared declarative refresh steps do not return early).
  bool applies(const Element& element, const RuleContext& context) const override {
    return metarefresh::isFirstValidRefreshMeta(element, context.document);
  }

  // Expectation: the time is 0 or more than 72000 seconds (20 hours). (The rule text says
  // "between 0 and 72000"; its examples settle the bounds: 0 passes, 72000 fails, 72001
  // passes.)
  Verdict expect(const Element& element, const RuleContext&) const override {
    const auto refresh = metarefresh::parseRefresh(element.attr("content"));
    if (!refresh) return {Outcome::Passed, "The refresh is not valid and does nothing"};
    if (refresh->seconds == 0)
      return {Outcome::Passed, refresh->redirect ? "The page redirects immediately"
                                                 : "The page reloads immediately"};
    if (refresh->seconds > kTwentyHours)
      return {Outcome::Passed, "The refresh delay is longer than 20 hours"};
    const std::string after = " after " + std::to_string(refresh->seconds) +
                              (refresh->seconds == 1 ? " second" : " seconds");
    return {Outcome::Failed,
            refresh->redirect
                ? "The page redirects to " + rulesupport::quoted(refresh->url) + after +
                      " without letting the user turn off, adjust or extend the delay"
                : "The page reloads itself" + after +
                      " without letting the user turn off, adjust or extend the delay"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(MetaRefreshDelay);
}  // namespace saavu
