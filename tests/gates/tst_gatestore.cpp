// The rules of gates and resource claims as the store keeps them, on SQLite and, with
// PIPEWRIGHT_TEST_BACKEND=postgresql, on a throwaway PostgreSQL server where each person is a
// database login of their own.
#include "core/store/runstore.h"
#include "core/util/currentuser.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace pw;
using namespace pw::test;

namespace {

const QString owner = QStringLiteral("pipewright");

RunRecord sampleRun()
{
    RunRecord run;
    run.pipeline = QStringLiteral("deploy-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    run.status = RunStatus::WaitingApproval;
    run.triggeredBy = QStringLiteral("bob");
    run.stages = {{0, QStringLiteral("build"), StageStatus::Success, QString(), std::nullopt},
                  {1, QStringLiteral("deploy"), StageStatus::Waiting, QString(), std::nullopt}};
    return run;
}

GateOpening opening(qint64 runId, const QStringList &approvers, int required = 1)
{
    GateOpening gate;
    gate.runId = runId;
    gate.stage = 1;
    gate.stageName = QStringLiteral("deploy");
    gate.approvers = approvers;
    gate.required = required;
    return gate;
}

QString errorOf(const Result<GateRecord> &result)
{
    return result ? QStringLiteral("(it succeeded: %1)").arg(keyword(result->status))
                  : result.error().message;
}

template<typename T>
QString failureOf(const Result<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class GateStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { failOnWarnings(); }
    void cleanupTestCase();

    void openedGateIsRecordedOnce();
    void nonApproverIsRefused();
    void selfApprovalIsRefusedUnlessAllowed();
    void requiredApprovalsOpenTheGate();
    void rejectionClosesTheGateWithItsReason();
    void decisionOnDecidedGateIsRefused();
    void deadlineExpiresTheGate();
    void recordedOutcomeMustMatchTheDecisions();
    void decisionsCannotBeChanged();
    void forgedDeciderIsReplacedByTheLogin();
    void simultaneousDecisionsHaveOneOutcome();
    void loadedRunCarriesItsGates();

    void oldestClaimHoldsTheResource();
    void claimOfDeadProcessIsReleased();
    void claimNotRenewedIsReleased();

private:
    bool isPostgres() const { return m_server != nullptr; }
    // The store as `person` uses it: their own login on PostgreSQL; on SQLite everyone is the
    // operating-system user.
    std::unique_ptr<RunStore> storeAs(const QString &person);
    QString person(const QString &name) const { return isPostgres() ? name : currentUser(); }
    qint64 newRun(RunStore &store);
    // Runs `sql` as `person` on a connection of its own, past the store's own checks.
    QString rawExec(const QString &person, const QString &sql);

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QString m_sqlitePath;
};

void GateStoreTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sqlitePath = m_dir.filePath(QStringLiteral("history.sqlite"));
    if (qEnvironmentVariable("PIPEWRIGHT_TEST_BACKEND") != QLatin1String("postgresql"))
        return;

    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(QStringLiteral("the PostgreSQL variant cannot run: ")
                         + programs.error().message));
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    for (const QString &role : {owner, QStringLiteral("anna"), QStringLiteral("lead"),
                                QStringLiteral("bob"), QStringLiteral("mallory")}) {
        QVERIFY(m_server->createRole(role));
    }
    QVERIFY(m_server->createDatabase(QStringLiteral("team"), owner));
    // The owner creates the schema; the others only ever use it.
    QVERIFY(storeAs(owner));
}

void GateStoreTest::cleanupTestCase()
{
    m_server.reset();
}

std::unique_ptr<RunStore> GateStoreTest::storeAs(const QString &person)
{
    const QString location =
        isPostgres() ? m_server->url(person, QStringLiteral("team")) : m_sqlitePath;
    auto store = openStore(location);
    if (!store)
        qFatal("%s", qPrintable(store.error().message));
    return std::move(store).value();
}

qint64 GateStoreTest::newRun(RunStore &store)
{
    const Result<qint64> id = store.createRun(sampleRun());
    if (!id)
        qFatal("%s", qPrintable(id.error().message));
    return *id;
}

