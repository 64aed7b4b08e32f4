#include "loglinesmodel.h"

#include "ansitext.h"
#include "storereader.h"

#include <QFontDatabase>

#include <algorithm>
#include <climits>

namespace pw::gui {

namespace {

QList<int> lineStartsOf(const QByteArray &data)
{
    QList<int> starts;
    if (data.isEmpty())
        return starts;
    starts.append(0);
    for (qsizetype i = data.indexOf('\n'); i >= 0 && i + 1 < data.size();
         i = data.indexOf('\n', i + 1))
        starts.append(int(i + 1));
    return starts;
}

} // namespace

LogLinesModel::LogLinesModel(QObject *parent)
    : QAbstractListModel(parent)
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
    reset();
    m_runId = runId;
    m_job = job;
    m_atEnd = m_reader == nullptr;
    fetchMore({});
}

void LogLinesModel::showLive()
{
    reset();
}

void LogLinesModel::clear()
{
    reset();
}

void LogLinesModel::reset()
{
    beginResetModel();
    m_pieces.clear();
    m_lineCount = 0;
    m_pending = 0;
    m_atEnd = true;
    m_runId = 0;
    m_job = -1;
    endResetModel();
}

void LogLinesModel::appendChunks(const QList<LogChunk> &chunks)
{
    // One insertion for the whole batch: a view lays out once, however many chunks came.
    QList<Piece> pieces;
    qint64 lineCount = m_lineCount;
    for (const LogChunk &chunk : chunks) {
        Piece piece = pieceOf(chunk, lineCount);
        if (piece.lineStarts.isEmpty())
            continue;
        lineCount += piece.lineStarts.size();
        pieces.append(std::move(piece));
    }
    if (pieces.isEmpty())
        return;

    beginInsertRows({}, int(m_lineCount), int(lineCount - 1));
    m_pieces.append(std::move(pieces));
    m_lineCount = lineCount;
    endInsertRows();
}

LogLinesModel::Piece LogLinesModel::pieceOf(const LogChunk &chunk, qint64 lineCount)
{
    Piece piece;
    piece.data = chunk.data;
    piece.lineStarts = lineStartsOf(chunk.data);
    piece.firstRow = lineCount;
    // Lines already held (a chunk seen live and then read back) are dropped by number.
    const qint64 known = lineCount - chunk.firstLine;
    if (known >= piece.lineStarts.size())
        piece.lineStarts.clear();
    else if (known > 0)
        piece.lineStarts.remove(0, known);
    return piece;
}

QByteArray LogLinesModel::rawLine(qint64 row) const
{
    auto piece = std::upper_bound(m_pieces.cbegin(), m_pieces.cend(), row,
                                  [](qint64 r, const Piece &p) { return r < p.firstRow; });
    if (piece == m_pieces.cbegin())
        return {};
    --piece;
    const qint64 inPiece = row - piece->firstRow;
    if (inPiece >= piece->lineStarts.size())
        return {};
    const int start = piece->lineStarts.at(inPiece);
    const int end = inPiece + 1 < piece->lineStarts.size() ? piece->lineStarts.at(inPiece + 1)
                                                           : int(piece->data.size());
    return piece->data.mid(start, end - start);
}

QString LogLinesModel::lineText(qint64 line) const
{
    return plainLogLine(rawLine(line));
}

QList<int> LogLinesModel::findRows(const QString &text, int fromRow) const
{
    QList<int> rows;
    if (text.isEmpty())
        return rows;
    for (qint64 row = qMax(0, fromRow); row < m_lineCount; ++row) {
        if (lineText(row).contains(text, Qt::CaseInsensitive))
            rows.append(int(row));
    }
    return rows;
}

int LogLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(m_lineCount, INT_MAX));
}

QVariant LogLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return lineText(index.row());
    if (role == Qt::FontRole)
        return m_font;
    return {};
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
