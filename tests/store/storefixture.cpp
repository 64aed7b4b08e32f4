#include "storefixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace pw::test {

namespace {

QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("none");
    return time.toUTC().toString(Qt::ISODateWithMs)
           + (time.timeSpec() == Qt::UTC ? QString() : QStringLiteral(" (not UTC)"));
}

QString exitText(std::optional<int> code)
{
    return code ? QString::number(*code) : QStringLiteral("none");
}

QString describe(const StageRecord &stage)
{
    return QStringLiteral("stage %1 %2 %3 [%4]\n")
        .arg(stage.index)
        .arg(stage.name, keyword(stage.status), stage.reason);
}

QString describe(const JobRecord &job)
{
    return QStringLiteral("job %1 stage %2 %3 %4 [%5] exit %6 attempts %7 of %8 %9..%10 "
                          "allow_failure %11 cache_hit %12 needs [%13]\n")
        .arg(job.index)
        .arg(job.stage)
        .arg(job.name, keyword(job.status), job.reason, exitText(job.exitCode))
        .arg(job.attempts)
        .arg(job.maxAttempts)
        .arg(timeText(job.startedAt), timeText(job.finishedAt))
        .arg(job.allowFailure)
        .arg(job.cacheHit)
        .arg(job.needs.join(QStringLiteral("|")));
}

} // namespace

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

QString uniquePipeline(const QString &base)
{
    return base + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

RunRecord sampleRun(const QString &pipeline, int jobCount)
{
    const QDateTime start = utc(2024, 2, 29, 23, 59, 58, 123);

    RunRecord run;
    run.pipeline = pipeline;
    run.pipelineFile = QStringLiteral("/srv/ci/%1.yml").arg(pipeline);
    run.status = RunStatus::Success;
    run.reason = QStringLiteral("every job succeeded");
    run.branch = QStringLiteral("feature/unicode-ß");
    run.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    run.event = QStringLiteral("push");
    run.triggeredBy = QStringLiteral("Zoë");
    run.startedAt = start;
    run.finishedAt = start.addMSecs(61001);
    const QString wideName = QStringLiteral("tëst 🚦");
    run.stages = {{0, QStringLiteral("build"), StageStatus::Success, QString(), std::nullopt},
                  {1, wideName, StageStatus::Failed, QStringLiteral("a job failed"), std::nullopt}};

    for (int index = 0; index < jobCount; ++index) {
        JobRecord job;
        job.index = index;
        job.stage = index == 0 ? 0 : 1;
        job.name = QStringLiteral("job %1 — ünïcode").arg(index);
        job.status = index % 2 == 0 ? JobStatus::Success : JobStatus::Failed;
        job.reason = index % 2 == 0 ? QString() : QStringLiteral("exit code %1").arg(index);
        job.exitCode = index % 3 == 2 ? std::nullopt : std::optional<int>(index % 2);
        job.attempts = 1 + index % 3;
        job.maxAttempts = 3;
        job.startedAt = start.addMSecs(index * 7);
        job.finishedAt = start.addMSecs(index * 7 + 1000 + index);
        job.allowFailure = index % 2 == 1;
        job.cacheHit = index % 4 == 0;
        if (index > 0)
            job.needs = {run.jobs.first().name, QStringLiteral("a, \"quoted\" name")};
        run.jobs.append(job);
    }
    return run;
}

QString describe(const RunRecord &run)
{
    QString text = QStringLiteral("run %1 of %2 (%3) %4 [%5] branch %6 commit %7 event %8 "
                                  "by %9 %10..%11\n")
                       .arg(run.id)
                       .arg(run.pipeline, run.pipelineFile, keyword(run.status), run.reason,
                            run.branch, run.commit, run.event, run.triggeredBy)
                       .arg(timeText(run.startedAt), timeText(run.finishedAt));
    for (const StageRecord &stage : run.stages)
        text += describe(stage);
    for (const JobRecord &job : run.jobs)
        text += describe(job);
    return text;
}

QString describe(const QList<AttemptRecord> &attempts)
{
    QString text;
    for (const AttemptRecord &attempt : attempts) {
        text += QStringLiteral("job %1 attempt %2 %3..%4 exit %5 [%6]\n")
                    .arg(attempt.job)
                    .arg(attempt.number)
                    .arg(timeText(attempt.startedAt), timeText(attempt.finishedAt),
                         exitText(attempt.exitCode), attempt.reason);
    }
    return text;
}

StoreBatch finishJobs(const RunRecord &run, JobStatus status, const QDateTime &at)
{
    StoreBatch batch;
    batch.runId = run.id;
    for (JobRecord job : run.jobs) {
        job.status = status;
        job.exitCode = status == JobStatus::Success ? 0 : 1;
        job.startedAt = at;
        job.finishedAt = at.addMSecs(1500 + job.index);
        batch.jobs.append(job);
    }
    return batch;
}

std::unique_ptr<RunStore> openOrDie(const QString &location)
{
    Result<std::unique_ptr<RunStore>> store = openStore(location);
    if (!store)
        qFatal("cannot open the test store: %s", qPrintable(store.error().message));
    return std::move(store).value();
}

QString openError(const QString &location)
{
    Result<std::unique_ptr<RunStore>> store = openStore(location);
    return store ? QStringLiteral("(opened)") : store.error().message;
}

RawSqlite::RawSqlite(const QString &path)
    : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(m_db.lastError().text()));
}

RawSqlite::~RawSqlite()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QVariant RawSqlite::exec(const QString &statement, const QVariantList &values)
{
    QSqlQuery query(m_db);
    if (!query.prepare(statement))
        qFatal("cannot prepare %s: %s", qPrintable(statement),
               qPrintable(query.lastError().text()));
    for (int position = 0; position < values.size(); ++position)
        query.bindValue(position, values.at(position));
    if (!query.exec())
        qFatal("cannot run %s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return query.next() ? query.value(0) : QVariant();
}

} // namespace pw::test
