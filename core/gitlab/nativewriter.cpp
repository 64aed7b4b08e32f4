#include "nativewriter.h"

#include <algorithm>
#include <yaml-cpp/yaml.h>

namespace pw {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString durationText(Milliseconds duration)
{
    const qint64 ms = duration.count();
    return ms % 1000 == 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
}

class Writer
{
public:
    explicit Writer(QStringList &notes)
        : m_notes(notes)
    {}

    QByteArray write(const Pipeline &pipeline)
    {
        m_out << YAML::BeginMap;
        m_out << YAML::Key << "name" << YAML::Value << utf8(pipeline.name);
        if (!pipeline.variables.isEmpty()) {
            m_out << YAML::Key << "variables" << YAML::Value;
            writeVariables(pipeline.variables);
        }
        if (!pipeline.workflowRules.isEmpty())
            note(QStringLiteral("workflow rules are not converted"));
        const bool sharedStage =
            std::any_of(pipeline.stages.begin(), pipeline.stages.end(),
                        [](const Stage &stage) { return stage.jobs.size() > 1; });
        if (pipeline.afterFailure == Pipeline::AfterFailure::SkipLaterStages && sharedStage) {
            note(QStringLiteral("after a failure GitLab still runs the failed job's stage; the "
                                "native pipeline starts no further job"));
        }
        m_out << YAML::Key << "stages" << YAML::Value << YAML::BeginSeq;
        for (const Stage &stage : pipeline.stages)
            writeStage(stage);
        m_out << YAML::EndSeq << YAML::EndMap;

        QByteArray text;
        for (const QString &line : std::as_const(m_notes))
            text += "# not converted: " + line.toUtf8() + '\n';
        return text + QByteArray(m_out.c_str()) + '\n';
    }

private:
    void note(const QString &text) { m_notes.append(text); }

    void writeVariables(const Variables &variables)
    {
        m_out << YAML::BeginMap;
        for (const Variable &variable : variables)
            m_out << YAML::Key << utf8(variable.name) << YAML::Value << utf8(variable.value);
        m_out << YAML::EndMap;
    }

    void writeStage(const Stage &stage)
    {
        m_out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << utf8(stage.name);
        m_out << YAML::Key << "jobs" << YAML::Value << YAML::BeginSeq;
        for (const Job &job : stage.jobs)
            writeJob(job);
        m_out << YAML::EndSeq << YAML::EndMap;
    }

    // GitLab runs before_script and script in one shell that stops at the first failure;
    // one native command in the same shell keeps that.
    QString script(const Job &job)
    {
        const QStringList lines = job.beforeCommands + job.commands;
        if (!job.singleSession)
            return lines.join(QLatin1Char('\n'));
        return QStringLiteral("set -e\n") + lines.join(QLatin1Char('\n'));
    }

    void writeJob(const Job &job)
    {
        const QString where = QStringLiteral("job '%1': ").arg(job.name);
        m_out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << utf8(job.name);
        m_out << YAML::Key << "commands" << YAML::Value << YAML::BeginSeq << YAML::Literal
              << utf8(script(job)) << YAML::EndSeq;
        m_out << YAML::Key << "shell" << YAML::Value << utf8(job.shell);
        if (!job.env.isEmpty()) {
            m_out << YAML::Key << "env" << YAML::Value;
            writeVariables(job.env);
        }
        if (job.timeout)
            m_out << YAML::Key << "timeout" << YAML::Value << utf8(durationText(*job.timeout));
        if (job.retry > 0)
            m_out << YAML::Key << "retry" << YAML::Value << job.retry;
        if (job.allowFailure)
            m_out << YAML::Key << "allow_failure" << YAML::Value << true;
        if (!job.allowFailureExitCodes.isEmpty())
            note(where + QStringLiteral("allow_failure exit_codes (any failure is allowed)"));
        writeWhen(job, where);
        writeNeeds(job, where);
        writeMatrix(job, where);
        writeCaches(job, where);
        writeArtifacts(job, where);
        if (!job.resource.isEmpty())
            m_out << YAML::Key << "resource" << YAML::Value << utf8(job.resource);
        if (!job.afterCommands.isEmpty())
            note(where + QStringLiteral("after_script"));
        if (!job.rules.isEmpty())
            note(where + QStringLiteral("rules (the job always runs)"));
        if (job.artifactsFrom)
            note(where + QStringLiteral("dependencies"));
        m_out << YAML::EndMap;
    }

    void writeWhen(const Job &job, const QString &where)
    {
        if (job.when == When::Manual || job.when == When::Never) {
            note(where + QStringLiteral("when: ") + keyword(job.when));
            return;
        }
        if (job.when != When::OnSuccess)
            m_out << YAML::Key << "when" << YAML::Value << utf8(keyword(job.when));
    }

