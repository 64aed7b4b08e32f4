#include "records.h"

namespace pw {

namespace {

qint64 between(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid())
        return 0;
    return start.msecsTo(end);
}

} // namespace

qint64 JobRecord::durationMs() const
{
    return between(startedAt, finishedAt);
}
qint64 RunRecord::durationMs() const
{
    return between(startedAt, finishedAt);
}

} // namespace pw
