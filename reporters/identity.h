// The identity of a finding across runs: what a baseline stores, what SARIF's
// partialFingerprints carry and what the HTML report compares to tell new findings from
// unchanged ones. It is built from the page's key and the element's identity (Finding::shape and
// Finding::occurrence), never from line numbers or selectors, so it survives edits elsewhere on
// the page and the site being served from another host or port.
#pragma once

#include <string>

#include "rules/rule.h"

namespace saavu {

// The page's part of an identity:
//  - a page of a form flow: "flow:" + flow name + " / " + step label;
//  - a fetched page (http/https): its path and query, without scheme, host and port, so that a
//    baseline taken on a dev server at localhost:8080 holds for CI's server on another port and
//    for staging and production hosts;
//  - a local file: its display path (as given on the command line, relative when it was).
std::string pageKey(const PageResult& page);

// 16 lower-case hex digits: FNV-1a 64 of a versioned canonical form of (rule id, page key,
// element shape, occurrence). The same on every platform and in every run.
std::string findingFingerprint(const PageResult& page, const Finding& finding);

// 16 lower-case hex digits identifying (rule id, element shape) regardless of page: findings that
// share it on many pages come from one shared template, to be fixed once.
std::string templateKey(const Finding& finding);

}  // namespace saavu
