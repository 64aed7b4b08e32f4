#include "runmatchesmodel.h"

#include <QFontDatabase>

namespace pw::gui {

RunMatchesModel::RunMatchesModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void RunMatchesModel::clear()
{
    beginResetModel();
    m_matches.clear();
    endResetModel();
}

void RunMatchesModel::append(const QList<RunMatch> &matches)
{
    if (matches.isEmpty())
        return;
    const int first = int(m_matches.size());
    beginInsertRows({}, first, first + int(matches.size()) - 1);
    m_matches.append(matches);
    endInsertRows();
}

int RunMatchesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QString RunMatchesModel::jobName(int job) const
{
    const QString name = m_jobNames.value(job);
    return name.isEmpty() ? tr("job %1").arg(job) : name;
}

QVariant RunMatchesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunMatch &match = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        //: A search result: job name, line number (from 1), the line's text.
        return tr("%1:%2: %3").arg(jobName(match.job)).arg(match.line + 1).arg(match.text);
    case Qt::ToolTipRole:
        return tr("Line %1 of %2").arg(match.line + 1).arg(jobName(match.job));
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case JobRole:
        return match.job;
    case LineRole:
        return match.line;
    case ColumnRole:
        return match.column;
    default:
        return {};
    }
}

QHash<int, QByteArray> RunMatchesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(JobRole, "job");
    names.insert(LineRole, "line");
    names.insert(ColumnRole, "column");
    return names;
}

} // namespace pw::gui