QString GateStoreTest::rawExec(const QString &person, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (isPostgres()) {
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_server->port());
            db.setUserName(person);
            db.setDatabaseName(QStringLiteral("team"));
        } else {
            db.setDatabaseName(m_sqlitePath);
        }
        if (!db.open())
            qFatal("%s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(sql))
            error = query.lastError().databaseText();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

void GateStoreTest::openedGateIsRecordedOnce()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);

    const Result<GateRecord> first = bob->openGate(opening(run, {QStringLiteral("anna")}));
    QVERIFY2(first, qPrintable(errorOf(first)));
    QCOMPARE(first->status, GateStatus::Waiting);
    QCOMPARE(first->startedBy, person(QStringLiteral("bob")));
    QCOMPARE(first->approvers, QStringList{QStringLiteral("anna")});
    QVERIFY(first->openedAt.isValid());
    QVERIFY(!first->deadline.isValid());

    GateOpening changed = opening(run, {QStringLiteral("mallory")});
    const Result<GateRecord> again = bob->openGate(changed);
    QVERIFY2(again, qPrintable(errorOf(again)));
    QCOMPARE(again->approvers, QStringList{QStringLiteral("anna")});
    QCOMPARE(again->openedAt, first->openedAt);
}

void GateStoreTest::nonApproverIsRefused()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    QVERIFY(bob->openGate(opening(run, {QStringLiteral("anna"), QStringLiteral("lead")})));

    auto mallory = storeAs(QStringLiteral("mallory"));
    const Result<GateRecord> decided = mallory->decideGate(run, 1, true, QString());
    QVERIFY(!decided);
    QCOMPARE(decided.error().message,
             QStringLiteral("%1 is not an approver of the gate of stage \"deploy\" "
                            "(approvers: anna, lead)")
                 .arg(person(QStringLiteral("mallory"))));
    QCOMPARE(bob->loadGate(run, 1)->decisions.size(), 0);
}

void GateStoreTest::selfApprovalIsRefusedUnlessAllowed()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const QString self = person(QStringLiteral("bob"));
    const qint64 refusedRun = newRun(*bob);
    QVERIFY(bob->openGate(opening(refusedRun, {self, QStringLiteral("anna")})));

    const Result<GateRecord> refused = bob->decideGate(refusedRun, 1, true, QString());
    QVERIFY(!refused);
    QCOMPARE(refused.error().message,
             QStringLiteral("%1 started run %2 and may not decide its gates (the gate does not "
                            "set allow_self_approval)")
                 .arg(self)
                 .arg(refusedRun));

    const qint64 allowedRun = newRun(*bob);
    GateOpening allowed = opening(allowedRun, {self});
    allowed.allowSelfApproval = true;
    QVERIFY(bob->openGate(allowed));
    const Result<GateRecord> approved = bob->decideGate(allowedRun, 1, true, QStringLiteral("ok"));
    QVERIFY2(approved, qPrintable(errorOf(approved)));
    QCOMPARE(approved->status, GateStatus::Approved);
    QCOMPARE(approved->decisions.size(), 1);
    QCOMPARE(approved->decisions.first().by, self);
}

void GateStoreTest::requiredApprovalsOpenTheGate()
{
    if (!isPostgres())
        QSKIP("SQLite knows a single person, the operating-system user");
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    QVERIFY(bob->openGate(opening(run, {QStringLiteral("anna"), QStringLiteral("lead")}, 2)));

    const Result<GateRecord> first =
        storeAs(QStringLiteral("anna"))->decideGate(run, 1, true, QStringLiteral("looks good"));
    QVERIFY2(first, qPrintable(errorOf(first)));
    QCOMPARE(first->status, GateStatus::Waiting);

    const Result<GateRecord> second =
        storeAs(QStringLiteral("lead"))->decideGate(run, 1, true, QString());
    QVERIFY2(second, qPrintable(errorOf(second)));
    QCOMPARE(second->status, GateStatus::Approved);
    QCOMPARE(second->decisions.size(), 2);
    QCOMPARE(second->decisions.first().comment, QStringLiteral("looks good"));
}

