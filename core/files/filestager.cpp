#include "filestager.h"

#include "core/gitlab/dotenvvariables.h"
#include "core/gitlab/variables.h"
#include "core/threads/mailbox.h"
#include "core/threads/pooltask.h"
#include "filecatalog.h"
#include "fileslog.h"

#include <QDir>
#include <QSet>

namespace pw::files {

namespace {

// Whether `job` has anything for the file work to do: without it the job runs at once.
bool needsFiles(const JobFilesInput &input)
{
    return input.isolated || !input.spec->caches.isEmpty() || !input.artifactSources.isEmpty()
           || input.spec->artifacts.has_value();
}

// The jobs whose artifacts `planned` receives: those it needs with artifacts, or every job
// of the earlier stages when it has no needs; GitLab's `dependencies` narrows either.
QList<std::pair<int, QString>> artifactSources(const Plan &plan, const PlannedJob &planned)
{
    // Only jobs that declare artifacts can hand any on: filtering first keeps this linear in
    // the jobs of earlier stages, which matters for pipelines of thousands of jobs.
    const std::optional<QStringList> &from = planned.spec->artifactsFrom;
    QList<std::pair<int, QString>> sources;
    QSet<int> seen;
    const auto consider = [&](int index) {
        const PlannedJob &source = plan.jobs[index];
        if (!source.spec->artifacts || (from && !from->contains(source.spec->name)))
            return;
        if (!seen.contains(index)) {
            seen.insert(index);
            sources.append({index, source.name});
        }
    };

    if (planned.afterEarlierStages) {
        for (const PlannedStage &stage : plan.stages) {
            if (stage.index >= planned.stage)
                break;
            for (int index : stage.jobs)
                consider(index);
        }
    }
    for (const PlannedNeed &need : planned.needs) {
        if (need.artifacts)
            consider(need.job);
    }
    return sources;
}

} // namespace

FileStager::FileStager(const FilesSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_mailbox(new Mailbox(this))
{}

FileStager::~FileStager()
{
    m_pool.waitForDone();
}

template<typename T>
void FileStager::offThread(std::function<T()> work, std::function<void(T)> done)
{
    // The destructor waits for the pool, so the mailbox outlives every task.
    Mailbox *mailbox = m_mailbox;
    startPoolTask(m_pool, [mailbox, work = std::move(work), done = std::move(done)] {
        T result = work();
        mailbox->post([done, result] { done(result); });
    });
}

JobFilesInput FileStager::inputFor(const Plan &plan, const RunRecord &run, int job) const
{
    const PlannedJob &planned = plan.jobs[job];
    JobFilesInput input;
    input.runId = run.id;
    input.job = job;
    input.name = planned.name;
    input.pipeline = plan.pipeline;
    input.spec = planned.spec;
    input.isolated = planned.spec->isolated;
    input.workingDirectory =
        input.isolated ? m_settings.workspace(run.id, job) : plan.pipeline->directory;
    input.artifactSources = artifactSources(plan, planned);
    if (plan.pipeline->format == Pipeline::Format::GitLab)
        input.pathVariables = gitlab::valuesByName(planned.variables);
    return input;
}

Variables FileStager::receivedDotenv(const JobFilesInput &input, QByteArray *log) const
{
    Variables received;
    for (const auto &[source, name] : input.artifactSources) {
        const Variables dotenv = m_dotenv.value({input.runId, source});
        if (dotenv.isEmpty())
            continue;
        QStringList names;
        for (const Variable &variable : dotenv) {
            setVariable(received, variable.name, variable.value, false);
            names.append(variable.name);
        }
        *log += logPrefix
                + QStringLiteral("dotenv variables of %1: %2")
                      .arg(name, names.join(QStringLiteral(", ")))
                      .toUtf8()
                + '\n';
    }
    return received;
}

void FileStager::prepare(const Plan &plan, const RunRecord &run, int job,
                         std::function<void(StagedJob)> done)
{
    const JobFilesInput input = inputFor(plan, run, job);
    if (!needsFiles(input)) {
        done(StagedJob());
        return;
    }

    // Dotenv variables come with the artifacts and change what the job's variables expand to.
    QByteArray dotenvLog;
    const Variables dotenv = receivedDotenv(input, &dotenvLog);
    std::optional<Variables> variables;
    if (!dotenv.isEmpty())
        variables = gitlab::variablesWithDotenv(plan, job, dotenv);

    const std::pair<qint64, int> id{run.id, job};
    m_jobs[id].input = input;
    const FilesSettings settings = m_settings;
    offThread<PreparedFiles>([settings, input] { return prepareJobFiles(settings, input); },
                             [this, id, done, variables, dotenvLog](const PreparedFiles &prepared) {
                                 m_jobs[id].caches = prepared.caches;
                                 StagedJob staged = prepared.staged;
                                 staged.log += dotenvLog;
                                 staged.variables = variables;
                                 done(staged);
                             });
}

void FileStager::conclude(const Plan &plan, const RunRecord &run, int job, JobStatus status,
                          std::function<void(ConcludedJob)> done)
{
    const std::pair<qint64, int> id{run.id, job};
    const auto state = m_jobs.constFind(id);
    if (state == m_jobs.constEnd()) {
        done(ConcludedJob());
        return;
    }

    const FilesSettings settings = m_settings;
    const JobState copy = *state;
    offThread<ConcludedJob>(
        [settings, copy, status] {
            return concludeJobFiles(settings, copy.input, status, copy.caches);
        },
        [this, id, done](const ConcludedJob &concluded) {
            m_jobs.remove(id);
            if (!concluded.dotenv.isEmpty())
                m_dotenv.insert(id, concluded.dotenv);
            done(concluded);
        });
}

void FileStager::finishRun(const Plan &plan, const RunRecord &run, std::function<void()> done)
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        it = it.key().first == run.id ? m_jobs.erase(it) : std::next(it);
    }
    for (auto it = m_dotenv.begin(); it != m_dotenv.end();) {
        it = it.key().first == run.id ? m_dotenv.erase(it) : std::next(it);
    }
    const QString folder = m_settings.runWorkspaces(run.id);
    if (m_settings.keepWorkspaces || !QDir(folder).exists()) {
        if (m_settings.keepWorkspaces && QDir(folder).exists())
            qCInfo(lcFiles).noquote()
                << "keeping the workspaces of run" << run.id << "in" << folder;
        done();
        return;
    }
    offThread<bool>([folder] { return QDir(folder).removeRecursively(); },
                    [folder, done](bool removed) {
                        if (!removed)
                            qCWarning(lcFiles).noquote()
                                << "cannot remove the workspaces in" << folder;
                        done();
                    });
}

Result<QSet<int>> FileStager::expiredArtifacts(const RunRecord &previous)
{
    Result<std::unique_ptr<FileCatalog>> catalog = FileCatalog::open(m_settings.storeLocation);
    if (!catalog)
        return catalog.error();

    QSet<int> expired;
    for (const JobRecord &job : previous.jobs) {
        if (job.status != JobStatus::Success || job.artifacts.isEmpty())
            continue;
        const Result<Manifest> kept = (*catalog)->artifacts(previous.id, job.index);
        if (!kept)
            return kept.error();
        if (kept->size() < job.artifacts.size())
            expired.insert(job.index);
    }
    return expired;
}

Status FileStager::reuseArtifacts(qint64 previousRun, const RunRecord &run,
                                  const QList<std::pair<int, int>> &reused)
{
    Result<std::unique_ptr<FileCatalog>> catalog = FileCatalog::open(m_settings.storeLocation);
    if (!catalog)
        return catalog.error();
    for (const auto &[job, previousJob] : reused) {
        if (run.jobs[job].artifacts.isEmpty())
            continue;
        if (Status shared = (*catalog)->shareArtifacts(previousRun, previousJob, run.id, job);
            !shared)
            return shared;
    }
    return {};
}

} // namespace pw::files
