// ACT rule bisz58 "Meta element has no refresh delay (no exception)" — WCAG 2.1 SC 2.2.4
// Interruptions and SC 3.2.5 Change on Request (AAA). Unlike meta-refresh-delay (bc659a, SC
// 2.2.1), there is no 20-hour exception, so the two rules map to different criteria and are
// kept apart.
#include "rules/meta/refresh.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "meta-refresh-no-delay",
    .title = "Meta refresh has no delay (no exception)",
    .wcag = {"2.2.4", "3.2.5"},
    .level = Level::AAA,
    .act = {"bisz58"},
    .impact = Impact::Moderate,
    .help =
        "Remove the timed refresh or redirect; redirect immediately (content=\"0; URL=…\" or "
        "an HTTP redirect) and let users reload or move on when they choose.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/interruptions",
};

class MetaRefreshNoDelay final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the first `meta` element of the document with http-equiv="refresh" and a
  // valid `content` (the shared declarative refresh steps do not return early).
  bool applies(const Element& element, const RuleContext& context) const override {
    return metarefresh::isFirstValidRefreshMeta(element, context.document);
  }

  // Expectation: the time is 0.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const auto refresh = metarefresh::parseRefresh(element.attr("content"));
    if (!refresh) return {Outcome::Passed, "The refresh is not valid and does nothing"};
    if (refresh->seconds == 0)
      return {Outcome::Passed, refresh->redirect ? "The page redirects immediately"
                                                 : "The page reloads immediately"};
    const std::string after = " after " + std::to_string(refresh->seconds) +
                              (refresh->seconds == 1 ? " second" : " seconds");
    return {Outcome::Failed, refresh->redirect
                                 ? "The page redirects to " + rulesupport::quoted(refresh->url) +
                                       after + ", a change of context the user did not request"
                                 : "The page reloads itself" + after +
                                       ", a change of context the user did not request"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(MetaRefreshNoDelay);
}  // namespace saavu
