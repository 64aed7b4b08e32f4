#include "rulesreader.h"

#include "core/expr/expression.h"

namespace pw::gitlab {

namespace {

// Where the character at `offset` of a one-line text is; a block text gives its start.
SourceLocation locateInText(const DocNode &value, int offset)
{
    SourceLocation location = value.location;
    if (location.column > 0 && !value.text.contains(QLatin1Char('\n')))
        location.column += offset + (value.quoted ? 1 : 0);
    return location;
}

constexpr qsizetype maxNeedFilters = 1000;

// One value or a list of values of a `needs: parallel: matrix` entry.
QStringList filterValues(const DocNode &value)
{
    if (value.isText())
        return {value.text};
    QStringList values;
    for (const DocNode &item : value.items) {
        if (item.isText())
            values.append(item.text);
    }
    return values;
}

// Each map of `parallel: matrix` selects instances; a list of values selects each of them.
QList<QMap<QString, QString>> readNeedFilters(ValueReader &reader, const DocNode &parallel)
{
    const DocNode *matrix = parallel.isMap() ? parallel.find(QStringLiteral("matrix")) : nullptr;
    if (!matrix || !matrix->isList()) {
        reader.error(parallel, QStringLiteral("'parallel' of a need must be a map with a "
                                              "'matrix' list"));
        return {};
    }
    QList<QMap<QString, QString>> filters;
    for (const DocNode &entry : matrix->items) {
        QList<QMap<QString, QString>> combinations{{}};
        for (const DocEntry &dimension : entry.entries) {
            QList<QMap<QString, QString>> next;
            const QStringList values = filterValues(dimension.value);
            // A matrix job has at most 200 instances; a filter far beyond that is a mistake.
            if (combinations.size() * values.size() + filters.size() > maxNeedFilters) {
                reader.error(parallel, QStringLiteral("the matrix of a need selects more than %1 "
                                                      "combinations")
                                           .arg(maxNeedFilters));
                return {};
            }
            for (const QString &value : values) {
                for (QMap<QString, QString> combination : combinations) {
                    combination.insert(dimension.key, value);
                    next.append(combination);
                }
            }
            combinations = next;
        }
        if (!entry.isMap() || entry.entries.isEmpty())
            reader.error(entry, QStringLiteral("each matrix filter must map names to values"));
        else
            filters += combinations;
    }
    return filters;
}

void readNeedMap(ValueReader &reader, const DocNode &item, const QString &where,
                 QList<JobNeed> &needs)
{
    if (item.find(QStringLiteral("project")) || item.find(QStringLiteral("pipeline"))) {
        reader.warning(item, QStringLiteral("%1: a need on another project or pipeline is "
                                            "ignored")
                                 .arg(where));
        return;
    }
    JobNeed need;
    need.location = item.location;
    QList<QMap<QString, QString>> filters{{}};
    static const QStringList keys = {"job", "artifacts", "optional", "parallel"};
    for (const DocEntry &entry : reader.entries(item, keys, QStringLiteral("a need of ") + where)) {
        if (entry.key == QLatin1String("job"))
            need.job = reader.text(entry.value, entry.key).value_or(QString());
        else if (entry.key == QLatin1String("artifacts"))
            need.artifacts = reader.boolean(entry.value, entry.key).value_or(true);
        else if (entry.key == QLatin1String("optional"))
            need.optional = reader.boolean(entry.value, entry.key).value_or(false);
        else if (entry.key == QLatin1String("parallel"))
            filters = readNeedFilters(reader, entry.value);
    }
    if (need.job.isEmpty()) {
        reader.error(item, QStringLiteral("%1: each need must name a 'job'").arg(where));
        return;
    }
    for (const QMap<QString, QString> &filter : filters) {
        need.matrix = filter;
        needs.append(need);
    }
}

void readNeedItems(ValueReader &reader, const DocNode &list, const QString &where, int depth,
                   QList<JobNeed> &needs)
{
    for (const DocNode &item : list.items) {
        if (item.isText() && !item.text.isEmpty()) {
            JobNeed need;
            need.job = item.text;
            need.location = item.location;
            needs.append(need);
        } else if (item.isMap()) {
            readNeedMap(reader, item, where, needs);
        } else if (item.isList() && depth < 10) {
            // A `!reference` to another job's needs inside a needs list.
            readNeedItems(reader, item, where, depth + 1, needs);
        } else {
            reader.error(item, QStringLiteral("%1: each need must be a job name or a map with "
                                              "'job', got %2")
                                   .arg(where, describe(item)));
        }
    }
}

const QStringList &ruleKeys(bool workflow)
{
    static const QStringList job = {"if",           "changes", "exists",        "when",
                                    "variables",    "needs",   "allow_failure", "start_in",
                                    "interruptible"};
    static const QStringList pipeline = {"if",   "changes",   "exists",
                                         "when", "variables", "auto_cancel"};
    return workflow ? pipeline : job;
}

// `changes:` and `exists:` are a list of paths or a map with `paths`.
QStringList readPaths(ValueReader &reader, const DocNode &value, const QString &key)
{
    const DocNode *paths = value.isMap() ? value.find(QStringLiteral("paths")) : &value;
    if (value.isMap() && value.find(QStringLiteral("compare_to"))) {
        reader.warning(value, QStringLiteral("'compare_to' of '%1' is ignored").arg(key));
    }
    if (!paths) {
        reader.error(value,
                     QStringLiteral("'%1' must be a list of paths or a map with 'paths'").arg(key));
        return {};
    }
    return reader.textList(*paths, key).value_or(QStringList());
}

Rule readRule(ValueReader &reader, const DocNode &map, const QString &where, bool workflow)
{
    Rule rule;
    rule.location = map.location;
    for (const DocEntry &entry : reader.entries(map, ruleKeys(workflow), where)) {
        const DocNode &value = entry.value;
        if (entry.key == QLatin1String("if"))
            rule.condition = readRuleCondition(reader, value);
        else if (entry.key == QLatin1String("changes"))
            rule.changes = readPaths(reader, value, entry.key);
        else if (entry.key == QLatin1String("exists"))
            rule.exists = readPaths(reader, value, entry.key);
        else if (entry.key == QLatin1String("when"))
            rule.when = readGitLabWhen(reader, value);
        else if (entry.key == QLatin1String("variables"))
            rule.variables = reader.variables(value, entry.key).value_or(Variables());
        else if (entry.key == QLatin1String("needs"))
            rule.needs = readNeeds(reader, value, where);
        else if (entry.key == QLatin1String("allow_failure"))
            rule.allowFailure = reader.boolean(value, entry.key);
        else if (entry.key != QLatin1String("auto_cancel"))
            reader.warning(value, QStringLiteral("'%1' of a rule is ignored").arg(entry.key));
    }
    return rule;
}

} // namespace

std::optional<When> readGitLabWhen(ValueReader &reader, const DocNode &value)
{
    static const QStringList words = {"on_success", "on_failure", "always",
                                      "manual",     "never",      "delayed"};
    const QString text = value.isText() ? value.text : QString();
    if (text == QLatin1String("delayed")) {
        reader.warning(value, QStringLiteral("'when: delayed' runs the job without a delay"));
        return When::OnSuccess;
    }
    if (const std::optional<When> when = whenFromString(text))
        return when;
    const QString hint = value.isText() ? reader.sink().didYouMean(text, words) : QString();
    reader.error(value, QStringLiteral("'when' must be one of %1, got %2%3")
                            .arg(words.join(QStringLiteral(", ")), describe(value), hint));
    return std::nullopt;
}

std::optional<Condition> readRuleCondition(ValueReader &reader, const DocNode &value)
{
    if (!value.isText()) {
        reader.error(value, QStringLiteral("'if' must be a text, got %1").arg(describe(value)));
        return std::nullopt;
    }
    const auto parsed = expr::parseGitLabRule(value.text);
    if (!parsed) {
        const int offset = std::clamp(parsed.error().offset, 0, int(value.text.size()));
        reader.sink().error(locateInText(value, offset), QStringLiteral("invalid 'if' "
                                                                        "condition: %1")
                                                             .arg(parsed.error().message));
        return std::nullopt;
    }
    return Condition{value.text, value.location, parsed.value()};
}

std::optional<QList<JobNeed>> readNeeds(ValueReader &reader, const DocNode &value,
                                        const QString &where)
{
    if (!value.isList() && !value.isText()) {
        reader.error(value,
                     QStringLiteral("'needs' must be a list of jobs, got %1").arg(describe(value)));
        return std::nullopt;
    }
    DocNode list = value;
    if (value.isText()) {
        list.kind = DocNode::Kind::List;
        list.items = {value};
    }
    QList<JobNeed> needs;
    readNeedItems(reader, list, where, 0, needs);
    return needs;
}

std::optional<QList<Rule>> readRules(ValueReader &reader, const DocNode &value,
                                     const QString &where, bool workflow)
{
    if (!value.isList()) {
        reader.error(
            value, QStringLiteral("'rules' must be a list of rules, got %1").arg(describe(value)));
        return std::nullopt;
    }
    QList<Rule> rules;
    for (const DocNode &item : value.items) {
        if (item.isList()) {
            // A !reference to another job's rules.
            if (std::optional<QList<Rule>> nested = readRules(reader, item, where, workflow))
                rules += *nested;
        } else if (item.isMap()) {
            rules.append(readRule(reader, item, QStringLiteral("a rule of ") + where, workflow));
        } else {
            reader.error(item,
                         QStringLiteral("each rule must be a map, got %1").arg(describe(item)));
        }
    }
    return rules;
}

} // namespace pw::gitlab
