#include "plansketch.h"

namespace pw::test {

namespace {

QString takeMarker(QString &text, QChar marker)
{
    text = text.trimmed();
    if (!text.startsWith(marker))
        return QString();
    text = text.mid(1).trimmed();
    return QString(marker);
}

Job sketchJob(QString text, int line)
{
    Job job;
    const bool conditionFalse = !takeMarker(text, QLatin1Char('!')).isEmpty();
    const bool never = !takeMarker(text, QLatin1Char('~')).isEmpty();
    const qsizetype needsAt = text.indexOf(QLatin1Char('<'));

    job.name = (needsAt < 0 ? text : text.left(needsAt)).trimmed();
    job.location = SourceLocation{QStringLiteral("pipeline.yml"), line, 3};
    if (conditionFalse)
        job.condition = fixedCondition(false, line);
    if (never)
        job.when = When::Never;
    if (needsAt < 0)
        return job;

    job.needsGiven = true;
    const QStringList needs = text.mid(needsAt + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (int n = 0; n < needs.size(); ++n) {
        JobNeed need;
        need.job = needs[n].trimmed();
        need.location = SourceLocation{QStringLiteral("pipeline.yml"), line, 12 + 4 * n};
        job.needs.append(need);
    }
    return job;
}

} // namespace

std::shared_ptr<Pipeline> sketchPipeline(const QString &sketch)
{
    auto pipeline = std::make_shared<Pipeline>();
    pipeline->name = QStringLiteral("sketch");
    int line = 0;
    for (const QString &stageText : sketch.split(QLatin1Char('|'))) {
        Stage stage;
        QString name = stageText.section(QLatin1Char(':'), 0, 0);
        if (!takeMarker(name, QLatin1Char('!')).isEmpty())
            stage.condition = fixedCondition(false);
        stage.name = name;
        const QString jobs = stageText.section(QLatin1Char(':'), 1);
        for (const QString &jobText : jobs.split(QLatin1Char(';'))) {
            if (!jobText.trimmed().isEmpty())
                stage.jobs.append(sketchJob(jobText, ++line));
        }
        pipeline->stages.append(stage);
    }
    return pipeline;
}

QString waitsOf(const Plan &plan)
{
    QStringList parts;
    for (const PlannedJob &job : plan.jobs) {
        QStringList needs;
        for (const PlannedNeed &need : job.needs)
            needs.append(plan.jobs[need.job].name);
        QString waits =
            job.afterEarlierStages ? QStringLiteral("stages") : needs.join(QStringLiteral(", "));
        if (!job.afterEarlierStages && needs.isEmpty())
            waits = QStringLiteral("-");
        parts.append(job.name + QStringLiteral(": ") + waits);
    }
    return parts.join(QStringLiteral(" | "));
}

QString skipsOf(const Plan &plan)
{
    QStringList parts;
    for (const PlannedJob &job : plan.jobs) {
        if (job.skipped)
            parts.append(job.name + QStringLiteral(": ") + job.skipReason);
    }
    return parts.join(QStringLiteral(" | "));
}

QString prioritiesOf(const Plan &plan)
{
    QStringList parts;
    for (const PlannedJob &job : plan.jobs)
        parts.append(job.name + QLatin1Char('=') + QString::number(job.priority));
    return parts.join(QLatin1Char(' '));
}

QString namesOf(const Plan &plan)
{
    QStringList names;
    for (const PlannedJob &job : plan.jobs)
        names.append(job.name);
    return names.join(QStringLiteral(" | "));
}

} // namespace pw::test
