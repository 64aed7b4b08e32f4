#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace pw::gui {

// A line of a run's log where a search found its text.
struct RunMatch
{
    int job = -1;
    qint64 line = 0;
    int column = 0;
    QString text; // the shown line, cut short when long
};

// The lines of every job's log in a run that a search found, as "job:line: text" rows.
class RunMatchesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { JobRole = Qt::UserRole + 1, LineRole, ColumnRole };

    explicit RunMatchesModel(QObject *parent = nullptr);

    // The names rows give their jobs by; a job without one shows its number.
    void setJobNames(const QStringList &names) { m_jobNames = names; }
    void clear();
    void append(const QList<RunMatch> &matches);
    const RunMatch &matchAt(int row) const { return m_matches.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString jobName(int job) const;

    QList<RunMatch> m_matches;
    QStringList m_jobNames;
};

} // namespace pw::gui
