#include "yamlwriter.h"

namespace pw::edit {

namespace {

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7F;
}

// Whether `text` read as a plain YAML text gives `text` back.
bool canBePlain(const QString &text, bool inFlow)
{
    static const QString badFirst = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (text.isEmpty() || badFirst.contains(text.front()) || text.trimmed() != text)
        return false;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #"))
        || text.endsWith(QLatin1Char(':')))
        return false;
    if (std::any_of(text.begin(), text.end(), isControl))
        return false;
    static const QString flowIndicators = QStringLiteral(",[]{}");
    const auto isIndicator = [](QChar c) { return flowIndicators.contains(c); };
    return !inFlow || std::none_of(text.begin(), text.end(), isIndicator);
}

QByteArray singleQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return "'" + quoted.toUtf8() + "'";
}

QByteArray doubleQuoted(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (isControl(c))
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUtf8();
            else
                out += QString(c).toUtf8();
        }
    }
    return out + "\"";
}

QByteArray indentation(int columns)
{
    return QByteArray(std::max(columns, 0), ' ');
}

bool isBlockCollection(const PropertyValue &value)
{
    return !value.isText() && !value.isEmptyCollection();
}

} // namespace

QByteArray yamlScalar(const QString &text, bool inFlow, char style)
{
    const bool oneLine = std::none_of(text.begin(), text.end(), isControl);
    if (style == '"' || !oneLine)
        return doubleQuoted(text);
    if (style == '\'')
        return singleQuoted(text);
    if (canBePlain(text, inFlow))
        return text.toUtf8();
    return text.contains(QLatin1Char('\'')) ? doubleQuoted(text) : singleQuoted(text);
}

QByteArray yamlFlow(const PropertyValue &value)
{
    if (value.isText())
        return yamlScalar(value.text(), true);

    const bool isMap = value.kind() == PropertyValue::Kind::Map;
    QByteArrayList parts;
    for (size_t i = 0; i < value.items().size(); ++i) {
        const QByteArray item = yamlFlow(value.items()[i]);
        parts.append(isMap ? yamlScalar(value.keys().at(qsizetype(i)), true) + ": " + item : item);
    }
    const QByteArray body = parts.join(", ");
    return isMap ? "{" + body + "}" : "[" + body + "]";
}

QByteArray yamlBlock(const PropertyValue &value, int indent, const Layout &layout)
{
    QByteArray lines;
    if (value.kind() == PropertyValue::Kind::List) {
        for (const PropertyValue &item : value.items())
            lines += yamlBlockItem(item, indent, layout.itemIndent, layout);
        return lines;
    }
    for (size_t i = 0; i < value.items().size(); ++i) {
        const QByteArray key = yamlScalar(value.keys().at(qsizetype(i)), false);
        const bool flow = layout.prefersFlow(value.keys().at(qsizetype(i)));
        lines += indentation(indent) + key + ":"
                 + yamlAfterColon(value.items()[i], indent, flow, layout) + layout.newline;
    }
    return lines;
}

QByteArray yamlBlockItem(const PropertyValue &value, int indent, int itemIndent,
                         const Layout &layout)
{
    const QByteArray dash = indentation(indent) + "-" + indentation(itemIndent - 1);
    if (value.kind() != PropertyValue::Kind::Map || value.isEmptyCollection())
        return dash + (value.isText() ? yamlScalar(value.text(), false) : yamlFlow(value))
               + layout.newline;
    // The map's keys line up with its first key, which follows the dash.
    const QByteArray lines = yamlBlock(value, indent + itemIndent, layout);
    return dash + lines.mid(indent + itemIndent);
}

QByteArray yamlAfterColon(const PropertyValue &value, int keyIndent, bool flow,
                          const Layout &layout)
{
    if (value.isText())
        return " " + yamlScalar(value.text(), false);
    if (flow || !isBlockCollection(value))
        return " " + yamlFlow(value);

    const bool isList = value.kind() == PropertyValue::Kind::List;
    const int indent = keyIndent + (isList ? layout.listIndent : layout.mapIndent);
    QByteArray lines = yamlBlock(value, indent, layout);
    lines.chop(layout.newline.size());
    return layout.newline + lines;
}

} // namespace pw::edit
