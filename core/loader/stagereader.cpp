#include "stagereader.h"

#include "condition.h"
#include "keyrules.h"
#include "values.h"

#include <QRegularExpression>

namespace pw::loader {

namespace {

struct StageDraft
{
    Stage stage;
    QString where; // "stage 'build'", for messages
    const JobDefaults *defaults = nullptr;
};

struct GateDraft
{
    GateSpec gate;
    YamlNode required; // where `required` is, to report it against the approvers
};

std::optional<QStringList> readApprovers(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;
    if (items->isEmpty()) {
        reader.errorAtValue(entry, QStringLiteral("'approvers' must name at least one person"));
        return std::nullopt;
    }

    QStringList approvers;
    for (const TextItem &item : *items) {
        // A login: what a database or the operating system would accept as a user name.
        static const QRegularExpression login(QStringLiteral("^[^\\s\\x00-\\x1f,]+$"));
        if (!login.match(item.text).hasMatch()) {
            reader.error(item.node, QStringLiteral("approver '%1' is not a login name: no spaces, "
                                                   "commas or control characters")
                                        .arg(item.text));
            return std::nullopt;
        }
        if (approvers.contains(item.text))
            reader.warning(item.node,
                           QStringLiteral("approver '%1' is listed twice").arg(item.text));
        else
            approvers.append(item.text);
    }
    return approvers;
}

std::optional<GateSpec::OnTimeout> readOnTimeout(YamlReader &reader, const MapEntry &entry)
{
    static const QStringList choices = {"reject", "approve"};
    const std::optional<QString> choice = readChoice(reader, entry, choices);
    if (!choice)
        return std::nullopt;
    return *choice == choices[0] ? GateSpec::OnTimeout::Reject : GateSpec::OnTimeout::Approve;
}

const KeyRules<GateDraft> &gateRules()
{
    static const KeyRules<GateDraft> rules(
        {
            {"approvers",
             [](auto &r, auto &e, GateDraft &d) { assign(d.gate.approvers, readApprovers(r, e)); }},
            {"required",
             [](auto &r, auto &e, GateDraft &d) {
                 d.required = e.value;
                 assign(d.gate.required, readWholeNumber(r, e, 1, 1000));
             }},
            {"timeout",
             [](auto &r, auto &e, GateDraft &d) { assign(d.gate.timeout, readDuration(r, e)); }},
            {"on_timeout",
             [](auto &r, auto &e, GateDraft &d) { assign(d.gate.onTimeout, readOnTimeout(r, e)); }},
            {"allow_self_approval",
             [](auto &r, auto &e, GateDraft &d) {
                 assign(d.gate.allowSelfApproval, readBool(r, e));
             }},
        },
        {QStringLiteral("approvers")});
    return rules;
}

std::optional<GateSpec> readGate(YamlReader &reader, const MapEntry &entry, const QString &where)
{
    if (!entry.value.isMap()) {
        reader.errorAtValue(entry, QStringLiteral("'gate' must be a map with 'approvers', got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }

    GateDraft draft;
    draft.gate.location = reader.locate(entry.value);
    gateRules().read(reader, entry.value, QStringLiteral("the gate of ") + where, draft);

    const qsizetype approvers = draft.gate.approvers.size();
    if (approvers > 0 && draft.gate.required > approvers) {
        reader.error(draft.required, QStringLiteral("the gate of %1 requires %2 approvals but "
                                                    "lists only %3 approvers")
                                         .arg(where)
                                         .arg(draft.gate.required)
                                         .arg(approvers));
    }
    return draft.gate;
}

void readJobs(YamlReader &reader, const MapEntry &entry, StageDraft &draft)
{
    if (!entry.value.isList()) {
        reader.errorAtValue(
            entry,
            QStringLiteral("'jobs' must be a list of jobs, got %1").arg(describe(entry.value)));
        return;
    }
    const QList<YamlNode> items = reader.items(entry.value);
    if (items.isEmpty()) {
        reader.errorAtValue(entry,
                            QStringLiteral("%1 must have at least one job").arg(draft.where));
        return;
    }

    draft.stage.jobs.reserve(items.size());
    for (const YamlNode &item : items) {
        if (reader.exhausted())
            return;
        if (item.isMap()) {
            draft.stage.jobs.append(readJob(reader, item, *draft.defaults));
            continue;
        }
        reader.error(item, QStringLiteral("each job must be a map with 'name' and 'commands', "
                                          "got %1")
                               .arg(describe(item)));
    }
}

const KeyRules<StageDraft> &stageRules()
{
    using Draft = StageDraft;
    static const KeyRules<StageDraft> rules(
        {
            {"name", [](auto &r, auto &e, Draft &d) { assign(d.stage.name, readName(r, e)); }},
            {"if",
             [](auto &r, auto &e, Draft &d) { assign(d.stage.condition, readCondition(r, e)); }},
            {"gate",
             [](auto &r, auto &e, Draft &d) { assign(d.stage.gate, readGate(r, e, d.where)); }},
            {"resource",
             [](auto &r, auto &e, Draft &d) { assign(d.stage.resource, readName(r, e)); }},
            {"jobs", [](auto &r, auto &e, Draft &d) { readJobs(r, e, d); }},
        },
        {QStringLiteral("name"), QStringLiteral("jobs")});
    return rules;
}

} // namespace

Stage readStage(YamlReader &reader, const YamlNode &map, const JobDefaults &defaults)
{
    StageDraft draft;
    draft.stage.location = reader.locate(map);
    draft.defaults = &defaults;

    const QString name = peekText(map, QStringLiteral("name"));
    draft.where =
        name.isEmpty() ? QStringLiteral("this stage") : QStringLiteral("stage '%1'").arg(name);
    stageRules().read(reader, map, draft.where, draft);
    return draft.stage;
}

} // namespace pw::loader
