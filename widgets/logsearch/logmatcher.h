#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace pw::gui {

// How often a search on a worker thread hands over what it found, so the count grows as it
// goes.
constexpr int searchBatchMs = 50;

// Finds a text in log lines as they are shown (escape sequences left out), the way a user
// reads them. Cheap to copy, and safe to use from any thread.
class LogMatcher
{
public:
    LogMatcher() = default;
    LogMatcher(const QString &text, Qt::CaseSensitivity sensitivity);

    bool isEmpty() const { return m_text.isEmpty(); }
    QString text() const { return m_text; }
    Qt::CaseSensitivity sensitivity() const { return m_sensitivity; }
    // The length of a match in the shown text (UTF-16 units).
    int length() const { return int(m_text.size()); }

    // Calls found(column) for each match in the raw line, left to right and not overlapping;
    // columns count UTF-16 units of the shown text. Stops early when found returns false.
    template<typename Found>
    void find(QByteArrayView rawLine, Found &&found) const;
    // Whether the raw line holds a match at all.
    bool matches(QByteArrayView rawLine) const;

private:
    QList<int> columnsIn(QByteArrayView rawLine, int limit) const;

    QString m_text;
    QByteArray m_latin1; // the text when it is plain ASCII: lines are searched as bytes
    Qt::CaseSensitivity m_sensitivity = Qt::CaseInsensitive;
};

template<typename Found>
void LogMatcher::find(QByteArrayView rawLine, Found &&found) const
{
    for (int column : columnsIn(rawLine, INT_MAX)) {
        if (!found(column))
            return;
    }
}

} // namespace pw::gui
