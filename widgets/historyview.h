#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace pw::gui {

class HistoryModel;

// The history of runs as a table, with filters by pipeline and status. Activating a row
// asks for that run to be shown.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(HistoryModel &model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *pipelineFilter() const { return m_pipeline; }
    QComboBox *statusFilter() const { return m_status; }

signals:
    void runActivated(qint64 runId);

private:
    void applyFilter();

    HistoryModel &m_model;
    QLineEdit *m_pipeline = nullptr;
    QComboBox *m_status = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_typing = nullptr;
};

} // namespace pw::gui
