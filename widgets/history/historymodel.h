#pragma once

#include "core/store/records.h"
#include "core/store/runstore.h"

#include <QAbstractTableModel>

namespace pw::gui {

class StoreReader;

// The history of runs, newest first unless sorted otherwise, as a table that fetches pages
// from the store as the view scrolls (canFetchMore/fetchMore); the store sorts and filters,
// and the queries run on the reader's thread.
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
    // Shows only the runs of `pipeline` (empty: all) with `status` (a keyword; empty: any),
    // on `branch` (empty: any) and matching `text` (see RunQuery::text), and loads the first
    // page again in the order chosen last.
    void setFilter(const QString &pipeline, const QString &status, const QString &branch = {},
                   const QString &text = {});
    // What the pages are asked for with (the offset and limit aside).
    const RunQuery &query() const { return m_filter; }
    // The store's order for a column, or none for the columns it does not sort by.
    static std::optional<RunOrder> orderOf(int column);
    // Orders by a sortable column and loads the first page again; other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Loads the first page again, for instance after a run ended.
    void refresh();

    const RunRecord &runAt(int row) const { return m_runs.at(row); }
    StoreReader &reader() const { return m_reader; }
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
