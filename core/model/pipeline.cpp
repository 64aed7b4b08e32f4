#include "pipeline.h"

namespace pw {

QString keyword(When when)
{
    switch (when) {
    case When::OnSuccess:
        return QStringLiteral("on_success");
    case When::OnFailure:
        return QStringLiteral("on_failure");
    case When::Always:
        return QStringLiteral("always");
    case When::Manual:
        return QStringLiteral("manual");
    case When::Never:
        return QStringLiteral("never");
    }
    return QString();
}

std::optional<When> whenFromString(const QString &text)
{
    for (When when : {When::OnSuccess, When::OnFailure, When::Always, When::Manual, When::Never}) {
        if (keyword(when) == text)
            return when;
    }
    return std::nullopt;
}

const Job *Pipeline::findJob(const QString &jobName) const
{
    for (const Stage &stage : stages) {
        for (const Job &job : stage.jobs) {
            if (job.name == jobName)
                return &job;
        }
    }
    return nullptr;
}

int Pipeline::stageOf(const QString &jobName) const
{
    for (int i = 0; i < stages.size(); ++i) {
        for (const Job &job : stages[i].jobs) {
            if (job.name == jobName)
                return i;
        }
    }
    return -1;
}

} // namespace pw
