#include "runmodel.h"

#include "core/util/duration.h"
#include "widgets/statuslook.h"

#include <algorithm>

namespace pw::gui {

namespace {

// Stage rows carry 0 as internal id; job rows carry their stage + 1, so parent() is cheap.
constexpr quintptr stageRowId = 0;

qint64 elapsedMs(const JobRecord &job)
{
    if (!job.startedAt.isValid())
        return -1;
    const QDateTime end =
        job.finishedAt.isValid() ? job.finishedAt : QDateTime::currentDateTimeUtc();
    return qMax<qint64>(0, job.startedAt.msecsTo(end));
}

} // namespace

RunModel::RunModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &RunModel::tickElapsed);
}

void RunModel::setRun(const RunRecord &run)
{
    beginResetModel();
    m_run = run;
    rebuildStageJobs();
    endResetModel();
    updateTicking();
}

void RunModel::updateRun(const RunRecord &run)
{
    if (!sameShape(run)) {
        setRun(run);
        return;
    }
    m_run = run;
    for (int stage = 0; stage < m_stageJobs.size(); ++stage) {
        emit dataChanged(index(stage, 0), index(stage, ColumnCount - 1));
        const int jobs = int(m_stageJobs.at(stage).size());
        if (jobs > 0)
            emit dataChanged(index(0, 0, index(stage, 0)),
                             index(jobs - 1, ColumnCount - 1, index(stage, 0)));
    }
    updateTicking();
}

void RunModel::updateStage(const RunRecord &run, int stage)
{
    if (!sameShape(run) || stage < 0 || stage >= m_stageJobs.size()) {
        updateRun(run);
        return;
    }
    m_run = run;
    emit dataChanged(index(stage, 0), index(stage, ColumnCount - 1));
}

void RunModel::updateJob(const RunRecord &run, int job)
{
    if (!sameShape(run) || job < 0 || job >= m_rowInStage.size()) {
        updateRun(run);
        return;
    }
    m_run = run;
    emit dataChanged(indexOfJob(job, 0), indexOfJob(job, ColumnCount - 1));
    updateTicking();
}

void RunModel::clear()
{
    setRun(RunRecord());
}

int RunModel::jobAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == stageRowId)
        return -1;
    return m_stageJobs.at(int(index.internalId() - 1)).at(index.row());
}

QModelIndex RunModel::indexOfJob(int job, int column) const
{
    if (job < 0 || job >= m_rowInStage.size() || m_rowInStage.at(job) < 0)
        return {};
    const int stage = m_run.jobs.at(job).stage;
    return createIndex(m_rowInStage.at(job), column, quintptr(stage + 1));
}

QModelIndex RunModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, stageRowId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RunModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == stageRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, stageRowId);
}

int RunModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_stageJobs.size());
    if (parent.column() != 0 || parent.internalId() != stageRowId)
        return 0;
    return int(m_stageJobs.at(parent.row()).size());
}

int RunModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == stageRowId)
        return stageData(index.row(), index.column(), role);
    return jobData(jobAt(index), index.column(), role);
}

QVariant RunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Stage / job");
    case StatusColumn:
        return tr("Status");
    case ElapsedColumn:
        return tr("Elapsed");
    case AttemptColumn:
        return tr("Attempt");
    }
    return {};
}

bool RunModel::sameShape(const RunRecord &run) const
{
    return run.id == m_run.id && run.stages.size() == m_run.stages.size()
           && run.jobs.size() == m_run.jobs.size();
}

void RunModel::rebuildStageJobs()
{
    m_stageJobs = QList<QList<int>>(m_run.stages.size());
    m_rowInStage = QList<int>(m_run.jobs.size(), -1);
    for (int job = 0; job < m_run.jobs.size(); ++job) {
        const int stage = m_run.jobs.at(job).stage;
        // A job naming no known stage is not shown rather than breaking the tree.
        if (stage < 0 || stage >= m_stageJobs.size())
            continue;
        m_rowInStage[job] = int(m_stageJobs[stage].size());
        m_stageJobs[stage].append(job);
    }
}

QVariant RunModel::stageData(int stage, int column, int role) const
{
    const StageRecord &record = m_run.stages.at(stage);
    if (role == StatusKeywordRole)
        return keyword(record.status);
    if (role == JobIndexRole)
        return -1;
    if (role == Qt::ToolTipRole && !record.reason.isEmpty())
        return record.reason;

    if (column == NameColumn && role == Qt::DisplayRole)
        return record.name;
    if (column == StatusColumn) {
        const StatusLook look = lookOf(record.status);
        if (role == Qt::DisplayRole)
            return look.text;
        if (role == Qt::DecorationRole)
            return look.icon;
        if (role == Qt::ForegroundRole)
            return look.colour;
    }
    return {};
}

QVariant RunModel::jobData(int job, int column, int role) const
{
    const JobRecord &record = m_run.jobs.at(job);
    if (role == StatusKeywordRole)
        return keyword(record.status);
    if (role == JobIndexRole)
        return job;
    if (role == Qt::ToolTipRole && !record.reason.isEmpty())
        return record.reason;

    switch (column) {
    case NameColumn:
        return role == Qt::DisplayRole ? QVariant(record.name) : QVariant();
    case StatusColumn: {
        const StatusLook look = lookOf(record.status);
        if (role == Qt::DisplayRole)
            return record.allowFailure && record.status == JobStatus::Failed
                       ? tr("%1 (allowed)").arg(look.text)
                       : look.text;
        if (role == Qt::DecorationRole)
            return look.icon;
        if (role == Qt::ForegroundRole)
            return look.colour;
        return {};
    }
    case ElapsedColumn: {
        const qint64 ms = elapsedMs(record);
        if (role == Qt::DisplayRole && ms >= 0)
            return formatDuration(Milliseconds(ms));
        return {};
    }
    case AttemptColumn:
        if (role != Qt::DisplayRole || record.attempts <= 0)
            return {};
        // A job that may retry says how many tries it has, so "2/3" reads as one left.
        if (record.maxAttempts > 1)
            return QStringLiteral("%1/%2").arg(record.attempts).arg(record.maxAttempts);
        return record.attempts;
    }
    return {};
}

void RunModel::tickElapsed()
{
    for (int job = 0; job < m_run.jobs.size(); ++job) {
        if (m_run.jobs.at(job).status == JobStatus::Running && m_rowInStage.at(job) >= 0) {
            const QModelIndex cell = indexOfJob(job, ElapsedColumn);
            emit dataChanged(cell, cell, {Qt::DisplayRole});
        }
    }
}

void RunModel::updateTicking()
{
    const bool anyRunning = std::any_of(m_run.jobs.cbegin(), m_run.jobs.cend(),
                                        [](auto &job) { return job.status == JobStatus::Running; });
    if (anyRunning && !m_ticker.isActive())
        m_ticker.start();
    else if (!anyRunning)
        m_ticker.stop();
}

} // namespace pw::gui
