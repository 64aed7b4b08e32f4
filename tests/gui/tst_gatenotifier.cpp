#include "guitestsupport.h"
#include "historyfixture.h"
#include "testsupport.h"
#include "widgets/store/storereader.h"
#include "widgets/tray/gatenotifier.h"
#include "widgets/tray/gatetray.h"
#include "widgets/tray/redisstatus.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int pollMs = 50;

} // namespace

class GateNotifierTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void aWaitingGateIsToldOnceToWhoMayDecide_data();
    void aWaitingGateIsToldOnceToWhoMayDecide();
    void aGateOpenedLaterIsToldAtTheNextCheck();
    void aDecidedGateIsNotToldAgain();
    void theMessageNamesTheRunAndStage();
    void redisStateIsShownInWords_data();
    void redisStateIsShownInWords();

private:
    // A run of another process (as far as the notifier knows) that waits at its gate.
    qint64 openGate(RunStore &store, const QStringList &approvers, bool allowSelf,
                    const QString &pipeline = QStringLiteral("deployer"));
    // Lets the notifier read the gates `times` more times.
    void waitForChecks(GateNotifier &notifier, int times);

    QTemporaryDir m_dir;
    QString m_store;
    QString m_login;
};

void GateNotifierTest::initTestCase()
{
    test::dropPlatformNoise();
    QVERIFY(m_dir.isValid());
    const auto store = test::openTestStore(m_dir.filePath(QStringLiteral("login.sqlite")));
    QVERIFY(store);
    const auto login = store->login();
    QVERIFY(login.ok());
    m_login = *login;
}

void GateNotifierTest::init()
{
    test::failOnWarnings();
    static int count = 0;
    m_store = m_dir.filePath(QStringLiteral("gates-%1.sqlite").arg(++count));
}

qint64 GateNotifierTest::openGate(RunStore &store, const QStringList &approvers, bool allowSelf,
                                  const QString &pipeline)
{
    RunRecord run =
        test::endedRun(pipeline, RunStatus::WaitingApproval, QDateTime::currentDateTimeUtc(), -1);
    run.stages = {{0, QStringLiteral("build"), StageStatus::Success, {}, std::nullopt},
                  {1, QStringLiteral("deploy"), StageStatus::Waiting, {}, std::nullopt}};
    const auto created = store.createRun(run);
    if (!created.ok())
        return 0;
    GateOpening opening;
    opening.runId = *created;
    opening.stage = 1;
    opening.stageName = QStringLiteral("deploy");
    opening.approvers = approvers;
    // The store records its own login as who started the run: on SQLite, the same user.
    opening.allowSelfApproval = allowSelf;
    if (!store.openGate(opening).ok())
        return 0;
    return *created;
}

void GateNotifierTest::waitForChecks(GateNotifier &notifier, int times)
{
    QSignalSpy checked(&notifier, &GateNotifier::checked);
    QTRY_VERIFY(checked.count() >= times);
    for (const QList<QVariant> &check : checked)
        QCOMPARE(check.first().toString(), QString());
}

void GateNotifierTest::aWaitingGateIsToldOnceToWhoMayDecide_data()
{
    QTest::addColumn<bool>("approver");
    QTest::addColumn<bool>("allowSelf");
    QTest::addColumn<int>("told");

    QTest::newRow("an approver is told once") << true << true << 1;
    QTest::newRow("someone not among the approvers is not told") << false << true << 0;
    QTest::newRow("who started the run is not told when they may not approve it")
        << true << false << 0;
}

void GateNotifierTest::aWaitingGateIsToldOnceToWhoMayDecide()
{
    QFETCH(bool, approver);
    QFETCH(bool, allowSelf);
    QFETCH(int, told);

    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    const QStringList approvers = approver ? QStringList{QStringLiteral("lead"), m_login}
                                           : QStringList{QStringLiteral("lead")};
    const qint64 runId = openGate(*store, approvers, allowSelf);
    QVERIFY(runId > 0);

    StoreReader reader(m_store);
    GateNotifier notifier(reader);
    QSignalSpy waiting(&notifier, &GateNotifier::gateWaiting);
    notifier.start(pollMs);
    // Several reads of the same waiting gate.
    waitForChecks(notifier, 4);

    QCOMPARE(notifier.login(), m_login);
    QCOMPARE(waiting.count(), told);
    if (told) {
        const auto gate = waiting.first().first().value<WaitingGate>();
        QCOMPARE(gate.runId, runId);
        QCOMPARE(gate.stage, 1);
        QCOMPARE(gate.stageName, QStringLiteral("deploy"));
    }
}

