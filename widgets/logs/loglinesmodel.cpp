#include "loglinesmodel.h"

#include "widgets/ansitext.h"
#include "widgets/logsearch/logmatcher.h"
#include "widgets/store/storereader.h"

#include <QFontDatabase>

#include <climits>

namespace pw::gui {

LogLinesModel::LogLinesModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_text(std::make_shared<LogText>())
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{}

void LogLinesModel::showStored(StoreReader *reader, qint64 runId, int job)
{
    if (m_reader != reader) {
        if (m_reader)
            disconnect(m_reader, nullptr, this, nullptr);
        m_reader = reader;
        if (m_reader)
            connect(m_reader, &StoreReader::logRead, this, &LogLinesModel::onLogRead);
    }
    reset(std::make_shared<LogText>());
    m_runId = runId;
    m_job = job;
    m_atEnd = m_reader == nullptr;
    fetchMore({});
}

void LogLinesModel::showLive()
{
    reset(std::make_shared<LogText>());
}

void LogLinesModel::showLive(std::shared_ptr<LogText> text)
{
    reset(text ? std::move(text) : std::make_shared<LogText>());
    announce();
}

void LogLinesModel::clear()
{
    reset(std::make_shared<LogText>());
}

void LogLinesModel::reset(std::shared_ptr<LogText> text)
{
    beginResetModel();
    m_text = std::move(text);
    m_lineCount = 0;
    m_pending = 0;
    m_atEnd = true;
    m_runId = 0;
    m_job = -1;
    endResetModel();
}

void LogLinesModel::appendChunks(const QList<LogChunk> &chunks)
{
    for (const LogChunk &chunk : chunks)
        m_text->append(chunk);
    announce();
}

void LogLinesModel::announce()
{
    // One insertion for everything new: a view lays out once, however many chunks came.
    const qint64 lines = qMin<qint64>(m_text->lineCount(), INT_MAX);
    if (lines <= m_lineCount)
        return;
    beginInsertRows({}, int(m_lineCount), int(lines - 1));
    m_lineCount = lines;
    endInsertRows();
}

QByteArrayView LogLinesModel::rawLine(qint64 line) const
{
    return line < m_lineCount ? m_text->rawLine(line) : QByteArrayView();
}

QString LogLinesModel::lineText(qint64 line) const
{
    return plainLogLine(rawLine(line));
}

QList<int> LogLinesModel::findRows(const QString &text, int fromRow) const
{
    QList<int> rows;
    const LogMatcher matcher(text, Qt::CaseInsensitive);
    if (matcher.isEmpty())
        return rows;
    for (qint64 row = qMax(0, fromRow); row < m_lineCount; ++row) {
        if (matcher.matches(rawLine(row)))
            rows.append(int(row));
    }
    return rows;
}

int LogLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lineCount);
}

QVariant LogLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return lineText(index.row());
    if (role == RawLineRole)
        return rawLine(index.row()).toByteArray();
    if (role == Qt::FontRole)
        return m_font;
    return {};
}

QHash<int, QByteArray> LogLinesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RawLineRole, "rawLine");
    return names;
}

bool LogLinesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_pending == 0 && m_reader;
}

void LogLinesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_pending = m_reader->readLog(m_runId, m_job, m_lineCount, m_linesPerFetch);
}

void LogLinesModel::onLogRead(quint64 request, const QList<LogChunk> &chunks, bool atEnd,
                              const QString &error)
{
    if (request != m_pending)
        return;
    m_atEnd = atEnd || !error.isEmpty();
    // Still pending while the lines go in: a view asking for more meanwhile must wait.
    appendChunks(chunks);
    m_pending = 0;
    if (!error.isEmpty())
        emit fetchFailed(error);
}

} // namespace pw::gui
