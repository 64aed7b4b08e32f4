#include "historymodel.h"

#include "core/util/duration.h"
#include "widgets/statuslook.h"
#include "widgets/store/storereader.h"

#include <QLocale>

namespace pw::gui {

HistoryModel::HistoryModel(StoreReader &reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    connect(&m_reader, &StoreReader::runsListed, this, &HistoryModel::onRunsListed);
}

void HistoryModel::setFilter(const QString &pipeline, const QString &status, const QString &branch,
                             const QString &text)
{
    m_filter.pipeline = pipeline;
    m_filter.status = status;
    m_filter.branch = branch;
    m_filter.text = text;
    refresh();
}

std::optional<RunOrder> HistoryModel::orderOf(int column)
{
    switch (column) {
    case PipelineColumn:
        return RunOrder::Pipeline;
    case BranchColumn:
        return RunOrder::Branch;
    case StatusColumn:
        return RunOrder::Status;
    case DurationColumn:
        return RunOrder::Duration;
    case StartedColumn:
        return RunOrder::Started;
    }
    return std::nullopt;
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    const std::optional<RunOrder> by = orderOf(column);
    if (!by)
        return;
    m_filter.order = *by;
    m_filter.descending = order == Qt::DescendingOrder;
    refresh();
}

void HistoryModel::refresh()
{
    beginResetModel();
    m_runs.clear();
    m_atEnd = false;
    // An answer to an older query no longer matches what is shown: it is dropped.
    m_pending = 0;
    endResetModel();
    fetchMore({});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &run = m_runs.at(index.row());
    switch (role) {
    case RunIdRole:
        return run.id;
    case StatusKeywordRole:
        return keyword(run.status);
    case Qt::DisplayRole:
        return displayData(run, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CommitColumn)
            return run.commit;
        if (index.column() == StatusColumn && !run.reason.isEmpty())
            return run.reason;
        return {};
    }
    if (index.column() != StatusColumn)
        return {};
    if (role == Qt::DecorationRole)
        return lookOf(run.status).icon;
    if (role == Qt::ForegroundRole)
        return lookOf(run.status).colour;
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole) {
        // Names read best from A; durations and start times from the longest and newest.
        const bool newestFirst = section == DurationColumn || section == StartedColumn;
        return int(newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PipelineColumn:
        return tr("Pipeline");
    case BranchColumn:
        return tr("Branch");
    case CommitColumn:
        return tr("Commit");
    case EventColumn:
        return tr("Event");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case StartedColumn:
        return tr("Started");
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_pending == 0;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    RunQuery query = m_filter;
    query.offset = int(m_runs.size());
    query.limit = m_pageSize;
    m_pending = m_reader.listRuns(query);
}

void HistoryModel::onRunsListed(quint64 request, const QList<RunRecord> &runs, const QString &error)
{
    if (request != m_pending)
        return;
    m_lastError = error;
    // A failed page ends the listing, so a broken store is not asked again and again.
    m_atEnd = !error.isEmpty() || runs.size() < m_pageSize;
    // Still pending while the rows go in: a view asking for more meanwhile must wait.
    if (!runs.isEmpty()) {
        beginInsertRows({}, int(m_runs.size()), int(m_runs.size() + runs.size() - 1));
        m_runs.append(runs);
        endInsertRows();
    }
    m_pending = 0;
    emit pageLoaded(error);
}

QVariant HistoryModel::displayData(const RunRecord &run, int column) const
{
    switch (column) {
    case PipelineColumn:
        return run.pipeline;
    case BranchColumn:
        return run.branch;
    case CommitColumn:
        return run.commit.left(10);
    case EventColumn:
        return run.event;
    case StatusColumn:
        return lookOf(run.status).text;
    case DurationColumn:
        return run.finishedAt.isValid() ? formatDuration(Milliseconds(run.durationMs()))
                                        : QString();
    case StartedColumn:
        return QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

} // namespace pw::gui
