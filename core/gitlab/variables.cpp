#include "variables.h"

#include "core/model/pipeline.h"
#include "core/plan/runcontext.h"

#include <QFileInfo>
#include <QSet>

namespace pw::gitlab {

namespace {

// Deeper references than this are surely a loop or a hostile file.
constexpr int maxExpansionDepth = 16;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The index of the `}` closing the `${` whose `{` is at `open`, or -1.
qsizetype closingBrace(const QString &text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('{'))
            ++depth;
        else if (text[i] == QLatin1Char('}') && --depth == 0)
            return i;
    }
    return -1;
}

// Looks names up, expanding each value from the others on first use.
class Expander
{
public:
    explicit Expander(const Variables &variables)
    {
        for (const Variable &variable : variables)
            m_declared.insert(variable.name, variable);
    }

    explicit Expander(const QHash<QString, QString> &values)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_declared.insert(it.key(), Variable{it.key(), it.value(), false});
    }

    QString valueOf(const QString &name, int depth, bool *found)
    {
        const auto declared = m_declared.constFind(name);
        *found = declared != m_declared.cend();
        if (!*found)
            return QString();
        if (!declared->expand)
            return declared->value;
        if (const auto done = m_expanded.constFind(name); done != m_expanded.cend())
            return *done;
        if (m_inProgress.contains(name) || depth > maxExpansionDepth)
            return declared->value;

        m_inProgress.insert(name);
        const QString value = expand(declared->value, depth + 1);
        m_inProgress.remove(name);
        m_expanded.insert(name, value);
        return value;
    }

    QString expand(const QString &text, int depth)
    {
        QString result;
        result.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] != QLatin1Char('$') || i + 1 >= text.size()) {
                result += text[i];
                continue;
            }
            const QChar next = text[i + 1];
            if (next == QLatin1Char('$')) {
                result += QLatin1Char('$');
                ++i;
            } else if (next == QLatin1Char('{')) {
                i = expandBraced(text, i, depth, result);
            } else if (isNameStart(next)) {
                qsizetype end = i + 1;
                while (end < text.size() && isNameChar(text[end]))
                    ++end;
                const QString name = text.mid(i + 1, end - i - 1);
                bool found = false;
                const QString value = valueOf(name, depth, &found);
                result += found ? value : text.mid(i, end - i);
                i = end - 1;
            } else {
                result += text[i];
            }
        }
        return result;
    }

private:
    // Appends the expansion of the `${...}` starting at `dollar`; returns the last index used.
    qsizetype expandBraced(const QString &text, qsizetype dollar, int depth, QString &result)
    {
        const qsizetype close = closingBrace(text, dollar + 1);
        if (close < 0 || depth > maxExpansionDepth) {
            result += text.mid(dollar);
            return text.size() - 1;
        }
        const QString inner = text.mid(dollar + 2, close - dollar - 2);
        const QString name = inner.contains(QLatin1Char('$')) ? expand(inner, depth + 1) : inner;
        bool found = false;
        const QString value = valueOf(name, depth, &found);
        result += found ? value : text.mid(dollar, close - dollar + 1);
        return close;
    }

    QHash<QString, Variable> m_declared;
    QHash<QString, QString> m_expanded;
    QSet<QString> m_inProgress;
};

QString pipelineSource(const QString &event)
{
    if (event == QLatin1String("merge_request"))
        return QStringLiteral("merge_request_event");
    if (event == QLatin1String("schedule"))
        return QStringLiteral("schedule");
    if (event == QLatin1String("manual"))
        return QStringLiteral("web");
    return QStringLiteral("push");
}

} // namespace

QString expandText(const QString &text, const QHash<QString, QString> &values)
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    return Expander(values).expand(text, 0);
}

Variables expandVariables(const Variables &variables)
{
    Expander expander(variables);
    Variables result = variables;
    for (Variable &variable : result) {
        bool found = false;
        variable.value = expander.valueOf(variable.name, 0, &found);
    }
    return result;
}

QHash<QString, QString> valuesByName(const Variables &variables)
{
    QHash<QString, QString> values;
    values.reserve(variables.size());
    for (const Variable &variable : variables)
        values.insert(variable.name, variable.value);
    return values;
}

QString slug(const QString &text)
{
    QString result;
    for (const QChar c : text.toLower())
        result +=
            (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit() ? c : QLatin1Char('-');
    result = result.left(63);
    while (result.startsWith(QLatin1Char('-')))
        result.remove(0, 1);
    while (result.endsWith(QLatin1Char('-')))
        result.chop(1);
    return result;
}

Variables predefinedVariables(const Pipeline &pipeline, const RunContext &context)
{
    // A tag run is one started for a tag, or one on a detached HEAD that a tag points at.
    const bool tagRun = context.event == QLatin1String("tag")
                        || (context.branch.isEmpty() && !context.tag.isEmpty());
    const QString refName = tagRun ? context.tag : context.branch;

    Variables variables;
    const auto set = [&](const char *name, const QString &value) {
        variables.append({QString::fromLatin1(name), value, false});
    };
    set("CI", QStringLiteral("true"));
    // Jobs run on this machine, not on a GitLab server: scripts that call its API must not
    // think they can.
    set("GITLAB_CI", QStringLiteral("false"));
    set("CI_PROJECT_DIR", pipeline.directory);
    set("CI_BUILDS_DIR", QFileInfo(pipeline.directory).path());
    set("CI_PROJECT_NAME", QFileInfo(pipeline.directory).fileName());
    set("CI_PIPELINE_SOURCE", pipelineSource(context.event));
    set("CI_DEFAULT_BRANCH", QStringLiteral("main"));
    set("CI_COMMIT_SHA", context.commit);
    set("CI_COMMIT_SHORT_SHA", context.commit.left(8));
    set("CI_COMMIT_REF_NAME", refName);
    set("CI_COMMIT_REF_SLUG", slug(refName));
    if (tagRun)
        set("CI_COMMIT_TAG", context.tag);
    else
        set("CI_COMMIT_BRANCH", context.branch);
    set("GITLAB_USER_LOGIN", context.triggeredBy);
    return variables;
}

void addJobVariables(Variables &variables, const QString &jobName, const QString &stage)
{
    setVariable(variables, QStringLiteral("CI_JOB_NAME"), jobName, false);
    setVariable(variables, QStringLiteral("CI_JOB_NAME_SLUG"), slug(jobName), false);
    setVariable(variables, QStringLiteral("CI_JOB_STAGE"), stage, false);
    setVariable(variables, QStringLiteral("CI_JOB_STATUS"), QStringLiteral("running"), false);
    setVariable(variables, QStringLiteral("CI_NODE_TOTAL"), QStringLiteral("1"), false);
}

} // namespace pw::gitlab
