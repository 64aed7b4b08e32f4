#pragma once

#include "core/store/records.h"
#include "core/store/runstore.h"

#include <QAbstractTableModel>

namespace pw::gui {

class StoreReader;

// The history of runs, newest first, as a table that fetches pages from the store as the
// view scrolls (canFetchMore/fetchMore); the queries run on the reader's thread.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PipelineColumn,
        BranchColumn,
        CommitColumn,
        EventColumn,
        StatusColumn,
        DurationColumn,
        StartedColumn,
        ColumnCount
    };
    enum Role { RunIdRole = Qt::UserRole + 1, StatusKeywordRole };

    explicit HistoryModel(StoreReader &reader, QObject *parent = nullptr);

    void setPageSize(int runs) { m_pageSize = qBound(1, runs, 1000); }
    // Shows only the runs of `pipeline` (empty: all) with `status` (a keyword; empty: any)
    // and loads the first page again.
    void setFilter(const QString &pipeline, const QString &status);
    // Loads the first page again, for instance after a run ended.
    void refresh();

    const RunRecord &runAt(int row) const { return m_runs.at(row); }
    bool isLoading() const { return m_pending != 0; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A page arrived (possibly empty), or the query failed with `error`.
    void pageLoaded(const QString &error);

private:
    void onRunsListed(quint64 request, const QList<RunRecord> &runs, const QString &error);
    QVariant displayData(const RunRecord &run, int column) const;

    StoreReader &m_reader;
    RunQuery m_filter;
    QList<RunRecord> m_runs;
    int m_pageSize = 100;
    quint64 m_pending = 0;
    bool m_atEnd = false;
    QString m_lastError;
};

} // namespace pw::gui
