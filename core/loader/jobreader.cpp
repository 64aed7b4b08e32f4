#include "jobreader.h"

#include "condition.h"
#include "filesreader.h"
#include "keyrules.h"
#include "limits.h"
#include "matrixreader.h"
#include "needsreader.h"
#include "values.h"

namespace pw::loader {

namespace {

struct JobDraft
{
    Job job;
    QString where; // "job 'lint'", for messages
};

std::optional<QStringList> readCommands(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QStringList> commands = readTextList(reader, entry);
    if (commands && commands->isEmpty()) {
        reader.errorAtValue(entry, QStringLiteral("'commands' must list at least one command"));
        return std::nullopt;
    }
    return commands;
}

std::optional<QStringList> readSecrets(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;

    QStringList secrets;
    for (const TextItem &item : *items) {
        if (!isEnvironmentName(item.text)) {
            reader.error(item.node, QStringLiteral("secret '%1' is not a valid environment "
                                                   "variable name; %2")
                                        .arg(item.text, environmentNameRule()));
        } else if (secrets.contains(item.text)) {
            reader.warning(item.node, QStringLiteral("secret '%1' is listed twice").arg(item.text));
        } else {
            secrets.append(item.text);
        }
    }
    return secrets;
}

const KeyRules<JobDraft> &jobRules()
{
    using Draft = JobDraft;
    static const KeyRules<JobDraft> rules(
        {
            {"name", [](auto &r, auto &e, Draft &d) { assign(d.job.name, readName(r, e)); }},
            {"commands",
             [](auto &r, auto &e, Draft &d) { assign(d.job.commands, readCommands(r, e)); }},
            {"shell", [](auto &r, auto &e, Draft &d) { assign(d.job.shell, readName(r, e)); }},
            {"env", [](auto &r, auto &e, Draft &d) { assign(d.job.env, readVariables(r, e)); }},
            {"timeout",
             [](auto &r, auto &e, Draft &d) { assign(d.job.timeout, readDuration(r, e)); }},
            {"retry", [](auto &r, auto &e, Draft &d) { assign(d.job.retry, readRetry(r, e)); }},
            {"allow_failure",
             [](auto &r, auto &e, Draft &d) { assign(d.job.allowFailure, readBool(r, e)); }},
            {"when", [](auto &r, auto &e, Draft &d) { assign(d.job.when, readWhen(r, e)); }},
            {"if",
             [](auto &r, auto &e, Draft &d) { assign(d.job.condition, readCondition(r, e)); }},
            {"needs",
             [](auto &r, auto &e, Draft &d) {
                 d.job.needsGiven = true;
                 assign(d.job.needs, readNeeds(r, e, d.where));
             }},
            {"matrix",
             [](auto &r, auto &e, Draft &d) { assign(d.job.matrix, readMatrix(r, e, d.where)); }},
            {"cache",
             [](auto &r, auto &e, Draft &d) { assign(d.job.caches, readCaches(r, e, d.where)); }},
            {"artifacts", [](auto &r, auto &e,
                             Draft &d) { assign(d.job.artifacts, readArtifacts(r, e, d.where)); }},
            {"secrets",
             [](auto &r, auto &e, Draft &d) { assign(d.job.secrets, readSecrets(r, e)); }},
            {"resource",
             [](auto &r, auto &e, Draft &d) { assign(d.job.resource, readName(r, e)); }},
            {"isolated",
             [](auto &r, auto &e, Draft &d) { assign(d.job.isolated, readBool(r, e)); }},
        },
        {QStringLiteral("name"), QStringLiteral("commands")});
    return rules;
}

} // namespace

std::optional<int> readRetry(YamlReader &reader, const MapEntry &entry)
{
    return readWholeNumber(reader, entry, 0, maxRetries);
}

Job readJob(YamlReader &reader, const YamlNode &map, const JobDefaults &defaults)
{
    JobDraft draft;
    draft.job.location = reader.locate(map);
    draft.job.timeout = defaults.timeout;
    draft.job.retry = defaults.retry;
    draft.job.isolated = defaults.isolated;
    draft.job.shell = defaults.shell;

    const QString name = peekText(map, QStringLiteral("name"));
    draft.where =
        name.isEmpty() ? QStringLiteral("this job") : QStringLiteral("job '%1'").arg(name);
    jobRules().read(reader, map, draft.where, draft);
    return draft.job;
}

} // namespace pw::loader
