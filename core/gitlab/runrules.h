#pragma once

#include "core/model/pipeline.h"
#include "core/plan/runcontext.h"
#include "core/util/result.h"

#include <memory>

namespace pw::gitlab {

// How a GitLab job instance takes part in a run, once its rules are applied.
struct JobDecision
{
    When when = When::OnSuccess;
    bool allowFailure = false;
    // Why it does not run ("no rule matched", "manual job ..."), or empty.
    QString skipReason;
    // Everything its commands see, expanded: predefined, global, job, rule, matrix and run
    // variables, in rising precedence.
    Variables variables;
};

// Applies the job's `rules:` (the first that matches decides `when`, `allow_failure` and
// adds its variables; none matching means the job does not run) for the instance named
// `instanceName` of stage `stage`. Manual jobs are not started: Pipewright has no way yet to
// start one by hand, so they are left out of the run, as gitlab-ci-local does.
// `received` (dotenv variables from the jobs it takes artifacts from) rank above the file's
// variables and below the run's; rules never see them, since GitLab decides the pipeline
// before any job runs. Fails when a rule's `if` cannot be evaluated.
Result<JobDecision> decideJob(const Pipeline &pipeline, const RunContext &context, const Job &job,
                              const QString &stage, const QString &instanceName,
                              const Variables &instanceVariables, const Variables &received = {});

// The pipeline as a run in `context` sees it: workflow rules applied (the variables of the
// matching rule become global variables) and each job's needs replaced by those of its
// first matching rule that gives `needs`. `notRunReason` is set when no workflow rule
// matches. Fails when a rule's `if` cannot be evaluated.
struct PreparedRun
{
    std::shared_ptr<const Pipeline> pipeline;
    QString notRunReason;
};
Result<PreparedRun> prepareRun(std::shared_ptr<const Pipeline> pipeline, const RunContext &context);

// The index of the first rule of `rules` that matches for `variables`, or -1. A rule matches
// when its `if`, `changes` and `exists` all hold. `changes` holds when a file of
// context.changedFiles matches one of its patterns, and always when the run has no set of
// changed files or is for a tag or a schedule (as in GitLab's pipelines without a base to
// compare with); `exists` looks for files under `projectDirectory`.
Result<int> firstMatchingRule(const QList<Rule> &rules, const Variables &variables,
                              const QString &projectDirectory, const QString &owner,
                              const RunContext &context = {});

} // namespace pw::gitlab
