#include "dotenvreport.h"

#include <QFile>
#include <QStringDecoder>

namespace pw::files {

namespace {

// Enough of a bad line to recognise it, not a whole value that may be a secret.
constexpr qsizetype shownLength = 40;

QString shown(const QString &text)
{
    return text.size() <= shownLength ? text : text.left(shownLength) + QStringLiteral("...");
}

bool isNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
           || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
}

// Why `name` cannot be a variable's name, or an empty text.
QString nameProblem(const QString &name, const DotenvLimits &limits)
{
    if (name.isEmpty())
        return QStringLiteral("the name before '=' is empty");
    if (name.size() > limits.maxNameLength)
        return QStringLiteral("the name is longer than %1 characters").arg(limits.maxNameLength);
    for (const QChar c : name) {
        if (!isNameChar(c)) {
            return QStringLiteral("'%1' is not a variable name: names have only ASCII letters, "
                                  "digits and '_'")
                .arg(shown(name));
        }
    }
    return QString();
}

// Why one line is not NAME=VALUE, or an empty text; sets `variable` when it is.
QString readLine(const QString &line, const DotenvLimits &limits, Variable &variable)
{
    if (line.trimmed().isEmpty())
        return QStringLiteral("the line is empty; a dotenv report has no empty lines");
    if (line.trimmed().startsWith(QLatin1Char('#')))
        return QStringLiteral("a dotenv report has no comments");
    const qsizetype equals = line.indexOf(QLatin1Char('='));
    if (equals < 0)
        return QStringLiteral("'%1' is not NAME=VALUE").arg(shown(line.trimmed()));

    const QString name = line.left(equals).trimmed();
    if (const QString problem = nameProblem(name, limits); !problem.isEmpty())
        return problem;
    variable = Variable{name, line.mid(equals + 1).trimmed(), false};
    return QString();
}

} // namespace

Result<Variables> parseDotenv(const QByteArray &text, const QString &fileName,
                              const DotenvLimits &limits)
{
    if (text.size() > limits.maxBytes) {
        return Error{QStringLiteral("%1: the report has %2 bytes; a dotenv report may have at "
                                    "most %3")
                         .arg(fileName)
                         .arg(text.size())
                         .arg(limits.maxBytes)};
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(text);
    if (decoder.hasError())
        return Error{fileName + QStringLiteral(": the report is not UTF-8 text")};

    // A last line ends the text; a line break after it starts no further line.
    QStringList lines = decoded.split(QLatin1Char('\n'));
    if (lines.last().isEmpty())
        lines.removeLast();

    Variables variables;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString where = QStringLiteral("%1:%2: ").arg(fileName).arg(i + 1);
        if (lines[i].contains(QChar(0)))
            return Error{where + QStringLiteral("the line has a NUL byte")};
        Variable variable;
        if (const QString problem = readLine(lines[i], limits, variable); !problem.isEmpty())
            return Error{where + problem};
        setVariable(variables, variable.name, variable.value, false);
        if (variables.size() > limits.maxVariables) {
            return Error{where
                         + QStringLiteral("more than %1 variables; a dotenv report may have at "
                                          "most %1")
                               .arg(limits.maxVariables)};
        }
    }
    return variables;
}

Result<Variables> readDotenvFile(const QString &path, const QString &fileName,
                                 const DotenvLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("%1: cannot read the report: %2").arg(fileName, file.errorString())};
    // One byte past the limit is enough to tell that the report is too large.
    const QByteArray text = file.read(limits.maxBytes + 1);
    if (text.size() > limits.maxBytes) {
        return Error{QStringLiteral("%1: the report has %2 bytes; a dotenv report may have at "
                                    "most %3")
                         .arg(fileName)
                         .arg(file.size())
                         .arg(limits.maxBytes)};
    }
    return parseDotenv(text, fileName, limits);
}

} // namespace pw::files
