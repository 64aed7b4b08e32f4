#include "condition.h"

#include "core/expr/expression.h"
#include "values.h"

namespace pw::loader {

namespace {

int leadingSpaces(QByteArrayView line)
{
    int spaces = 0;
    while (spaces < line.size() && line[spaces] == ' ')
        ++spaces;
    return spaces;
}

// A `|` or `>` text starts on the line after its indicator; each of its lines adds its
// characters past the indentation plus one for the line break (or the space a folded
// break becomes), and a blank line adds one. An offset past the last line is placed at
// the end of that line.
SourceLocation locateInBlockText(const YamlReader &reader, const YamlMark &mark, int offset)
{
    const QByteArray &text = reader.source().bytes();
    SourceLocation location = reader.locate(mark);
    qsizetype lineStart = text.indexOf('\n', mark.offset) + 1;
    int line = mark.line + 1;
    int indent = -1;
    int remaining = offset;
    while (lineStart > 0 && lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        QByteArrayView lineText(text.constData() + lineStart, lineEnd - lineStart);
        if (lineText.endsWith('\r'))
            lineText.chop(1);
        const int spaces = leadingSpaces(lineText);

        if (spaces < lineText.size()) {
            indent = indent < 0 ? spaces : indent;
            if (spaces < indent)
                break; // the text ended before this line
            const int length = int(QString::fromUtf8(lineText.sliced(indent)).size());
            location = SourceLocation{reader.source().fileName(), line + 1,
                                      indent + std::min(remaining, length) + 1};
            if (remaining <= length)
                return location;
            remaining -= length + 1;
        } else {
            remaining -= 1;
        }
        lineStart = lineEnd + 1;
        ++line;
    }
    return location;
}

// Where the character at `offset` of a text value is in the file.
SourceLocation locateInText(const YamlReader &reader, const YamlNode &node, int offset)
{
    const YamlMark mark = node.mark();
    const char style = reader.source().at(mark.offset);
    if (style == '|' || style == '>')
        return locateInBlockText(reader, mark, offset);

    SourceLocation location = reader.locate(mark);
    if (location.column > 0)
        location.column += offset + (style == '"' || style == '\'' ? 1 : 0);
    return location;
}

} // namespace

std::optional<Condition> readCondition(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QString> text = readText(reader, entry);
    if (!text)
        return std::nullopt;

    const auto parsed = expr::parseCondition(*text);
    if (!parsed) {
        const int offset = std::clamp(parsed.error().offset, 0, int(text->size()));
        reader.sink().error(
            locateInText(reader, entry.value, offset),
            QStringLiteral("invalid 'if' condition: %1").arg(parsed.error().message));
        return std::nullopt;
    }
    return Condition{*text, reader.locateValue(entry), parsed.value()};
}

} // namespace pw::loader
