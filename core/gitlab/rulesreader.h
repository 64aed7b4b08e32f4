#pragma once

#include "docvalues.h"

namespace pw::gitlab {

// GitLab's `when` words: on_success, on_failure, always, manual, never (and delayed, read as
// on_success with a warning, because Pipewright does not delay jobs).
std::optional<When> readGitLabWhen(ValueReader &reader, const DocNode &value);

// An `if:` text parsed with GitLab's rules:if semantics; a parse error is reported at the
// place in the file where the parser stopped.
std::optional<Condition> readRuleCondition(ValueReader &reader, const DocNode &value);

// `needs:` of a job or of a rule: names, or maps {job, artifacts, optional, parallel:
// matrix}. Needs on other projects or pipelines are reported and left out.
std::optional<QList<JobNeed>> readNeeds(ValueReader &reader, const DocNode &value,
                                        const QString &where);

// A `rules:` list of a job (`workflow` false) or of `workflow:` (true, where only if,
// changes, exists, when and variables are allowed).
std::optional<QList<Rule>> readRules(ValueReader &reader, const DocNode &value,
                                     const QString &where, bool workflow);

} // namespace pw::gitlab
