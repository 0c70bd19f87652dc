// What radio-group-labelled and checkbox-group-labelled share: controls of one type with one name
// and form owner (rulesupport::sameNameGroup), included in the accessibility tree, should sit in a
// group whose name carries the question they answer. One finding per set, on its first control.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu::rulesupport {

class ControlGroupLabelled : public Rule {
 protected:
  // `type`: the input type ("radio"); `plural`: how messages name the controls ("radio
  // buttons"); `ungroupedAdvice`: the end of the cantTell message for a set with no group label.
  ControlGroupLabelled(std::string_view type, std::string_view plural,
                       std::string_view ungroupedAdvice)
      : type_(type), plural_(plural), ungroupedAdvice_(ungroupedAdvice) {}

 public:
  // Applicability: the first control, in tree order, of a set of at least two.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("input") || controlType(element) != type_) return false;
    if (!isInDocument(element) || !context.model.isIncludedInAccessibilityTree(element))
      return false;
    const std::vector<const Element*> members = set(element, context);
    return members.size() >= 2 && members.front() == &element;
  }

  // Expectation: every control of the set is inside a group with a name; failed where a question
  // is plainly there (groupQuestionText) and reaches none of the controls.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::vector<const Element*> members = set(element, context);
    const std::string group = "The " + std::to_string(members.size()) + " " + plural_ + " named " +
                              quoted(element.attr("name"), 40);
    const Element* named = nullptr;
    bool allGrouped = true;
    for (const Element* m : members) {
      const Element* g = namedGroupOf(*m, model);
      if (!g) allGrouped = false;
      if (!named) named = g;
    }
    if (allGrouped)
      return {Outcome::Passed, group + " are grouped under " + elementLabel(*named) + " " +
                                   quoted(model.accessibleName(*named))};
    const std::string question = groupQuestionText(members, model);
    if (!question.empty()) {
      bool connected = true;
      for (const Element* m : members)
        connected =
            connected && (model.accessibleName(*m).find(question) != std::string::npos ||
                          model.accessibleDescription(*m).find(question) != std::string::npos);
      if (!connected)
        return {Outcome::Failed,
                group + " answer the question " + quoted(question) +
                    ", which is not connected to them: screen reader users hear the options "
                    "without it"};
    }
    return {Outcome::CantTell, group + " are not grouped under a group label: " + ungroupedAdvice_};
  }

 private:
  static std::vector<const Element*> set(const Element& input, const RuleContext& context) {
    std::vector<const Element*> members;
    for (const Element* e : sameNameGroup(input, context.document))
      if (context.model.isIncludedInAccessibilityTree(*e)) members.push_back(e);
    return members;
  }

  std::string type_, plural_, ungroupedAdvice_;
};

}  // namespace saavu::rulesupport
