#include "runsketch.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace pw::test {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0);
}

QDateTime timeOf(const QString &token)
{
    return token == QLatin1String("-") ? QDateTime() : secondsIn(token.toDouble());
}

JobRecord jobOf(const QString &text, int index)
{
    const QString body = text.section(QLatin1Char('<'), 0, 0);
    const QStringList fields = body.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() < 3)
        qFatal("a sketched job needs a name, a stage and a status: %s", qPrintable(text));

    JobRecord job;
    job.index = index;
    job.name = fields.at(0);
    job.stage = fields.at(1).toInt();
    const auto status = jobStatusFromString(fields.at(2));
    if (!status)
        qFatal("no job status %s", qPrintable(fields.at(2)));
    job.status = *status;
    if (fields.size() > 3)
        job.startedAt = timeOf(fields.at(3));
    if (fields.size() > 4)
        job.finishedAt = timeOf(fields.at(4));
    job.attempts = job.startedAt.isValid() ? 1 : 0;

    if (text.contains(QLatin1Char('<'))) {
        for (const QString &need : text.section(QLatin1Char('<'), 1).split(QLatin1Char(',')))
            job.needs.append(need.trimmed());
    }
    return job;
}

} // namespace

QDateTime runStart()
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
}

QDateTime secondsIn(double seconds)
{
    return runStart().addMSecs(qint64(seconds * 1000));
}

RunRecord sketchRun(const QString &sketch, RunStatus status, double finishedAt)
{
    RunRecord run;
    run.id = 1;
    run.pipeline = QStringLiteral("sketch");
    run.status = status;
    run.startedAt = runStart();
    if (finishedAt >= 0)
        run.finishedAt = secondsIn(finishedAt);

    QSet<int> stages;
    for (const QString &text : sketch.split(QLatin1Char('|'))) {
        if (text.trimmed().isEmpty())
            continue;
        run.jobs.append(jobOf(text, int(run.jobs.size())));
        stages.insert(run.jobs.last().stage);
    }
    QList<int> sorted(stages.begin(), stages.end());
    std::sort(sorted.begin(), sorted.end());
    for (int stage : sorted)
        run.stages.append({stage, QStringLiteral("s%1").arg(stage), StageStatus::Running, {}, {}});
    return run;
}

QHash<QString, qint64> durationsOf(const QString &text)
{
    QHash<QString, qint64> durations;
    for (const QString &entry : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        durations.insert(entry.section(QLatin1Char('='), 0, 0),
                         qint64(entry.section(QLatin1Char('='), 1).toDouble() * 1000));
    }
    return durations;
}

QString barsOf(const RunRecord &run, const timeline::Timeline &timeline)
{
    QStringList bars;
    for (const timeline::JobBar &bar : timeline.bars) {
        QString text = run.jobs.at(bar.job).name + QLatin1Char(' ');
        if (bar.kind == timeline::BarKind::NotRun) {
            bars.append(text + QLatin1Char('-'));
            continue;
        }
        text += seconds(bar.startMs) + QLatin1Char('-') + seconds(bar.endMs);
        if (bar.expectedEndMs > bar.endMs)
            text += QLatin1Char('~') + seconds(bar.expectedEndMs);
        bars.append(text);
    }
    return bars.join(QStringLiteral(" | "));
}

QString namesOf(const RunRecord &run, const QList<int> &jobs)
{
    QStringList names;
    for (int job : jobs)
        names.append(run.jobs.at(job).name);
    return names.join(QStringLiteral(" > "));
}

} // namespace pw::test
