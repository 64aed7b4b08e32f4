#pragma once

#include "core/store/records.h"
#include "widgets/logsearch/logtext.h"

#include <QAbstractListModel>
#include <QFont>

#include <memory>

namespace pw::gui {

class StoreReader;

// A job's log as a list of lines over a LogText, so a long log costs little more than its
// bytes. Stored logs are read lazily through a StoreReader (canFetchMore/fetchMore); live
// output is appended, or shared with the run's feed so that it is held only once. Lines are
// shown without ANSI escape sequences; RawLineRole gives them as printed, for colours.
class LogLinesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { RawLineRole = Qt::UserRole + 1 };

    explicit LogLinesModel(QObject *parent = nullptr);

    // How many lines (in whole chunks) one fetch from the store asks for.
    void setLinesPerFetch(int lines) { m_linesPerFetch = qBound(1, lines, 1000000); }
    // Shows the stored log of the job's last attempt, read page by page through `reader`.
    void showStored(StoreReader *reader, qint64 runId, int job);
    // Shows lines given with appendChunks only.
    void showLive();
    // Shows `text`, which its writer (the run's feed) keeps growing: its lines so far at
    // once, later ones as appendChunks announces them.
    void showLive(std::shared_ptr<LogText> text);
    // Adds the chunks' lines; lines already held (by their line numbers) are not repeated.
    void appendChunks(const QList<LogChunk> &chunks);
    void clear();

    // The lines shown; a copy of the text may hold more, not yet announced.
    qint64 lineCount() const { return m_lineCount; }
    const LogText &text() const { return *m_text; }
    // The fixed-pitch font the lines are shown in.
    QFont font() const { return m_font; }
    QString lineText(qint64 line) const;
    QByteArrayView rawLine(qint64 line) const;
    // The rows whose text contains `text` (ignoring case), from `fromRow` on.
    QList<int> findRows(const QString &text, int fromRow = 0) const;
    bool isFetching() const { return m_pending != 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void fetchFailed(const QString &error);

private:
    void reset(std::shared_ptr<LogText> text);
    void announce();
    void onLogRead(quint64 request, const QList<LogChunk> &chunks, bool atEnd,
                   const QString &error);

    std::shared_ptr<LogText> m_text;
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
