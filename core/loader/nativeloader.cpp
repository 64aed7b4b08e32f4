#include "nativeloader.h"

#include "keyrules.h"
#include "stagereader.h"
#include "values.h"

namespace pw::loader {

namespace {

struct PipelineDraft
{
    Pipeline pipeline;
    JobDefaults defaults;
};

std::optional<QStringList> readEvents(YamlReader &reader, const MapEntry &entry)
{
    static const QStringList known = {"push", "merge_request", "tag", "schedule", "manual"};
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;

    QStringList events;
    for (const TextItem &item : *items) {
        if (known.contains(item.text)) {
            events.append(item.text);
            continue;
        }
        QString hint = reader.sink().didYouMean(item.text, known);
        if (hint.isEmpty())
            hint = QStringLiteral("; expected one of: ") + known.join(QStringLiteral(", "));
        reader.error(item.node, QStringLiteral("unknown event '%1'%2").arg(item.text, hint));
    }
    return events;
}

const KeyRules<Trigger> &triggerRules()
{
    static const KeyRules<Trigger> rules(
        {
            {"branches", [](auto &r, auto &e,
                            Trigger &trigger) { assign(trigger.branches, readTextList(r, e)); }},
            {"events",
             [](auto &r, auto &e, Trigger &trigger) { assign(trigger.events, readEvents(r, e)); }},
        },
        {});
    return rules;
}

void readTrigger(YamlReader &reader, const MapEntry &entry, Trigger &trigger)
{
    trigger.given = true;
    if (!entry.value.isMap()) {
        reader.errorAtValue(entry, QStringLiteral("'on' must be a map with 'branches' and "
                                                  "'events', got %1")
                                       .arg(describe(entry.value)));
        return;
    }
    triggerRules().read(reader, entry.value, QStringLiteral("'on'"), trigger);
}

const KeyRules<JobDefaults> &defaultsRules()
{
    static const KeyRules<JobDefaults> rules(
        {
            {"timeout",
             [](auto &r, auto &e, JobDefaults &defaults) {
                 assign(defaults.timeout, readDuration(r, e));
             }},
            {"retry", [](auto &r, auto &e,
                         JobDefaults &defaults) { assign(defaults.retry, readRetry(r, e)); }},
            {"isolated", [](auto &r, auto &e,
                            JobDefaults &defaults) { assign(defaults.isolated, readBool(r, e)); }},
            {"shell", [](auto &r, auto &e,
                         JobDefaults &defaults) { assign(defaults.shell, readName(r, e)); }},
        },
        {});
    return rules;
}

void readDefaults(YamlReader &reader, const MapEntry &entry, JobDefaults &defaults)
{
    if (!entry.value.isMap()) {
        reader.errorAtValue(
            entry, QStringLiteral("'defaults' must be a map, got %1").arg(describe(entry.value)));
        return;
    }
    defaultsRules().read(reader, entry.value, QStringLiteral("'defaults'"), defaults);
}

void readStages(YamlReader &reader, const MapEntry &entry, PipelineDraft &draft)
{
    if (!entry.value.isList()) {
        reader.errorAtValue(
            entry,
            QStringLiteral("'stages' must be a list of stages, got %1").arg(describe(entry.value)));
        return;
    }
    const QList<YamlNode> items = reader.items(entry.value);
    if (items.isEmpty()) {
        reader.errorAtValue(entry, QStringLiteral("'stages' must list at least one stage"));
        return;
    }

    for (const YamlNode &item : items) {
        if (reader.exhausted())
            return;
        if (item.isMap()) {
            draft.pipeline.stages.append(readStage(reader, item, draft.defaults));
            continue;
        }
        reader.error(item, QStringLiteral("each stage must be a map with 'name' and 'jobs', "
                                          "got %1")
                               .arg(describe(item)));
    }
}

const KeyRules<PipelineDraft> &pipelineRules()
{
    using Draft = PipelineDraft;
    static const KeyRules<PipelineDraft> rules(
        {
            {"name", [](auto &r, auto &e, Draft &d) { assign(d.pipeline.name, readName(r, e)); }},
            {"on", [](auto &r, auto &e, Draft &d) { readTrigger(r, e, d.pipeline.on); }},
            {"variables",
             [](auto &r, auto &e, Draft &d) { assign(d.pipeline.variables, readVariables(r, e)); }},
            {"defaults", [](auto &r, auto &e, Draft &d) { readDefaults(r, e, d.defaults); }},
            {"stages", [](auto &r, auto &e, Draft &d) { readStages(r, e, d); }},
        },
        {QStringLiteral("name"), QStringLiteral("stages")});
    return rules;
}

} // namespace

Pipeline readNativePipeline(YamlReader &reader, const YamlNode &root)
{
    // Top-level keys starting with '.' hold what anchors share, as in
    // `.defaults: &defaults {...}`, and are otherwise ignored.
    const QString where = QStringLiteral("the top level");
    QList<MapEntry> entries = reader.entries(root, {}, where);
    entries.removeIf([](const MapEntry &entry) { return entry.key.startsWith(QLatin1Char('.')); });
    reader.checkKeys(entries, pipelineRules().names(), where);

    // Jobs start from the defaults, which may come after the stages in the file.
    const auto isDefaults = [](const MapEntry &entry) { return entry.key == "defaults"; };
    std::stable_partition(entries.begin(), entries.end(), isDefaults);

    PipelineDraft draft;
    draft.pipeline.format = Pipeline::Format::Native;
    pipelineRules().readEntries(reader, entries, draft);
    pipelineRules().reportMissing(reader, root, entries, where);
    return draft.pipeline;
}

} // namespace pw::loader