    void writeNeeds(const Job &job, const QString &where)
    {
        if (!job.needsGiven)
            return;
        if (job.needs.isEmpty())
            note(where + QStringLiteral("needs: [] (the job waits for earlier stages)"));
        if (job.needs.isEmpty())
            return;
        m_out << YAML::Key << "needs" << YAML::Value << YAML::BeginSeq;
        for (const JobNeed &need : job.needs) {
            m_out << YAML::BeginMap << YAML::Key << "job" << YAML::Value << utf8(need.job);
            if (!need.artifacts)
                m_out << YAML::Key << "artifacts" << YAML::Value << false;
            if (!need.matrix.isEmpty()) {
                m_out << YAML::Key << "matrix" << YAML::Value << YAML::BeginMap;
                for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
                    m_out << YAML::Key << utf8(it.key()) << YAML::Value << utf8(it.value());
                m_out << YAML::EndMap;
            }
            if (need.optional)
                note(where + QStringLiteral("optional need of '%1'").arg(need.job));
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }

    void writeMatrix(const Job &job, const QString &where)
    {
        MatrixGroup group = job.matrix.value(0);
        if (job.matrix.size() > 1)
            note(where + QStringLiteral("matrix entries after the first"));
        if (job.matrix.isEmpty() && job.parallel > 0) {
            MatrixDimension index{QStringLiteral("CI_NODE_INDEX"), {}};
            for (int i = 1; i <= job.parallel; ++i)
                index.values.append(QString::number(i));
            group = {index};
        }
        if (group.isEmpty())
            return;
        m_out << YAML::Key << "matrix" << YAML::Value << YAML::BeginMap;
        for (const MatrixDimension &dimension : group) {
            m_out << YAML::Key << utf8(dimension.name) << YAML::Value << YAML::Flow
                  << YAML::BeginSeq;
            for (const QString &value : dimension.values)
                m_out << utf8(value);
            m_out << YAML::EndSeq;
        }
        m_out << YAML::EndMap;
    }

    void writeCaches(const Job &job, const QString &where)
    {
        QList<CacheSpec> caches = job.caches;
        caches.removeIf([&](const CacheSpec &cache) {
            if (!cache.paths.isEmpty())
                return false;
            note(where + QStringLiteral("a cache without paths"));
            return true;
        });
        if (caches.isEmpty())
            return;
        static const char *policies[] = {"pull-push", "pull", "push"};
        m_out << YAML::Key << "cache" << YAML::Value << YAML::BeginSeq;
        for (const CacheSpec &cache : caches) {
            m_out << YAML::BeginMap;
            // A native cache without a key would digest the job's commands with its files.
            if (cache.keyGiven && (!cache.key.isEmpty() || !cache.files.isEmpty()))
                m_out << YAML::Key << "key" << YAML::Value
                      << utf8(cache.key.isEmpty() ? QStringLiteral("default") : cache.key);
            if (!cache.files.isEmpty())
                writeList("files", cache.files);
            writeList("paths", cache.paths);
            m_out << YAML::Key << "policy" << YAML::Value << policies[int(cache.policy)];
            if (!cache.fallbackKeys.isEmpty())
                writeList("fallback_keys", cache.fallbackKeys);
            if (cache.when != When::OnSuccess)
                m_out << YAML::Key << "when" << YAML::Value << utf8(keyword(cache.when));
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }

    void writeArtifacts(const Job &job, const QString &where)
    {
        if (!job.artifacts)
            return;
        const ArtifactSpec &artifacts = *job.artifacts;
        if (!artifacts.dotenvReports.isEmpty())
            note(where + QStringLiteral("dotenv reports"));
        if (artifacts.paths.isEmpty())
            return;
        m_out << YAML::Key << "artifacts" << YAML::Value << YAML::BeginMap;
        writeList("paths", artifacts.paths);
        if (!artifacts.exclude.isEmpty())
            writeList("exclude", artifacts.exclude);
        if (artifacts.expireIn)
            m_out << YAML::Key << "expire_in" << YAML::Value
                  << utf8(durationText(*artifacts.expireIn));
        if (artifacts.when != When::OnSuccess)
            m_out << YAML::Key << "when" << YAML::Value << utf8(keyword(artifacts.when));
        m_out << YAML::EndMap;
    }

    void writeList(const char *key, const QStringList &values)
    {
        m_out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
        for (const QString &value : values)
            m_out << utf8(value);
        m_out << YAML::EndSeq;
    }

    QStringList &m_notes;
    YAML::Emitter m_out;
};

} // namespace

QByteArray writeNativePipeline(const Pipeline &pipeline, QStringList *notes)
{
    QStringList collected;
    const QByteArray text = Writer(collected).write(pipeline);
    if (notes)
        *notes = collected;
    return text;
}

} // namespace pw
