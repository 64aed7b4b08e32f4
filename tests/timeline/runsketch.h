#pragma once

#include "core/store/records.h"
#include "core/timeline/timeline.h"

#include <QHash>
#include <QString>

namespace pw::test {

// When sketched runs start: offsets in sketches are seconds from here.
QDateTime runStart();
QDateTime secondsIn(double seconds);

// A run from a one-line sketch: jobs separated by "|", each
// "name stage status [start [end]] [< need, need]", times in seconds from the run's start
// ("-" for none), e.g. "lint 0 success 0 10 | unit 0 running 2 | package 1 pending < unit".
// Stages are made for the stage numbers used; `finishedAt` (seconds, or negative for none)
// ends the run.
RunRecord sketchRun(const QString &sketch, RunStatus status = RunStatus::Running,
                    double finishedAt = -1);

// "a=10 b=2.5" as durations in milliseconds by job name, from seconds.
QHash<QString, qint64> durationsOf(const QString &text);

// "a 0-10 | b 10-25~30" in the run's order: each bar's start and end in seconds, and its
// expected end after "~" when that is later; "a -" for jobs that did not run.
QString barsOf(const RunRecord &run, const timeline::Timeline &timeline);

// The names of `jobs` (positions in the run), joined by " > ".
QString namesOf(const RunRecord &run, const QList<int> &jobs);

} // namespace pw::test
