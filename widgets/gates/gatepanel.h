#pragma once

#include "core/store/records.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pw::gui {

class StoreReader;

// The gate a shown run waits at: who may decide and until when, and a click to approve or
// reject it (a rejection with its reason). The decision goes to the store on the reader's
// thread, which says whether this login may make it; the panel shows the refusal if not.
class GatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit GatePanel(StoreReader &reader, QWidget *parent = nullptr);

    // Shows the first gate of `run` that waits; hides the panel when none does.
    void showRun(const RunRecord &run);

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *problemLabel() const { return m_problem; }
    QLineEdit *commentField() const { return m_comment; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }

signals:
    // A decision was recorded for the gate of `stage` of run `runId`.
    void decided(qint64 runId, int stage);

private:
    void decide(bool approve);
    void onDecided(quint64 request, const GateRecord &gate, const QString &error);
    void setBusy(bool busy);

    StoreReader &m_reader;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    qint64 m_runId = 0;
    int m_stage = -1;
    quint64 m_request = 0;
};

} // namespace pw::gui
