#include "matrixexpansion.h"

#include "planerror.h"

namespace pw::planner {

namespace {

JobInstance combination(const QString &jobName, const MatrixGroup &group,
                        const QList<qsizetype> &position)
{
    JobInstance instance;
    for (qsizetype d = 0; d < group.size(); ++d) {
        const QString &value = group[d].values[position[d]];
        instance.matrixValues.append({group[d].name, value});
        setVariable(instance.variables, group[d].name, value);
    }
    instance.name = matrixInstanceName(jobName, instance.matrixValues);
    return instance;
}

// Counts the combinations of `group` without overflowing, and checks that each dimension
// has values and that the job stays within kMaxInstancesPerJob.
Status checkGroup(const Job &job, const MatrixGroup &group, qsizetype instancesSoFar)
{
    if (group.isEmpty())
        return planError(job.location,
                         QStringLiteral("job '%1': a matrix group has no variables").arg(job.name));

    qsizetype count = 1;
    for (const MatrixDimension &dimension : group) {
        if (dimension.values.isEmpty()) {
            return planError(job.location,
                             QStringLiteral("job '%1': matrix variable '%2' has no values")
                                 .arg(job.name, dimension.name));
        }
        count *= dimension.values.size();
        if (instancesSoFar + count > kMaxInstancesPerJob) {
            return planError(job.location,
                             QStringLiteral("job '%1': the matrix gives more than %2 instances")
                                 .arg(job.name)
                                 .arg(kMaxInstancesPerJob));
        }
    }
    return Status();
}

void appendCombinations(const QString &jobName, const MatrixGroup &group,
                        QList<JobInstance> &instances)
{
    QList<qsizetype> position(group.size(), 0);
    for (;;) {
        instances.append(combination(jobName, group, position));

        // Count like an odometer: the last dimension turns fastest.
        qsizetype d = group.size() - 1;
        while (d >= 0 && ++position[d] == group[d].values.size()) {
            position[d] = 0;
            --d;
        }
        if (d < 0)
            return;
    }
}

Result<QList<JobInstance>> expandMatrix(const Job &job)
{
    QList<JobInstance> instances;
    for (const MatrixGroup &group : job.matrix) {
        const Status checked = checkGroup(job, group, instances.size());
        if (!checked)
            return checked.error();
        appendCombinations(job.name, group, instances);
    }
    return instances;
}

Result<QList<JobInstance>> expandParallel(const Job &job)
{
    if (job.parallel > kMaxInstancesPerJob) {
        return planError(job.location, QStringLiteral("job '%1': parallel: %2 is more than %3")
                                           .arg(job.name)
                                           .arg(job.parallel)
                                           .arg(kMaxInstancesPerJob));
    }

    QList<JobInstance> instances;
    const QString total = QString::number(job.parallel);
    for (int i = 1; i <= job.parallel; ++i) {
        JobInstance instance;
        instance.name = QStringLiteral("%1 %2/%3").arg(job.name).arg(i).arg(job.parallel);
        setVariable(instance.variables, QStringLiteral("CI_NODE_INDEX"), QString::number(i));
        setVariable(instance.variables, QStringLiteral("CI_NODE_TOTAL"), total);
        instances.append(instance);
    }
    return instances;
}

} // namespace

Result<QList<JobInstance>> expandJob(const Job &job)
{
    // A matrix wins over `parallel`: GitLab's `parallel: matrix` arrives as a matrix.
    if (!job.matrix.isEmpty())
        return expandMatrix(job);
    if (job.parallel > 0)
        return expandParallel(job);
    return QList<JobInstance>{JobInstance{job.name, {}, {}}};
}

QString matrixInstanceName(const QString &jobName, const QList<QPair<QString, QString>> &values)
{
    QStringList parts;
    for (const auto &value : values)
        parts.append(value.second);
    return jobName + QStringLiteral(": [") + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace pw::planner