void GateStoreTest::rejectionClosesTheGateWithItsReason()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    GateOpening gate = opening(run, {person(QStringLiteral("lead"))}, 1);
    gate.allowSelfApproval = !isPostgres();
    QVERIFY(bob->openGate(gate));

    const Result<GateRecord> rejected =
        storeAs(QStringLiteral("lead"))
            ->decideGate(run, 1, false, QStringLiteral("not during the freeze"));
    QVERIFY2(rejected, qPrintable(errorOf(rejected)));
    QCOMPARE(rejected->status, GateStatus::Rejected);
    QCOMPARE(rejected->decisions.first().approve, false);
    QCOMPARE(rejected->decisions.first().comment, QStringLiteral("not during the freeze"));
    QVERIFY(rejected->decisions.first().at.isValid());
}

void GateStoreTest::decisionOnDecidedGateIsRefused()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    GateOpening gate = opening(run, {person(QStringLiteral("anna")), QStringLiteral("lead")});
    gate.allowSelfApproval = !isPostgres();
    QVERIFY(bob->openGate(gate));
    QVERIFY(storeAs(QStringLiteral("anna"))->decideGate(run, 1, true, QString()));

    auto lead = storeAs(isPostgres() ? QStringLiteral("lead") : QStringLiteral("anna"));
    const Result<GateRecord> late = lead->decideGate(run, 1, false, QStringLiteral("too late"));
    QVERIFY(!late);
    QCOMPARE(late.error().message,
             QStringLiteral("the gate of stage \"deploy\" of run %1 is already approved").arg(run));

    // Once the run has recorded the outcome, the gate is closed to anyone.
    QVERIFY(bob->closeGate(run, 1, GateStatus::Approved));
    const Result<GateRecord> closed = lead->decideGate(run, 1, false, QStringLiteral("x"));
    QVERIFY(!closed);
    QCOMPARE(closed.error().message,
             QStringLiteral("the gate of stage \"deploy\" of run %1 is closed: approved").arg(run));
}

void GateStoreTest::deadlineExpiresTheGate()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    GateOpening gate = opening(run, {person(QStringLiteral("anna"))});
    gate.allowSelfApproval = true;
    gate.timeoutMs = 300;
    const Result<GateRecord> opened = bob->openGate(gate);
    QVERIFY(opened);
    QCOMPARE(opened->openedAt.msecsTo(opened->deadline), 300);

    QTRY_COMPARE_WITH_TIMEOUT(bob->loadGate(run, 1)->status, GateStatus::Expired, 5000);
    const Result<GateRecord> late = storeAs(QStringLiteral("anna"))->decideGate(run, 1, true, {});
    QVERIFY(!late);
    QVERIFY2(late.error().message.endsWith(QLatin1String("is already expired")),
             qPrintable(late.error().message));
    const Result<GateRecord> closed = bob->closeGate(run, 1, GateStatus::Expired);
    QVERIFY2(closed, qPrintable(errorOf(closed)));
    QCOMPARE(closed->status, GateStatus::Expired);
}

void GateStoreTest::recordedOutcomeMustMatchTheDecisions()
{
    if (!isPostgres())
        QSKIP("on SQLite the store's own checks are the only guard; PostgreSQL checks again");
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    QVERIFY(bob->openGate(opening(run, {QStringLiteral("anna")})));

    const QString forged =
        rawExec(QStringLiteral("mallory"),
                QStringLiteral("UPDATE gates SET outcome = 'approved' WHERE run_id = %1").arg(run));
    QVERIFY2(forged.contains(QLatin1String("is waiting, not approved")), qPrintable(forged));
    const QString cancelled = rawExec(
        QStringLiteral("mallory"),
        QStringLiteral("UPDATE gates SET outcome = 'cancelled' WHERE run_id = %1").arg(run));
    QVERIFY2(cancelled.contains(QLatin1String("only the run's own process")),
             qPrintable(cancelled));
    QCOMPARE(bob->loadGate(run, 1)->status, GateStatus::Waiting);
}