void GateNotifierTest::aGateOpenedLaterIsToldAtTheNextCheck()
{
    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    QVERIFY(openGate(*store, {m_login}, true) > 0);
    StoreReader reader(m_store);
    GateNotifier notifier(reader);
    QSignalSpy waiting(&notifier, &GateNotifier::gateWaiting);
    // A long interval: only checkNow (as a Redis event asks) reads the gates again.
    notifier.start(600000);
    QTRY_COMPARE(waiting.count(), 1);

    const qint64 second = openGate(*store, {m_login}, true, QStringLiteral("other"));
    QVERIFY(second > 0);
    notifier.checkNow();
    QTRY_COMPARE(waiting.count(), 2);
    QCOMPARE(waiting.last().first().value<WaitingGate>().runId, second);
    QCOMPARE(waiting.last().first().value<WaitingGate>().pipeline, QStringLiteral("other"));
}

void GateNotifierTest::aDecidedGateIsNotToldAgain()
{
    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    // Two approvals needed: after this login's one the gate still waits, for the others.
    RunRecord run = test::endedRun(QStringLiteral("deployer"), RunStatus::WaitingApproval,
                                   QDateTime::currentDateTimeUtc(), -1);
    const auto created = store->createRun(run);
    QVERIFY(created.ok());
    GateOpening opening;
    opening.runId = *created;
    opening.stage = 0;
    opening.stageName = QStringLiteral("build");
    opening.approvers = {m_login, QStringLiteral("lead")};
    opening.required = 2;
    opening.allowSelfApproval = true;
    QVERIFY(store->openGate(opening).ok());
    QVERIFY(store->decideGate(*created, 0, true, {}).ok());

    StoreReader reader(m_store);
    GateNotifier notifier(reader);
    QSignalSpy waiting(&notifier, &GateNotifier::gateWaiting);
    notifier.start(pollMs);
    waitForChecks(notifier, 3);
    QCOMPARE(waiting.count(), 0);
}

void GateNotifierTest::theMessageNamesTheRunAndStage()
{
    WaitingGate gate;
    gate.runId = 42;
    gate.pipeline = QStringLiteral("webapp");
    gate.stageName = QStringLiteral("deploy");
    gate.gate.required = 2;
    gate.gate.decisions = {{QStringLiteral("anna"), {}, true, {}}};
    QCOMPARE(GateTray::messageTitle(gate),
             QStringLiteral("Run 42 of webapp waits for your decision"));
    QCOMPARE(GateTray::messageText(gate),
             QStringLiteral("The gate of stage deploy has 1 of 2 approvals."));
}

void GateNotifierTest::redisStateIsShownInWords_data()
{
    QTest::addColumn<QString>("redis");
    QTest::addColumn<RedisStatus::State>("state");
    QTest::addColumn<QString>("text");

    QTest::newRow("no Redis is not configured")
        << QString() << RedisStatus::State::NotConfigured << "Redis: not configured";
    QTest::newRow("a location that does not parse is invalid")
        << "http://example" << RedisStatus::State::Invalid << "Redis: invalid location";
    QTest::newRow("a server that answers nothing is being connected to")
        << "redis://127.0.0.1:1" << RedisStatus::State::Connecting
        << "Redis: connecting to redis://127.0.0.1:1/0…";
}

void GateNotifierTest::redisStateIsShownInWords()
{
    QFETCH(QString, redis);
    QFETCH(RedisStatus::State, state);
    QFETCH(QString, text);

    RedisStatus status(redis);
    QCOMPARE(status.state(), state);
    QCOMPARE(status.text(), text);
    if (state == RedisStatus::State::Invalid)
        QVERIFY2(!status.problem().isEmpty(), "the problem is kept for the tooltip");
}

QTEST_MAIN(GateNotifierTest)
#include "tst_gatenotifier.moc"
