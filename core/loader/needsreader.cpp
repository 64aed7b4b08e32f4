#include "needsreader.h"

#include "keyrules.h"
#include "values.h"

namespace pw::loader {

namespace {

std::optional<QMap<QString, QString>> readNeedMatrix(YamlReader &reader, const MapEntry &entry)
{
    if (!entry.value.IsMap()) {
        reader.errorAtValue(entry, QStringLiteral("'matrix' of a need must map dimensions to "
                                                  "values, got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }

    QMap<QString, QString> values;
    for (const MapEntry &dimension : reader.entries(entry.value, {}, QString())) {
        if (const std::optional<QString> value = readText(reader, dimension))
            values.insert(dimension.key, *value);
    }
    return values;
}

const KeyRules<JobNeed> &needRules()
{
    static const KeyRules<JobNeed> rules(
        {
            {"job", [](YamlReader &r, const MapEntry &e, JobNeed &need) {
                 assign(need.job, readName(r, e));
             }},
            {"artifacts", [](YamlReader &r, const MapEntry &e, JobNeed &need) {
                 assign(need.artifacts, readBool(r, e));
             }},
            {"matrix", [](YamlReader &r, const MapEntry &e, JobNeed &need) {
                 assign(need.matrix, readNeedMatrix(r, e));
             }},
        },
        {QStringLiteral("job")});
    return rules;
}

std::optional<JobNeed> readNeed(YamlReader &reader, const YAML::Node &item, const QString &where)
{
    JobNeed need;
    need.location = reader.locate(item);
    if (item.IsMap()) {
        needRules().read(reader, item, QStringLiteral("a need of ") + where, need);
        return need.job.isEmpty() ? std::nullopt : std::optional(need);
    }
    if (isText(item) && !scalarText(item).trimmed().isEmpty()) {
        need.job = scalarText(item);
        return need;
    }
    reader.error(item, QStringLiteral("the items of 'needs' must be job names or maps with "
                                      "'job', got %1")
                           .arg(describe(item)));
    return std::nullopt;
}

} // namespace

std::optional<QList<JobNeed>> readNeeds(YamlReader &reader, const MapEntry &entry,
                                        const QString &where)
{
    if (isText(entry.value)) {
        const std::optional<JobNeed> need = readNeed(reader, entry.value, where);
        return need ? std::optional(QList<JobNeed>{*need}) : std::nullopt;
    }
    if (!entry.value.IsSequence()) {
        reader.errorAtValue(entry, QStringLiteral("'needs' must be a list of jobs, got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }

    QList<JobNeed> needs;
    for (const YAML::Node &item : reader.items(entry.value)) {
        if (const std::optional<JobNeed> need = readNeed(reader, item, where))
            needs.append(*need);
    }
    return needs;
}

} // namespace pw::loader
