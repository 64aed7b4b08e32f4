#pragma once

#include "core/store/records.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QJsonObject>

namespace pw {

// The notifications Pipewright puts on Redis: one JSON object per event, in a stream. They
// tell that something happened; the store holds what is true (docs/events.md).
inline constexpr int eventSchema = 1;
inline constexpr qsizetype maxEventBytes = 64 * 1024;
inline constexpr char defaultEventStream[] = "pipewright:events";

namespace eventtype {
inline constexpr char gateWaiting[] = "gate_waiting";
inline constexpr char gateDecision[] = "gate_decision";
inline constexpr char gateClosed[] = "gate_closed";
inline constexpr char runFinished[] = "run_finished";
inline constexpr char resourceReleased[] = "resource_released";
} // namespace eventtype

// An event as read back from the stream, with the id Redis gave its entry ("1700000-0"):
// ids grow with time, so a reader can drop one it has already seen.
struct StreamEvent
{
    QByteArray id;
    QJsonObject event;
};

// The fields every event has: schema, type, at (UTC, milliseconds), store (where the run is
// recorded, as shown to users), run and pipeline.
QJsonObject eventBase(const QString &type, const QString &store, qint64 run,
                      const QString &pipeline, const QDateTime &at);

// The events of one run. `stage` indexes run.stages; the gate ones need its gate.
QJsonObject gateWaitingEvent(const QString &store, const RunRecord &run, int stage,
                             const QDateTime &at);
QJsonObject gateDecisionEvent(const QString &store, const RunRecord &run, int stage,
                              const GateDecision &decision, const QDateTime &at);
QJsonObject gateClosedEvent(const QString &store, const RunRecord &run, int stage,
                            const QDateTime &at);
QJsonObject runFinishedEvent(const QString &store, const RunRecord &run, const QDateTime &at);
QJsonObject resourceReleasedEvent(const QString &store, const RunRecord &run,
                                  const QString &resource, const QDateTime &at);

// The time format of "at" and "deadline": 2026-12-03T14:00:00.123Z.
QString eventTime(const QDateTime &time);

// Reads one event as found in the stream. Fails with what is wrong for anything but a JSON
// object of at most maxEventBytes, of schema 1, with every field of its type present and of
// the right kind. Types this version does not know pass when their common fields do.
Result<QJsonObject> parseEvent(const QByteArray &text);

} // namespace pw
