#include "prescan.h"

#include <QList>

#include <cctype>

namespace pw::loader {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

class Prescanner
{
public:
    Prescanner(const QByteArray &text, int limit)
        : m_bytes(text)
        , m_text(text.constData())
        , m_size(text.size())
        , m_limit(limit)
    {}

    PrescanResult run()
    {
        qsizetype start = 0;
        while (start < m_size && m_result.tooDeepAt < 0) {
            qsizetype end = m_bytes.indexOf('\n', start);
            if (end < 0)
                end = m_size;
            scanLine(start, end > start && m_text[end - 1] == '\r' ? end - 1 : end);
            start = end + 1;
        }
        return m_result;
    }

private:
    enum class Quote { None, Single, Double };

    void scanLine(qsizetype start, qsizetype end)
    {
        const int indent = countIndent(start, end);
        if (m_blockTextIndent >= 0) {
            // The lines of a `|` or `>` text are blank or indented like its first line,
            // which is more indented than its key.
            if (start + indent == end)
                return;
            if (m_blockTextContentIndent < 0 && indent > m_blockTextIndent)
                m_blockTextContentIndent = indent;
            if (m_blockTextContentIndent >= 0 && indent >= m_blockTextContentIndent)
                return;
            m_blockTextIndent = -1;
            m_blockTextContentIndent = -1;
        }
        if (followDocumentMarker(start, end))
            return;

        const bool startsInBlock = m_quote == Quote::None && m_flowDepth == 0;
        qsizetype position = start;
        if (startsInBlock)
            position = enterBlockLine(start, end, indent);

        const qsizetype contentEnd = scanValues(position, end);
        if (startsInBlock && m_quote == Quote::None && m_flowDepth == 0
            && endsWithBlockTextIndicator(start + indent, contentEnd)) {
            m_blockTextIndent = indent;
        }
    }

    int countIndent(qsizetype start, qsizetype end) const
    {
        qsizetype position = start;
        while (position < end && m_text[position] == ' ')
            ++position;
        return int(position - start);
    }

    // `---` starts a document and `...` ends one; content after either, once there was
    // content before, is a second document. Returns whether the line holds nothing else.
    bool followDocumentMarker(qsizetype start, qsizetype end)
    {
        const QByteArrayView line(m_text + start, end - start);
        const bool marker = (line.startsWith("---") || line.startsWith("..."))
                            && (line.size() == 3 || isBlank(line[3]));
        if (!marker) {
            const QByteArrayView trimmed = line.trimmed();
            const bool directive = trimmed.startsWith('%') && !m_seenContent;
            if (!trimmed.isEmpty() && !trimmed.startsWith('#') && !directive)
                noteContent(firstNonBlank(start, end));
            return false;
        }

        m_blockIndents.clear();
        m_flowDepth = 0;
        m_quote = Quote::None;
        m_documentEnded = m_documentEnded || m_seenContent;
        // `--- value` puts the document's content on the marker's line.
        const QByteArrayView rest = line.sliced(3).trimmed();
        if (rest.isEmpty() || rest.startsWith('#'))
            return true;
        noteContent(firstNonBlank(start + 3, end));
        return false;
    }

    qsizetype firstNonBlank(qsizetype position, qsizetype end) const
    {
        while (position < end && isBlank(m_text[position]))
            ++position;
        return position;
    }

    void noteContent(qsizetype position)
    {
        if (m_documentEnded && m_result.secondDocumentAt < 0)
            m_result.secondDocumentAt = position;
        if (!m_seenContent)
            m_result.firstContentAt = position;
        m_seenContent = true;
    }

    // Follows block indentation and the `- ` and `? ` indicators that open a nested list or
    // map on the same line; returns where the line's values begin.
    qsizetype enterBlockLine(qsizetype start, qsizetype end, int indent)
    {
        qsizetype position = start + indent;
        if (position == end || m_text[position] == '#')
            return end;

        while (!m_blockIndents.isEmpty() && m_blockIndents.last() > indent)
            m_blockIndents.removeLast();
        if (m_blockIndents.isEmpty() || m_blockIndents.last() < indent)
            openBlock(indent, position);

        while (position < end && isIndicator(position, end)) {
            ++position;
            while (position < end && isBlank(m_text[position]))
                ++position;
            openBlock(int(position - start), position);
        }
        return position;
    }

