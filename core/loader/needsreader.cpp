#include "needsreader.h"

#include "keyrules.h"
#include "values.h"

namespace pw::loader {

namespace {

std::optional<QMap<QString, QString>> readNeedMatrix(YamlReader &reader, const MapEntry &entry)
{
    if (!entry.value.isMap()) {
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
            {"job", [](auto &r, auto &e, JobNeed &need) { assign(need.job, readName(r, e)); }},
            {"artifacts",
             [](auto &r, auto &e, JobNeed &need) { assign(need.artifacts, readBool(r, e)); }},
            {"matrix",
             [](auto &r, auto &e, JobNeed &need) { assign(need.matrix, readNeedMatrix(r, e)); }},
        },
        {QStringLiteral("job")});
    return rules;
}

std::optional<JobNeed> readNeed(YamlReader &reader, const YamlNode &item, const QString &where)
{
    JobNeed need;
    need.location = reader.locate(item);
    if (item.isMap()) {
        needRules().read(reader, item, QStringLiteral("a need of ") + where, need);
        return need.job.isEmpty() ? std::nullopt : std::optional(need);
    }
    if (item.isText() && !item.text().trimmed().isEmpty()) {
        need.job = item.text();
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
    if (entry.value.isText()) {
        const std::optional<JobNeed> need = readNeed(reader, entry.value, where);
        return need ? std::optional(QList<JobNeed>{*need}) : std::nullopt;
    }
    if (!entry.value.isList()) {
        reader.errorAtValue(
            entry,
            QStringLiteral("'needs' must be a list of jobs, got %1").arg(describe(entry.value)));
        return std::nullopt;
    }

    QList<JobNeed> needs;
    for (const YamlNode &item : reader.items(entry.value)) {
        if (const std::optional<JobNeed> need = readNeed(reader, item, where))
            needs.append(*need);
    }
    return needs;
}

} // namespace pw::loader
