#include "logmatcher.h"

#include "widgets/ansitext.h"

namespace pw::gui {

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

// The text of a raw line without its line end, and without escapes when it has any: most
// lines have none, and then nothing is copied.
QByteArrayView shownBytes(QByteArrayView rawLine, QByteArray &buffer)
{
    if (rawLine.indexOf('\x1b') >= 0) {
        buffer = plainLogBytes(rawLine);
        return buffer;
    }
    qsizetype end = rawLine.size();
    while (end > 0 && (rawLine.at(end - 1) == '\n' || rawLine.at(end - 1) == '\r'))
        --end;
    return rawLine.first(end);
}

} // namespace

LogMatcher::LogMatcher(const QString &text, Qt::CaseSensitivity sensitivity)
    : m_text(text)
    , m_sensitivity(sensitivity)
{
    const QByteArray utf8 = text.toUtf8();
    if (isAscii(utf8))
        m_latin1 = utf8;
}

bool LogMatcher::matches(QByteArrayView rawLine) const
{
    return !columnsIn(rawLine, 1).isEmpty();
}

QList<int> LogMatcher::columnsIn(QByteArrayView rawLine, int limit) const
{
    QList<int> columns;
    if (m_text.isEmpty())
        return columns;
    QByteArray buffer;
    const QByteArrayView shown = shownBytes(rawLine, buffer);

    // An ASCII text is looked for in the bytes themselves; UTF-8 keeps ASCII as it is, so
    // byte positions only need turning into UTF-16 columns when the line has other letters.
    if (!m_latin1.isEmpty()) {
        const QLatin1String haystack(shown.data(), shown.size());
        const QLatin1String needle(m_latin1);
        const bool ascii = isAscii(shown);
        for (qsizetype at = haystack.indexOf(needle, 0, m_sensitivity);
             at >= 0 && columns.size() < limit;
             at = haystack.indexOf(needle, at + needle.size(), m_sensitivity)) {
            columns.append(ascii ? int(at) : int(QString::fromUtf8(shown.first(at)).size()));
        }
        return columns;
    }

    const QString text = QString::fromUtf8(shown);
    for (qsizetype at = text.indexOf(m_text, 0, m_sensitivity); at >= 0 && columns.size() < limit;
         at = text.indexOf(m_text, at + m_text.size(), m_sensitivity))
        columns.append(int(at));
    return columns;
}

} // namespace pw::gui