void GateStoreTest::decisionsCannotBeChanged()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    GateOpening gate = opening(run, {person(QStringLiteral("anna"))});
    gate.allowSelfApproval = !isPostgres();
    QVERIFY(bob->openGate(gate));
    QVERIFY(storeAs(QStringLiteral("anna"))->decideGate(run, 1, false, QStringLiteral("no")));

    const QString who = person(QStringLiteral("anna"));
    const QString changed = rawExec(
        who, QStringLiteral("UPDATE gate_decisions SET approve = 1 WHERE run_id = %1").arg(run));
    QVERIFY2(changed.contains(QLatin1String("cannot be changed")), qPrintable(changed));
    const QString removed =
        rawExec(who, QStringLiteral("DELETE FROM gate_decisions WHERE run_id = %1").arg(run));
    // PostgreSQL does not even grant the right to delete them.
    QVERIFY2(removed.contains(QLatin1String("cannot be"))
                 || removed.contains(QLatin1String("permission denied")),
             qPrintable(removed));
    const QString widened = rawExec(
        who,
        QStringLiteral("UPDATE gates SET approvers = 'mallory', outcome = '' WHERE run_id = %1")
            .arg(run));
    QVERIFY2(widened.contains(QLatin1String("cannot change")), qPrintable(widened));

    const Result<GateRecord> kept = bob->loadGate(run, 1);
    QCOMPARE(kept->status, GateStatus::Rejected);
    QCOMPARE(kept->decisions.first().comment, QStringLiteral("no"));
}

void GateStoreTest::forgedDeciderIsReplacedByTheLogin()
{
    if (!isPostgres())
        QSKIP("on SQLite the decider is the operating-system user the client names");
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    QVERIFY(bob->openGate(opening(run, {QStringLiteral("anna"), QStringLiteral("lead")}, 2)));

    const QString insert = QStringLiteral("INSERT INTO gate_decisions (run_id, stage_idx,"
                                          " decided_by, decided_at, approve, comment)"
                                          " VALUES (%1, 1, 'anna', 0, 1, 'forged')")
                               .arg(run);
    const QString forged = rawExec(QStringLiteral("mallory"), insert);
    QVERIFY2(forged.contains(QLatin1String("mallory is not an approver")), qPrintable(forged));

    // An approver writing another's name is recorded under their own.
    QCOMPARE(rawExec(QStringLiteral("lead"), insert), QString());
    const Result<GateRecord> gate = bob->loadGate(run, 1);
    QCOMPARE(gate->decisions.size(), 1);
    QCOMPARE(gate->decisions.first().by, QStringLiteral("lead"));
    QVERIFY(gate->decisions.first().at.isValid());
    QVERIFY(gate->decisions.first().at.date().year() > 2000);
}

void GateStoreTest::simultaneousDecisionsHaveOneOutcome()
{
    if (!isPostgres())
        QSKIP("SQLite knows a single person, who cannot decide twice");
    auto bob = storeAs(QStringLiteral("bob"));
    for (int round = 0; round < 10; ++round) {
        const qint64 run = newRun(*bob);
        QVERIFY(bob->openGate(opening(run, {QStringLiteral("anna"), QStringLiteral("lead")})));

        // Each person's store lives on its own thread, as in two processes.
        Result<GateRecord> approval = Error{QStringLiteral("not run")};
        Result<GateRecord> rejection = Error{QStringLiteral("not run")};
        auto decide = [this, run](const QString &who, bool approve, Result<GateRecord> *result) {
            auto store = storeAs(who);
            *result = store->decideGate(run, 1, approve, QStringLiteral("at once"));
        };
        std::thread anna(decide, QStringLiteral("anna"), true, &approval);
        std::thread lead(decide, QStringLiteral("lead"), false, &rejection);
        anna.join();
        lead.join();

        QVERIFY2(bool(approval) != bool(rejection),
                 qPrintable(errorOf(approval) + QStringLiteral(" / ") + errorOf(rejection)));
        const Result<GateRecord> gate = bob->loadGate(run, 1);
        QCOMPARE(gate->decisions.size(), 1);
        QCOMPARE(gate->status, approval ? GateStatus::Approved : GateStatus::Rejected);
        const QString refusal = approval ? rejection.error().message : approval.error().message;
        QVERIFY2(refusal.contains(QLatin1String("is already")), qPrintable(refusal));
    }
}

void GateStoreTest::loadedRunCarriesItsGates()
{
    auto bob = storeAs(QStringLiteral("bob"));
    const qint64 run = newRun(*bob);
    GateOpening gate = opening(run, {person(QStringLiteral("anna"))});
    gate.allowSelfApproval = true;
    QVERIFY(bob->openGate(gate));
    QVERIFY(storeAs(QStringLiteral("anna"))->decideGate(run, 1, true, QStringLiteral("go")));

    const Result<RunRecord> loaded = bob->loadRun(run);
    QVERIFY(loaded);
    QVERIFY(!loaded->stages[0].gate);
    QVERIFY(loaded->stages[1].gate);
    QCOMPARE(loaded->stages[1].gate->status, GateStatus::Approved);
    QCOMPARE(loaded->stages[1].gate->decisions.first().comment, QStringLiteral("go"));
}

