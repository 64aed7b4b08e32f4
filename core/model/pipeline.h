#pragma once

#include "core/util/diagnostic.h"
#include "core/util/duration.h"
#include "variable.h"

#include <QMap>
#include <QStringList>

#include <memory>
#include <optional>

namespace pw {

namespace expr {
class Expression;
}

// When a job runs, relative to the outcome of what came before it.
enum class When {
    OnSuccess, // only while nothing has failed (the default)
    OnFailure, // only once something has failed
    Always,    // whatever happened before
    Manual,    // only when a person starts it (a gate anyone may open)
    Never,     // not at all
};

// The word pipeline files use for `when`: "on_success", "always" ...
QString keyword(When when);
std::optional<When> whenFromString(const QString &text);

// An `if:` expression with the place it was written, parsed once at load time.
struct Condition
{
    QString text;
    SourceLocation location;
    std::shared_ptr<const expr::Expression> expression;
};

// One dimension of a matrix: a variable and the values it takes.
struct MatrixDimension
{
    QString name;
    QStringList values;
};

// A matrix is a union of groups; each group expands to the cartesian product of its
// dimensions. A native `matrix:` map is one group; GitLab's `parallel: matrix` is a list.
using MatrixGroup = QList<MatrixDimension>;
using Matrix = QList<MatrixGroup>;

// A dependency of a job on another job (or on matching instances of a matrix job).
struct JobNeed
{
    QString job;
    bool artifacts = true;
    // GitLab's `optional: true`: a need of a job that is not in the pipeline is dropped.
    bool optional = false;
    // Restricts a need on a matrix job to the instances with these values.
    QMap<QString, QString> matrix;
    SourceLocation location;
};

struct CacheSpec
{
    enum class Policy { PullPush, Pull, Push };

    // The prefix of the key; the digest of `files` (or of the job's commands) is appended.
    QString key;
    bool keyGiven = false;
    QStringList files;
    QStringList paths;
    Policy policy = Policy::PullPush;
    QStringList fallbackKeys;
    bool skipOnHit = false;
    // When a new entry is saved: OnSuccess, OnFailure or Always.
    When when = When::OnSuccess;
    SourceLocation location;
};

struct ArtifactSpec
{
    QStringList paths;
    QStringList exclude;
    std::optional<Milliseconds> expireIn;
    // When they are collected: OnSuccess, OnFailure or Always.
    When when = When::OnSuccess;
    // GitLab's `reports: dotenv`: a file of KEY=VALUE lines passed to dependent jobs.
    QStringList dotenvReports;
    SourceLocation location;
};

struct GateSpec
{
    enum class OnTimeout { Reject, Approve };

    // Who may decide. Empty means anyone (a GitLab manual job).
    QStringList approvers;
    int required = 1;
    std::optional<Milliseconds> timeout;
    OnTimeout onTimeout = OnTimeout::Reject;
    bool allowSelfApproval = false;
    SourceLocation location;
};

// One entry of GitLab's `rules:`. The first rule that matches decides.
struct Rule
{
    std::optional<Condition> condition;
    QStringList changes;
    QStringList exists;
    std::optional<When> when;
    std::optional<bool> allowFailure;
    Variables variables;
    std::optional<QList<JobNeed>> needs;
    SourceLocation location;
};

struct Job
{
    QString name;
    SourceLocation location;

    // Commands run in order; the first that fails fails the job.
    QStringList commands;
    // Run before `commands` in the same way (GitLab's before_script).
    QStringList beforeCommands;
    // Run after the job whatever its outcome; their failure does not fail it.
    QStringList afterCommands;
    // The program that runs each command as `shell -c command`.
    QString shell = QStringLiteral("sh");
    // All commands run in one shell session instead of one process each (GitLab's script).
    bool singleSession = false;

    Variables env;
    QStringList secrets;

    std::optional<Milliseconds> timeout;
    int retry = 0;
    bool allowFailure = false;
    // With allow_failure, only these exit codes are allowed (GitLab's exit_codes); empty: any.
    QList<int> allowFailureExitCodes;
    When when = When::OnSuccess;
    std::optional<Condition> condition;
    QList<Rule> rules;

    QList<JobNeed> needs;
    // True when the file gave `needs` (even an empty list): the job then ignores stage order.
    bool needsGiven = false;

    Matrix matrix;
    // GitLab's `parallel: N`: N identical instances named "job 1/N" ... "job N/N".
    int parallel = 0;

    QList<CacheSpec> caches;
    std::optional<ArtifactSpec> artifacts;
    // GitLab's `dependencies`: the jobs whose artifacts are fetched; unset means all needs.
    std::optional<QStringList> artifactsFrom;

    QString resource;
    bool isolated = false;
    bool interruptible = false;
};

struct Stage
{
    QString name;
    SourceLocation location;
    std::optional<Condition> condition;
    std::optional<GateSpec> gate;
    QString resource;
    QList<Job> jobs;
};

// Which branches and events start the pipeline automatically (`on:`).
struct Trigger
{
    bool given = false;
    QStringList branches; // glob patterns
    QStringList events;
};

struct Pipeline
{
    enum class Format { Native, GitLab };
    // What a job that fails for good keeps from starting. SkipUnstarted (fail fast): every
    // `on_success` job not started yet. SkipLaterStages (GitLab's rule): only the jobs after
    // it, those of later stages and those that need it; its own stage runs on.
    enum class AfterFailure { SkipUnstarted, SkipLaterStages };

    QString name;
    Format format = Format::Native;
    // The file it was read from, and the folder its jobs run in.
    QString filePath;
    QString directory;

    Trigger on;
    Variables variables;
    QList<Stage> stages;
    // GitLab's workflow rules: when none matches, the pipeline does not run.
    QList<Rule> workflowRules;
    AfterFailure afterFailure = AfterFailure::SkipUnstarted;

    // Looks a job up by name; nullptr when there is none.
    const Job *findJob(const QString &name) const;
    // The index of the stage holding `jobName`, or -1.
    int stageOf(const QString &jobName) const;
};

} // namespace pw
