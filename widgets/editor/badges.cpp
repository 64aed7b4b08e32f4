#include "badges.h"

#include <QCoreApplication>

namespace pw::gui {

QList<Badge> stageBadges(const Stage &stage)
{
    QList<Badge> badges;
    if (stage.gate) {
        const QString who = stage.gate->approvers.isEmpty()
                                ? QCoreApplication::translate("pw::gui::Badges", "anyone")
                                : stage.gate->approvers.join(QLatin1String(", "));
        badges.append(
            {QCoreApplication::translate("pw::gui::Badges", "gate"),
             QCoreApplication::translate("pw::gui::Badges", "Gate: %1 approval(s) from %2")
                 .arg(stage.gate->required)
                 .arg(who)});
    }
    if (stage.condition)
        badges.append({QCoreApplication::translate("pw::gui::Badges", "if"),
                       QCoreApplication::translate("pw::gui::Badges", "Runs if: %1")
                           .arg(stage.condition->text)});
    return badges;
}

QList<Badge> jobBadges(const Job &job)
{
    QList<Badge> badges;
    if (job.when != When::OnSuccess)
        badges.append(
            {keyword(job.when),
             QCoreApplication::translate("pw::gui::Badges", "when: %1").arg(keyword(job.when))});
    if (job.condition)
        badges.append({QCoreApplication::translate("pw::gui::Badges", "if"),
                       QCoreApplication::translate("pw::gui::Badges", "Runs if: %1")
                           .arg(job.condition->text)});
    if (!job.rules.isEmpty())
        badges.append(
            {QCoreApplication::translate("pw::gui::Badges", "rules"),
             QCoreApplication::translate("pw::gui::Badges", "%n rule(s) decide whether it runs",
                                         nullptr, int(job.rules.size()))});
    if (job.allowFailure)
        badges.append({QCoreApplication::translate("pw::gui::Badges", "may fail"),
                       QCoreApplication::translate(
                           "pw::gui::Badges", "allow_failure: a failure does not fail the run")});
    if (job.retry > 0)
        badges.append(
            {QCoreApplication::translate("pw::gui::Badges", "retry %1").arg(job.retry),
             QCoreApplication::translate("pw::gui::Badges", "Tried again up to %1 time(s)")
                 .arg(job.retry)});
    if (!job.matrix.isEmpty())
        badges.append({QCoreApplication::translate("pw::gui::Badges", "matrix"),
                       QCoreApplication::translate("pw::gui::Badges",
                                                   "One instance per matrix combination")});
    return badges;
}

QList<Badge> pipelineBadges(const Pipeline &pipeline)
{
    if (!pipeline.on.given)
        return {};
    QStringList parts;
    if (!pipeline.on.branches.isEmpty())
        parts.append(QCoreApplication::translate("pw::gui::Badges", "branches %1")
                         .arg(pipeline.on.branches.join(QLatin1String(", "))));
    if (!pipeline.on.events.isEmpty())
        parts.append(QCoreApplication::translate("pw::gui::Badges", "events %1")
                         .arg(pipeline.on.events.join(QLatin1String(", "))));
    return {{QCoreApplication::translate("pw::gui::Badges", "on"),
             QCoreApplication::translate("pw::gui::Badges", "Starts on: %1")
                 .arg(parts.join(QLatin1String("; ")))}};
}

} // namespace pw::gui
