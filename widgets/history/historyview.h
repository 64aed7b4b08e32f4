#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace pw::gui {

class HistoryCharts;
class HistoryModel;

// The history of runs as a table sorted by a click on a column's header, with filters by
// pipeline, status, branch and a free text (commit, trigger), and charts of the pipeline
// the filter names (or of the selected run). Activating a row asks for that run to be shown.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(HistoryModel &model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *pipelineFilter() const { return m_pipeline; }
    QComboBox *statusFilter() const { return m_status; }
    QLineEdit *branchFilter() const { return m_branch; }
    QLineEdit *textFilter() const { return m_text; }
    HistoryCharts *charts() const { return m_charts; }

signals:
    void runActivated(qint64 runId);

private:
    QLineEdit *makeFilter(const QString &name, const QString &placeholder);
    void layOut();
    void applyFilter();
    void onSortChanged(int column, Qt::SortOrder order);
    void updateCharts();

    HistoryModel &m_model;
    QLineEdit *m_pipeline = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_branch = nullptr;
    QLineEdit *m_text = nullptr;
    QTableView *m_table = nullptr;
    HistoryCharts *m_charts = nullptr;
    QTimer *m_typing = nullptr;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace pw::gui
