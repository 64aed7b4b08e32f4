#include "coordinationworker.h"

#include "coordinationlog.h"
#include "core/exec/runcoordinator.h"
#include "core/threads/mailbox.h"

namespace pw {

namespace {

QString claimWaitingText(const ResourceClaim &wish, const ClaimState &state)
{
    return QStringLiteral("waiting for resource %1, held by run %2 of %3 (%4); %5 ahead")
        .arg(wish.resource)
        .arg(state.holderRun)
        .arg(state.holderPipeline, state.holder)
        .arg(state.ahead);
}

bool sameGate(const GateRecord &a, const GateRecord &b)
{
    return a.status == b.status && a.decisions.size() == b.decisions.size();
}

} // namespace

CoordinationWorker::CoordinationWorker(const QString &location, const CoordinationOptions &options,
                                       RunCoordinator *coordinator, Mailbox *reportTo)
    : m_location(location)
    , m_options(options)
    , m_coordinator(coordinator)
    , m_reportTo(reportTo)
    , m_gateTimer(this)
    , m_claimTimer(this)
    , m_renewTimer(this)
    , m_runTimer(this)
{
    m_gateTimer.setInterval(m_options.gatePollInterval);
    connect(&m_gateTimer, &QTimer::timeout, this, &CoordinationWorker::pollGates);
    m_claimTimer.setInterval(m_options.claimPollInterval);
    connect(&m_claimTimer, &QTimer::timeout, this, &CoordinationWorker::pollClaims);
    m_renewTimer.setInterval(m_options.claimLifetime / 4);
    connect(&m_renewTimer, &QTimer::timeout, this, &CoordinationWorker::renewClaims);
    m_runTimer.setInterval(runLifetime / 4);
    connect(&m_runTimer, &QTimer::timeout, this, &CoordinationWorker::renewRun);
}

CoordinationWorker::~CoordinationWorker() = default;

RunStore *CoordinationWorker::store()
{
    if (m_store)
        return m_store.get();

    // Opened on first use, on this thread; a store that is away is tried again at the next
    // poll, and the run waits meanwhile rather than failing.
    auto opened = openStore(m_location);
    if (!opened) {
        warnOnce(opened.error().message);
        return nullptr;
    }
    m_store = std::move(opened.value());
    return m_store.get();
}

void CoordinationWorker::warnOnce(const QString &message)
{
    if (message == m_lastWarning)
        return;
    m_lastWarning = message;
    qCWarning(lcCoordination).noquote() << message << "(trying again)";
}

void CoordinationWorker::startRun(qint64 runId)
{
    m_runId = runId;
    m_runTimer.start();
}

void CoordinationWorker::renewRun()
{
    RunStore *history = m_runId > 0 ? store() : nullptr;
    if (!history)
        return;
    if (Status renewed = history->renewRun(m_runId); !renewed)
        warnOnce(renewed.error().message);
}

void CoordinationWorker::openGate(const GateOpening &opening)
{
    m_gates.insert(opening.stage, Gate{opening, false, std::nullopt});
    pollGate(opening.stage, m_gates[opening.stage]);
    updateTimers();
}

void CoordinationWorker::checkNow()
{
    pollGates();
    pollClaims();
}

void CoordinationWorker::pollGates()
{
    const QList<int> stages = m_gates.keys();
    for (int stage : stages)
        pollGate(stage, m_gates[stage]);
    updateTimers();
}

void CoordinationWorker::pollGate(int stage, Gate &gate)
{
    RunStore *history = store();
    if (!history)
        return;

    Result<GateRecord> read = gate.recorded ? history->loadGate(gate.opening.runId, stage)
                                            : history->openGate(gate.opening);
    if (!read) {
        warnOnce(read.error().message);
        return;
    }
    if (!gate.recorded)
        scheduleDeadline(*read);
    gate.recorded = true;

    if (read->status != GateStatus::Waiting) {
        // The decisions said it; recording the outcome closes the gate to later decisions.
        Result<GateRecord> closed = history->closeGate(gate.opening.runId, stage, read->status);
        if (!closed) {
            warnOnce(closed.error().message);
            return;
        }
        read = closed;
    }
    if (gate.last && sameGate(*gate.last, *read))
        return;

    gate.last = *read;
    const GateRecord record = *read;
    if (record.status != GateStatus::Waiting)
        m_gates.remove(stage);
    report([stage, record](RunCoordinator &to) { emit to.gateChanged(stage, record); });
}

void CoordinationWorker::scheduleDeadline(const GateRecord &gate)
{
    // The deadline is judged by the store's clock; a moment after it, ask the store.
    if (!gate.deadline.isValid() || gate.status != GateStatus::Waiting)
        return;
    const qint64 wait =
        std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(gate.deadline)) + 200;
    QTimer::singleShot(wait, this, &CoordinationWorker::pollGates);
}

