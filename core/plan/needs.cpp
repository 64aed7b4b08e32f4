#include "needs.h"

#include "core/gitlab/matrixneeds.h"
#include "planerror.h"

#include <QStringList>

namespace pw::planner {

namespace {

bool matchesFilter(const PlannedJob &job, const QMap<QString, QString> &filter)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        if (!job.matrixValues.contains(qMakePair(it.key(), it.value())))
            return false;
    }
    return true;
}

QString describeFilter(const QMap<QString, QString> &filter)
{
    QStringList parts;
    for (auto it = filter.begin(); it != filter.end(); ++it)
        parts.append(it.key() + QStringLiteral(": ") + it.value());
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// Collects the edges of one job, merging repeated targets (two filters may overlap) so that
// each instance is needed once, with artifacts when any of its needs wants them.
class NeedCollector
{
public:
    NeedCollector(Plan &plan, PlannedJob &job, qsizetype &edges)
        : m_plan(plan)
        , m_job(job)
        , m_edges(edges)
    {}

    Status add(const JobNeed &need, const QList<int> &candidates)
    {
        // GitLab's `$[[ matrix.NAME ]]` picks the instances that share this one's values.
        QMap<QString, QString> filter = need.matrix;
        if (gitlab::refersToMatrix(filter)) {
            const Result<QMap<QString, QString>> resolved =
                gitlab::resolveMatrixFilter(filter, m_job.matrixValues, m_job.name);
            if (!resolved)
                return planError(need.location, resolved.error().message);
            filter = *resolved;
        }

        bool matched = false;
        for (int target : candidates) {
            if (!matchesFilter(m_plan.jobs[target], filter))
                continue;
            matched = true;
            const Status status = addEdge(need, target);
            if (!status)
                return status;
        }
        if (!matched) {
            return planError(need.location,
                             QStringLiteral("job '%1' needs '%2' with matrix %3, "
                                            "which matches no instance of it")
                                 .arg(m_job.spec->name, need.job, describeFilter(filter)));
        }
        return Status();
    }

private:
    Status addEdge(const JobNeed &need, int target)
    {
        const PlannedJob &needed = m_plan.jobs[target];
        if (target == m_job.index) {
            return planError(need.location,
                             QStringLiteral("job '%1' needs itself").arg(m_job.spec->name));
        }
        if (needed.stage > m_job.stage) {
            return planError(
                need.location,
                QStringLiteral("job '%1' needs '%2' of the later stage '%3'")
                    .arg(m_job.spec->name, need.job, m_plan.stages[needed.stage].name));
        }

        const auto known = m_positions.constFind(target);
        if (known != m_positions.constEnd()) {
            m_job.needs[*known].artifacts = m_job.needs[*known].artifacts || need.artifacts;
            return Status();
        }
        if (++m_edges > kMaxNeedEdges) {
            return planError(need.location,
                             QStringLiteral("the needs of the pipeline expand to more than %1 "
                                            "edges between jobs")
                                 .arg(kMaxNeedEdges));
        }
        m_positions.insert(target, m_job.needs.size());
        m_job.needs.append({target, need.artifacts});
        return Status();
    }

    Plan &m_plan;
    PlannedJob &m_job;
    qsizetype &m_edges;
    QHash<int, qsizetype> m_positions;
};

Status resolveJobNeeds(Plan &plan, PlannedJob &job, const InstancesByJob &instances,
                       qsizetype &edges)
{
    NeedCollector collector(plan, job, edges);
    for (const JobNeed &need : job.spec->needs) {
        const auto found = instances.constFind(need.job);
        if (found == instances.constEnd()) {
            // GitLab's `optional: true`: the job may run without it when it is not there.
            if (need.optional)
                continue;
            return planError(need.location,
                             QStringLiteral("job '%1' needs '%2', which is not in the pipeline")
                                 .arg(job.spec->name, need.job));
        }
        const Status status = collector.add(need, *found);
        if (!status)
            return status;
    }
    return Status();
}

void addDependents(Plan &plan)
{
    for (const PlannedJob &job : plan.jobs) {
        for (const PlannedNeed &need : job.needs)
            plan.jobs[need.job].dependents.append(job.index);
    }
}

Error cycleError(const Plan &plan, const PlannedStage &stage, const QList<int> &waiting)
{
    // The jobs left over hold the cycle and what waits on it; a few names suffice to find it.
    QStringList names;
    const PlannedJob *first = nullptr;
    for (int j : stage.jobs) {
        if (waiting[j] == 0)
            continue;
        if (!first)
            first = &plan.jobs[j];
        if (names.size() < 5)
            names.append(plan.jobs[j].name);
    }
    return planError(first->spec->location,
                     QStringLiteral("the needs of stage '%1' form a cycle among %2")
                         .arg(stage.name, names.join(QStringLiteral(", "))));
}

// Kahn's algorithm over the needs within `stage`; needs on earlier stages are met already.
Status appendStageOrder(const Plan &plan, const PlannedStage &stage, QList<int> &waiting,
                        QList<int> &order)
{
    const qsizetype start = order.size();
    for (int j : stage.jobs) {
        for (const PlannedNeed &need : plan.jobs[j].needs) {
            if (plan.jobs[need.job].stage == stage.index)
                ++waiting[j];
        }
        if (waiting[j] == 0)
            order.append(j);
    }

    for (qsizetype next = start; next < order.size(); ++next) {
        for (int dependent : plan.jobs[order[next]].dependents) {
            if (plan.jobs[dependent].stage == stage.index && --waiting[dependent] == 0)
                order.append(dependent);
        }
    }

    if (order.size() - start < stage.jobs.size())
        return cycleError(plan, stage, waiting);
    return Status();
}

} // namespace

Status resolveNeeds(Plan &plan, const InstancesByJob &instances)
{
    qsizetype edges = 0;
    for (PlannedJob &job : plan.jobs) {
        if (!job.spec->needsGiven)
            continue;
        const Status status = resolveJobNeeds(plan, job, instances, edges);
        if (!status)
            return status;
    }

    addDependents(plan);
    return Status();
}

Result<QList<int>> planOrder(const Plan &plan)
{
    QList<int> waiting(plan.jobs.size(), 0);
    QList<int> order;
    order.reserve(plan.jobs.size());
    for (const PlannedStage &stage : plan.stages) {
        const Status status = appendStageOrder(plan, stage, waiting, order);
        if (!status)
            return status.error();
    }
    return order;
}

} // namespace pw::planner