    // `- `, `? ` and `: `: the indicators of list items, keys and values.
    bool isIndicator(qsizetype position, qsizetype end) const
    {
        const char c = m_text[position];
        return (c == '-' || c == '?' || c == ':')
               && (position + 1 == end || isBlank(m_text[position + 1]));
    }

    void openBlock(int column, qsizetype position)
    {
        m_blockIndents.append(column);
        checkDepth(position);
    }

    void checkDepth(qsizetype position)
    {
        if (m_result.tooDeepAt < 0 && m_blockIndents.size() + m_flowDepth > m_limit)
            m_result.tooDeepAt = position;
    }

    // Follows quotes and flow brackets up to the end of the line or a comment, and
    // returns where the line's content ends. A quote or bracket inside a plain text, as
    // in `it's` or `a[0]`, is part of the text.
    qsizetype scanValues(qsizetype position, qsizetype end)
    {
        bool expectValue = true;
        for (; position < end; ++position) {
            const char c = m_text[position];
            if (m_quote != Quote::None) {
                position = skipQuoted(position, end);
                continue;
            }
            if (isBlank(c))
                continue;
            if (c == '#'
                && (position == 0 || isBlank(m_text[position - 1]) || m_text[position - 1] == '\n'))
                return position;

            if ((c == '"' || c == '\'') && expectValue) {
                m_quote = c == '"' ? Quote::Double : Quote::Single;
                expectValue = false;
            } else if ((c == '[' || c == '{') && (expectValue || m_flowDepth > 0)) {
                ++m_flowDepth;
                checkDepth(position);
                expectValue = true;
            } else if ((c == ']' || c == '}') && m_flowDepth > 0) {
                --m_flowDepth;
                expectValue = false;
            } else {
                // After `,` or `:` in brackets (`{"a":[1]}` needs no space) and after an
                // indicator a value may begin; anything else is plain text.
                expectValue =
                    (m_flowDepth > 0 && (c == ',' || c == ':')) || isIndicator(position, end);
            }
        }
        return end;
    }

    // Steps over one byte of a quoted text; returns the position of the last byte used.
    qsizetype skipQuoted(qsizetype position, qsizetype end)
    {
        const char c = m_text[position];
        const bool hasNext = position + 1 < end;
        if (m_quote == Quote::Double) {
            if (c == '\\' && hasNext)
                return position + 1;
            if (c == '"')
                m_quote = Quote::None;
            return position;
        }
        if (c == '\'' && hasNext && m_text[position + 1] == '\'')
            return position + 1;
        if (c == '\'')
            m_quote = Quote::None;
        return position;
    }

    // Whether the line's content ends with `|` or `>` and optional indicators like `-` or
    // `2`, so that the following lines are text and not structure.
    bool endsWithBlockTextIndicator(qsizetype start, qsizetype end) const
    {
        while (end > start && isBlank(m_text[end - 1]))
            --end;
        while (end > start
               && (std::isdigit(uchar(m_text[end - 1])) || m_text[end - 1] == '-'
                   || m_text[end - 1] == '+'))
            --end;
        if (end == start || (m_text[end - 1] != '|' && m_text[end - 1] != '>'))
            return false;
        return end - 1 == start || isBlank(m_text[end - 2]);
    }

    // The bytes are read through a plain pointer: this loop runs over every byte of the
    // file, and QByteArray's checked access is slow in unoptimised builds.
    const QByteArray &m_bytes;
    const char *const m_text;
    const qsizetype m_size;
    const int m_limit;
    PrescanResult m_result;
    QList<int> m_blockIndents;
    int m_flowDepth = 0;
    Quote m_quote = Quote::None;
    int m_blockTextIndent = -1;
    int m_blockTextContentIndent = -1;
    bool m_seenContent = false;
    bool m_documentEnded = false;
};

} // namespace

PrescanResult prescan(const QByteArray &text, int nestingLimit)
{
    return Prescanner(text, nestingLimit).run();
}

} // namespace pw::loader