void CoordinationWorker::claim(int number, const ResourceClaim &wish)
{
    m_claims.insert(number, Claim{wish, 0, false, QString()});
    pollClaim(number, m_claims[number]);
    updateTimers();
}

void CoordinationWorker::pollClaims()
{
    const QList<int> numbers = m_claims.keys();
    for (int number : numbers) {
        Claim &claim = m_claims[number];
        if (!claim.granted)
            pollClaim(number, claim);
    }
    updateTimers();
}

void CoordinationWorker::pollClaim(int number, Claim &claim)
{
    RunStore *history = store();
    if (!history)
        return;

    if (claim.id == 0) {
        Result<qint64> id = history->claimResource(claim.wish);
        if (!id) {
            warnOnce(id.error().message);
            return;
        }
        claim.id = *id;
    }
    Result<ClaimState> state = history->claimState(claim.id, m_options.claimLifetime);
    if (!state) {
        // A claim taken for dead (this process stalled for long) is made again, at the back.
        warnOnce(state.error().message);
        claim.id = 0;
        return;
    }
    if (state->granted) {
        claim.granted = true;
        report([number](RunCoordinator &to) { emit to.claimGranted(number); });
        return;
    }
    const QString why = claimWaitingText(claim.wish, *state);
    if (why != claim.lastWhy) {
        claim.lastWhy = why;
        report([number, why](RunCoordinator &to) { emit to.claimWaiting(number, why); });
    }
}

void CoordinationWorker::renewClaims()
{
    QList<qint64> ids;
    for (const Claim &claim : std::as_const(m_claims)) {
        if (claim.id != 0)
            ids.append(claim.id);
    }
    RunStore *history = ids.isEmpty() ? nullptr : store();
    if (!history)
        return;
    if (Status renewed = history->renewClaims(ids); !renewed)
        warnOnce(renewed.error().message);
}

void CoordinationWorker::release(int number)
{
    const Claim claim = m_claims.take(number);
    updateTimers();
    if (claim.id == 0 || !store())
        return;
    if (Status released = m_store->releaseClaim(claim.id); !released) {
        // Left for others to judge dead once it is no longer renewed.
        warnOnce(released.error().message);
        return;
    }
    if (claim.granted)
        report([wish = claim.wish](RunCoordinator &to) { emit to.resourceReleased(wish); });
}

void CoordinationWorker::finishRun()
{
    m_runTimer.stop();
    m_runId = 0;
    const QList<int> claims = m_claims.keys();
    for (int number : claims)
        release(number);

    const QList<int> stages = m_gates.keys();
    for (int stage : stages) {
        const Gate gate = m_gates.take(stage);
        if (!gate.recorded || !store())
            continue;
        const Result<GateRecord> closed =
            m_store->closeGate(gate.opening.runId, stage, GateStatus::Cancelled);
        if (!closed)
            qCInfo(lcCoordination).noquote() << closed.error().message;
    }
    updateTimers();
}

void CoordinationWorker::updateTimers()
{
    const auto run = [](QTimer &timer, bool wanted) {
        if (wanted && !timer.isActive())
            timer.start();
        else if (!wanted && timer.isActive())
            timer.stop();
    };
    bool claimWaits = false;
    for (const Claim &claim : std::as_const(m_claims))
        claimWaits |= !claim.granted;
    run(m_gateTimer, !m_gates.isEmpty());
    run(m_claimTimer, claimWaits);
    run(m_renewTimer, !m_claims.isEmpty());
}

void CoordinationWorker::report(std::function<void(RunCoordinator &)> signal)
{
    RunCoordinator *coordinator = m_coordinator;
    m_reportTo->post([coordinator, signal] { signal(*coordinator); });
}

} // namespace pw
