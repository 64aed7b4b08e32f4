#pragma once

#include "core/store/records.h"

#include <QAbstractListModel>
#include <QFont>

namespace pw::gui {

class StoreReader;

// A job's log as a list of lines, kept as the chunks the engine and the store hand out plus
// where each line starts, so a long log costs little more than its bytes. Stored logs are
// read lazily through a StoreReader (canFetchMore/fetchMore); live output is appended.
// Lines are shown without ANSI escape sequences.
class LogLinesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit LogLinesModel(QObject *parent = nullptr);

    // How many lines (in whole chunks) one fetch from the store asks for.
    void setLinesPerFetch(int lines) { m_linesPerFetch = qBound(1, lines, 1000000); }
    // Shows the stored log of the job's last attempt, read page by page through `reader`.
    void showStored(StoreReader *reader, qint64 runId, int job);
    // Shows lines given with appendChunks only.
    void showLive();
    // Adds the chunks' lines; lines already held (by their line numbers) are not repeated.
    void appendChunks(const QList<LogChunk> &chunks);
    void clear();

    qint64 lineCount() const { return m_lineCount; }
    QString lineText(qint64 line) const;
    // The rows whose text contains `text` (ignoring case), from `fromRow` on.
    QList<int> findRows(const QString &text, int fromRow = 0) const;
    bool isFetching() const { return m_pending != 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void fetchFailed(const QString &error);

private:
    struct Piece
    {
        QByteArray data;
        qint64 firstRow = 0;
        QList<int> lineStarts; // byte offsets of each line in data
    };

    void reset();
    // The lines of `chunk` not yet held when `lineCount` lines are.
    static Piece pieceOf(const LogChunk &chunk, qint64 lineCount);
    QByteArray rawLine(qint64 row) const;
    void onLogRead(quint64 request, const QList<LogChunk> &chunks, bool atEnd,
                   const QString &error);

    QList<Piece> m_pieces;
    qint64 m_lineCount = 0;
    StoreReader *m_reader = nullptr;
    qint64 m_runId = 0;
    int m_job = -1;
    quint64 m_pending = 0;
    bool m_atEnd = true;
    QFont m_font;
    int m_linesPerFetch = 20000;
};

} // namespace pw::gui
