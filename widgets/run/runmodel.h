#pragma once

#include "core/store/records.h"

#include <QAbstractItemModel>
#include <QTimer>

namespace pw::gui {

// One run as a tree: its stages at the top, each stage's jobs below it, with status, elapsed
// time and attempt in columns. Fed with the whole run record on each change (live from a
// RunModelFeed, or once from the history); while jobs are running the elapsed column ticks.
class RunModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, ElapsedColumn, AttemptColumn, ColumnCount };
    enum Role {
        // The status keyword ("running", "success" ...) of the row's stage or job.
        StatusKeywordRole = Qt::UserRole + 1,
        // The job's position in the run; -1 on stage rows.
        JobIndexRole,
    };

    explicit RunModel(QObject *parent = nullptr);

    // Shows `run` from scratch.
    void setRun(const RunRecord &run);
    // Takes the new state of the same run; cheaper than setRun when only states moved.
    void updateRun(const RunRecord &run);
    void updateStage(const RunRecord &run, int stage);
    void updateJob(const RunRecord &run, int job);
    void clear();

    const RunRecord &run() const { return m_run; }
    int jobAt(const QModelIndex &index) const;
    QModelIndex indexOfJob(int job, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool sameShape(const RunRecord &run) const;
    void rebuildStageJobs();
    QVariant stageData(int stage, int column, int role) const;
    QVariant jobData(int job, int column, int role) const;
    void tickElapsed();
    void updateTicking();

    RunRecord m_run;
    // The jobs of each stage, by their positions in m_run.jobs, in plan order.
    QList<QList<int>> m_stageJobs;
    // Where each job sits inside its stage.
    QList<int> m_rowInStage;
    QTimer m_ticker;
};

} // namespace pw::gui
