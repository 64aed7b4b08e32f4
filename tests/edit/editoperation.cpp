#include "editoperation.h"

#include "core/edit/jobedits.h"
#include "core/edit/neededits.h"
#include "core/edit/propertyedits.h"
#include "core/edit/stageedits.h"

namespace pw::test {

namespace {

using namespace pw::edit;

QStringList parts(const QString &text)
{
    QStringList items = text.mid(1, text.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &item : items)
        item = item.trimmed();
    return items;
}

PropertyValue valueOf(const QString &text)
{
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        return PropertyValue(parts(text));
    if (!text.startsWith(QLatin1Char('{')) || !text.endsWith(QLatin1Char('}')))
        return PropertyValue(text);
    QStringList keys;
    std::vector<PropertyValue> values;
    for (const QString &entry : parts(text)) {
        keys.append(entry.section(QLatin1Char(':'), 0, 0).trimmed());
        values.emplace_back(entry.section(QLatin1Char(':'), 1).trimmed());
    }
    return PropertyValue::map(keys, values);
}

} // namespace

Result<TextEdit> runOperation(const PipelineDocument &document, const QString &operation,
                              const QStringList &a)
{
    const auto arg = [&a](int i) { return a.value(i); };
    if (operation == "addJob")
        return addJob(document, arg(0), arg(1), a.mid(2));
    if (operation == "renameJob")
        return renameJob(document, arg(0), arg(1));
    if (operation == "removeJob")
        return removeJob(document, arg(0));
    if (operation == "moveJob")
        return moveJob(document, arg(0), arg(1), a.size() > 2 ? arg(2).toInt() : -1);
    if (operation == "addStage")
        return addStage(document, arg(0), arg(1).toInt(), arg(2), a.mid(3));
    if (operation == "renameStage")
        return renameStage(document, arg(0), arg(1));
    if (operation == "removeStage")
        return removeStage(document, arg(0));
    if (operation == "moveStage")
        return moveStage(document, arg(0), arg(1).toInt());
    if (operation == "addNeed")
        return addNeed(document, arg(0), arg(1));
    if (operation == "removeNeed")
        return removeNeed(document, arg(0), arg(1));
    if (operation == "setJobProperty")
        return setJobProperty(document, arg(0), arg(1), valueOf(arg(2)));
    if (operation == "removeJobProperty")
        return removeJobProperty(document, arg(0), arg(1));
    if (operation == "setJobEnv")
        return setJobEnv(document, arg(0), arg(1), arg(2));
    if (operation == "removeJobEnv")
        return removeJobEnv(document, arg(0), arg(1));
    if (operation == "setStageProperty")
        return setStageProperty(document, arg(0), arg(1), valueOf(arg(2)));
    if (operation == "removeStageProperty")
        return removeStageProperty(document, arg(0), arg(1));
    if (operation == "setGateProperty")
        return setGateProperty(document, arg(0), arg(1), valueOf(arg(2)));
    if (operation == "removeGateProperty")
        return removeGateProperty(document, arg(0), arg(1));
    return Error{QStringLiteral("no operation ") + operation};
}

} // namespace pw::test
