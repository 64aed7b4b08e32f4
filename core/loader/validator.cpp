#include "validator.h"

#include "jobindex.h"
#include "needcycles.h"

#include <QSet>

namespace pw::loader {

namespace {

class Validator
{
public:
    Validator(const Pipeline &pipeline, DiagnosticSink &sink)
        : m_pipeline(pipeline)
        , m_sink(sink)
    {}

    void run()
    {
        checkStageNames();
        indexJobs();
        for (const JobIndex::Entry &entry : std::as_const(m_index.jobs))
            checkNeeds(entry);
        reportNeedCycles(m_index, m_sink);
    }

private:
    void checkStageNames()
    {
        QHash<QString, int> firstLines;
        for (const Stage &stage : m_pipeline.stages) {
            if (stage.name.isEmpty())
                continue;
            const auto first = firstLines.constFind(stage.name);
            if (first == firstLines.cend()) {
                firstLines.insert(stage.name, stage.location.line);
                continue;
            }
            m_sink.error(stage.location, QStringLiteral("duplicate stage name '%1'; the first "
                                                        "stage '%1' is on line %2")
                                             .arg(stage.name)
                                             .arg(*first));
        }
    }

    // Job names are unique across the whole pipeline, because needs name jobs of any stage.
    void indexJobs()
    {
        for (int stage = 0; stage < m_pipeline.stages.size(); ++stage) {
            for (const Job &job : m_pipeline.stages[stage].jobs) {
                if (job.name.isEmpty())
                    continue;
                if (const JobIndex::Entry *first = m_index.find(job.name)) {
                    m_sink.error(job.location, QStringLiteral("duplicate job name '%1'; the "
                                                              "first job '%1' is on line %2")
                                                   .arg(job.name)
                                                   .arg(first->job->location.line));
                    continue;
                }
                m_index.byName.insert(job.name, int(m_index.jobs.size()));
                m_index.jobs.append({&job, stage});
                m_index.names.append(job.name);
            }
        }
    }

    void checkNeeds(const JobIndex::Entry &entry)
    {
        QSet<QString> seen;
        for (const JobNeed &need : entry.job->needs) {
            checkNeed(entry, need);

            // The same need twice does no harm, but is probably not what was meant.
            QString key = need.job;
            for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
                key += QLatin1Char('\n') + it.key() + QLatin1Char('=') + it.value();
            if (seen.contains(key)) {
                m_sink.warning(
                    need.location,
                    QStringLiteral("job '%1' needs '%2' twice").arg(entry.job->name, need.job));
            }
            seen.insert(key);
        }
    }

    void checkNeed(const JobIndex::Entry &entry, const JobNeed &need)
    {
        const Job &job = *entry.job;
        if (need.job == job.name) {
            m_sink.error(need.location,
                         QStringLiteral("job '%1' cannot need itself").arg(job.name));
            return;
        }
        const JobIndex::Entry *target = m_index.find(need.job);
        if (!target) {
            m_sink.error(need.location,
                         QStringLiteral("job '%1' needs '%2', which is not a job "
                                        "of this pipeline%3")
                             .arg(job.name, need.job, m_sink.didYouMean(need.job, m_index.names)));
            return;
        }
        if (target->stage > entry.stage) {
            m_sink.error(need.location,
                         QStringLiteral("job '%1' in stage '%2' cannot need '%3' of the later "
                                        "stage '%4'")
                             .arg(job.name, m_pipeline.stages[entry.stage].name, need.job,
                                  m_pipeline.stages[target->stage].name));
            return;
        }
        checkNeedMatrix(job, need, *target->job);
    }

    void checkNeedMatrix(const Job &job, const JobNeed &need, const Job &target)
    {
        if (!need.matrix.isEmpty() && target.matrix.isEmpty()) {
            m_sink.error(need.location, QStringLiteral("job '%1' selects matrix values of '%2', "
                                                       "which has no matrix")
                                            .arg(job.name, target.name));
            return;
        }
        for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
            checkNeedMatrixValue(need, target, it.key(), it.value());
    }

    void checkNeedMatrixValue(const JobNeed &need, const Job &target, const QString &name,
                              const QString &value)
    {
        // GitLab's `$[[ matrix.NAME ]]` takes each needing instance's value: the planner checks it.
        const bool perInstance = value.contains(QLatin1String("$[["));
        QStringList dimensionNames;
        for (const MatrixGroup &group : target.matrix) {
            for (const MatrixDimension &dimension : group) {
                if (dimension.name == name && (perInstance || dimension.values.contains(value)))
                    return;
                if (dimension.name == name) {
                    m_sink.error(need.location,
                                 QStringLiteral("matrix dimension '%1' of job '%2' has no value "
                                                "'%3'; its values are %4")
                                     .arg(name, target.name, value,
                                          dimension.values.join(QStringLiteral(", "))));
                    return;
                }
                dimensionNames.append(dimension.name);
            }
        }
        m_sink.error(need.location,
                     QStringLiteral("job '%1' has no matrix dimension '%2'%3")
                         .arg(target.name, name, m_sink.didYouMean(name, dimensionNames)));
    }

    const Pipeline &m_pipeline;
    DiagnosticSink &m_sink;
    JobIndex m_index;
};

} // namespace

void validatePipeline(const Pipeline &pipeline, DiagnosticSink &sink)
{
    Validator(pipeline, sink).run();
}

} // namespace pw::loader