void GateStoreTest::oldestClaimHoldsTheResource()
{
    auto first = storeAs(QStringLiteral("anna"));
    auto second = storeAs(QStringLiteral("lead"));
    const QString resource = QStringLiteral("staging-") + QUuid::createUuid().toString();
    const qint64 runA = newRun(*first);
    const qint64 runB = newRun(*second);

    const Result<qint64> a = first->claimResource(
        {resource, runA, QStringLiteral("web"), QStringLiteral("stage deploy")});
    const Result<qint64> b = second->claimResource(
        {resource, runB, QStringLiteral("api"), QStringLiteral("job migrate")});
    QVERIFY2(a && b, qPrintable(failureOf(a) + failureOf(b)));
    const Milliseconds lifetime{30000};

    const Result<ClaimState> held = first->claimState(*a, lifetime);
    QVERIFY2(held, qPrintable(failureOf(held)));
    QVERIFY(held->granted);
    const Result<ClaimState> waiting = second->claimState(*b, lifetime);
    QVERIFY(waiting);
    QVERIFY(!waiting->granted);
    QCOMPARE(waiting->ahead, 1);
    QCOMPARE(waiting->holderRun, runA);
    QCOMPARE(waiting->holder, QStringLiteral("stage deploy"));

    QVERIFY(first->releaseClaim(*a));
    QVERIFY(second->claimState(*b, lifetime)->granted);
    QVERIFY(second->releaseClaim(*b));
    const Result<ClaimState> gone = second->claimState(*b, lifetime);
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains(QLatin1String("is gone")),
             qPrintable(gone.error().message));
}

void GateStoreTest::claimOfDeadProcessIsReleased()
{
    auto store = storeAs(QStringLiteral("anna"));
    const QString resource = QStringLiteral("prod-") + QUuid::createUuid().toString();
    const qint64 run = newRun(*store);

    // A claim left on this host by a process that is gone (no process has that id).
    const Result<qint64> dead = store->claimResource(
        {resource, run, QStringLiteral("web"), QStringLiteral("stage deploy")});
    QVERIFY(dead);
    QCOMPARE(
        rawExec(person(QStringLiteral("anna")),
                QStringLiteral("UPDATE resource_claims SET owner_pid = 999999999 WHERE id = %1")
                    .arg(*dead)),
        QString());

    const Result<qint64> alive =
        store->claimResource({resource, run, QStringLiteral("web"), QStringLiteral("stage again")});
    QVERIFY(alive);
    const Result<ClaimState> state = store->claimState(*alive, Milliseconds(30000));
    QVERIFY(state);
    QVERIFY(state->granted);
    QCOMPARE(state->ahead, 0);
}

void GateStoreTest::claimNotRenewedIsReleased()
{
    auto store = storeAs(QStringLiteral("anna"));
    const QString resource = QStringLiteral("qa-") + QUuid::createUuid().toString();
    const qint64 run = newRun(*store);
    // Generous times: a loaded machine may stall this process for a while between steps.
    const Milliseconds lifetime{2000};

    const Result<qint64> renewed =
        store->claimResource({resource, run, QStringLiteral("web"), QStringLiteral("stage one")});
    const Result<qint64> stale =
        store->claimResource({resource, run, QStringLiteral("web"), QStringLiteral("stage two")});
    QVERIFY(renewed && stale);
    QVERIFY(!store->claimState(*stale, lifetime)->granted);

    // The holder keeps renewing and keeps the resource past its lifetime.
    for (int i = 0; i < 4; ++i) {
        QTest::qWait(400);
        QVERIFY(store->renewClaims({*renewed, *stale}));
    }
    QVERIFY(!store->claimState(*stale, lifetime)->granted);

    // Then it stops, and is taken for dead.
    QTest::qWait(2500);
    QVERIFY(store->renewClaims({*stale}));
    const Result<ClaimState> state = store->claimState(*stale, lifetime);
    QVERIFY(state);
    QVERIFY(state->granted);
}

QTEST_GUILESS_MAIN(GateStoreTest)
#include "tst_gatestore.moc"
