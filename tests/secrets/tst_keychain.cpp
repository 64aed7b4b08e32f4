// Runs only inside the private D-Bus session and keyring with-keyring.sh sets up.

#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainpassword.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretresolver.h"
#include "core/store/runstore.h"
#include "core/store/storepassword.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pw;

namespace {

struct PwctlOutcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

PwctlOutcome
runPwctl(const QStringList &arguments, const QByteArray &input = {},
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
         int timeoutMs = 30000)
{
    QProcess pwctl;
    pwctl.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    pwctl.start(QStringLiteral(PIPEWRIGHT_PWCTL), arguments);
    pwctl.write(input);
    pwctl.closeWriteChannel();
    PwctlOutcome outcome;
    if (!pwctl.waitForFinished(timeoutMs)) {
        pwctl.kill();
        pwctl.waitForFinished();
        outcome.err = "pwctl did not finish in time";
        return outcome;
    }
    outcome.elapsedMs = timer.elapsed();
    outcome.exitCode = pwctl.exitStatus() == QProcess::NormalExit ? pwctl.exitCode() : -1;
    outcome.out = pwctl.readAllStandardOutput();
    outcome.err = pwctl.readAllStandardError();
    return outcome;
}

// Takes calls and never answers them, like a keyring waiting for a prompt to be answered.
class SilentObject : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

// A second private session bus on which this test owns the Secret Service name.
class SilentSecretService
{
public:
    ~SilentSecretService()
    {
        QDBusConnection::disconnectFromBus(connectionName());
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(5000)) {
                m_daemon.kill();
                m_daemon.waitForFinished();
            }
        }
    }

    Status start()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=" PIPEWRIGHT_SESSION_CONF),
                        QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(5000))
            return Status::failure(QStringLiteral("cannot start dbus-daemon"));
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(5000)) {
        }
        m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
        if (m_address.isEmpty())
            return Status::failure(QStringLiteral("dbus-daemon printed no address"));

        QDBusConnection bus = QDBusConnection::connectToBus(m_address, connectionName());
        if (!bus.registerService(QStringLiteral("org.freedesktop.secrets"))
            || !bus.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &m_object,
                                          QDBusConnection::SubPath))
            return Status::failure(bus.lastError().message());
        return {};
    }

    QString address() const { return m_address; }

private:
    static QString connectionName() { return QStringLiteral("silent-secret-service"); }

    QProcess m_daemon;
    QString m_address;
    SilentObject m_object;
};

// The value of `result`, or a failure of the test (saying why) and a default value.
template<typename T>
T take(const Result<T> &result)
{
    if (!result.ok()) {
        QTest::qFail(qPrintable(result.error().message), __FILE__, __LINE__);
        return T{};
    }
    return result.value();
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { test::failOnWarnings(); }
    void cleanup();

    void storeKeepsSecrets();
    void storeKeepsPasswordsByLocation();
    void pwctlSetsListsAndRemovesSecrets();
    void pwctlSetNeverShowsTheValue();
    void environmentWinsOverKeychain();
    void missingSecretNamesBothWays();
    void keychainThatNeverAnswersTimesOut();
    void loginStoresACheckedPassword();

private:
    void removeEverySecret();
};

void TestKeychain::initTestCase()
{
    // Run directly, this suite would use the user's own keyring.
    if (!qEnvironmentVariableIsSet("PIPEWRIGHT_TEST_KEYRING"))
        QSKIP("runs only under dbus-run-session and with-keyring.sh (see CMakeLists.txt)");
}

void TestKeychain::cleanup()
{
    removeEverySecret();
}

void TestKeychain::removeEverySecret()
{
    KeychainSecretStore keychain;
    const Result<QStringList> names = listSecretsBlocking(keychain);
    QVERIFY2(names.ok(), qPrintable(names.ok() ? QString() : names.error().message));
    for (const QString &name : *names)
        QVERIFY(removeSecretBlocking(keychain, name).ok());
}

void TestKeychain::storeKeepsSecrets()
{
    KeychainSecretStore keychain;
    const QByteArray binary("\x00\xff line\nnext", 12);

    QVERIFY(setSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"), "t0ken").ok());
    QVERIFY(setSecretBlocking(keychain, QStringLiteral("SIGNING_KEY"), binary).ok());
    QVERIFY(setSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"), "t0ken-2").ok());

    QCOMPARE(take(getSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"))),
             std::optional<QByteArray>("t0ken-2"));
    QCOMPARE(take(getSecretBlocking(keychain, QStringLiteral("SIGNING_KEY"))),
             std::optional<QByteArray>(binary));
    QCOMPARE(take(getSecretBlocking(keychain, QStringLiteral("UNKNOWN"))),
             std::optional<QByteArray>());
    QCOMPARE(take(listSecretsBlocking(keychain)),
             (QStringList{QStringLiteral("DEPLOY_TOKEN"), QStringLiteral("SIGNING_KEY")}));

    QVERIFY(removeSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN")).ok());
    QCOMPARE(take(getSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"))),
             std::optional<QByteArray>());
    QCOMPARE(take(listSecretsBlocking(keychain)), QStringList{QStringLiteral("SIGNING_KEY")});

    const Status again = removeSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().message,
             QStringLiteral("there is no secret DEPLOY_TOKEN in the keychain"));

    const Status empty = setSecretBlocking(keychain, QStringLiteral("EMPTY"), QByteArray());
    QCOMPARE(
        empty.error().message,
        QStringLiteral("the secret EMPTY has an empty value; a secret needs at least one byte"));
}

void TestKeychain::storeKeepsPasswordsByLocation()
{
    KeychainSecretStore keychain;
    const StoreLocation location =
        parseStoreLocation(QStringLiteral("postgresql://ci@db.example:5433/runs?sslmode=require"))
            .value();
    const StoreLocation sameServer =
        parseStoreLocation(QStringLiteral("postgres://ci@db.example:5433/runs")).value();
    const StoreLocation otherDatabase =
        parseStoreLocation(QStringLiteral("postgresql://ci@db.example:5433/other")).value();

    QCOMPARE(KeychainSecretStore::storePasswordKey(location),
             QStringLiteral("postgresql/postgresql://ci@db.example:5433/runs"));
    QVERIFY(setStorePasswordBlocking(keychain, location, QStringLiteral("pä55")).ok());
    QCOMPARE(take(getStorePasswordBlocking(keychain, sameServer)),
             std::optional<QString>(QStringLiteral("pä55")));
    QCOMPARE(take(getStorePasswordBlocking(keychain, otherDatabase)), std::optional<QString>());

    QVERIFY(removeStorePasswordBlocking(keychain, location).ok());
    QVERIFY(removeStorePasswordBlocking(keychain, location).ok());
    QCOMPARE(take(getStorePasswordBlocking(keychain, location)), std::optional<QString>());
    // Store passwords are not secrets jobs get.
    QCOMPARE(take(listSecretsBlocking(keychain)), QStringList());
}

void TestKeychain::pwctlSetsListsAndRemovesSecrets()
{
    const PwctlOutcome set =
        runPwctl({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("DEPLOY_TOKEN")},
                 "tok\nen-123\n\n");
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.out, QByteArray("stored the secret DEPLOY_TOKEN in the keychain\n"));

    // Only the last newline goes: the value keeps its inner lines and the empty one.
    KeychainSecretStore keychain;
    QCOMPARE(take(getSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"))),
             std::optional<QByteArray>("tok\nen-123\n"));

    QCOMPARE(runPwctl({"secret", "set", "API_KEY"}, "k3y").exitCode, 0);
    const PwctlOutcome list = runPwctl({QStringLiteral("secret"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.simplified(), QByteArray("API_KEY keychain DEPLOY_TOKEN keychain"));

    const PwctlOutcome removed = runPwctl({"secret", "rm", "DEPLOY_TOKEN"});
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(removed.out, QByteArray("removed the secret DEPLOY_TOKEN from the keychain\n"));
    QCOMPARE(runPwctl({"secret", "list"}).out.simplified(), QByteArray("API_KEY keychain"));

    const PwctlOutcome again = runPwctl({"secret", "rm", "DEPLOY_TOKEN"});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.err, QByteArray("pwctl: there is no secret DEPLOY_TOKEN in the keychain\n"));
}

void TestKeychain::pwctlSetNeverShowsTheValue()
{
    const QByteArray value("very-secret-value-91");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIPEWRIGHT_SECRET_TOKEN"), QStringLiteral("other"));

    const PwctlOutcome set = runPwctl({"secret", "set", "TOKEN"}, value + '\n', environment);
    QCOMPARE(set.exitCode, 0);
    QVERIFY(!set.out.contains(value));
    QVERIFY(!set.err.contains(value));
    QCOMPARE(set.err, QByteArray("note: PIPEWRIGHT_SECRET_TOKEN is set here, and jobs get its "
                                 "value rather than the keychain's\n"));

    const PwctlOutcome list = runPwctl({"secret", "list"}, {}, environment);
    QVERIFY(!list.out.contains(value) && !list.out.contains("other"));
}

void TestKeychain::environmentWinsOverKeychain()
{
    auto keychain = std::make_shared<KeychainSecretStore>();
    QVERIFY(setSecretBlocking(*keychain, QStringLiteral("DEPLOY_TOKEN"), "from-keychain").ok());
    QVERIFY(setSecretBlocking(*keychain, QStringLiteral("ONLY_KEYCHAIN"), "kc").ok());

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PIPEWRIGHT_SECRET_DEPLOY_TOKEN"),
                       QStringLiteral("from-environment"));
    const SecretResolver resolver(std::make_shared<EnvironmentSecretStore>(environment), keychain);

    const Result<SecretValues> values =
        resolveSecretsBlocking(resolver, QStringLiteral("deploy"),
                               {QStringLiteral("DEPLOY_TOKEN"), QStringLiteral("ONLY_KEYCHAIN")});
    QVERIFY2(values.ok(), qPrintable(values.ok() ? QString() : values.error().message));
    QCOMPARE(*values,
             (SecretValues{{"DEPLOY_TOKEN", "from-environment"}, {"ONLY_KEYCHAIN", "kc"}}));

    QProcessEnvironment withVariable = QProcessEnvironment::systemEnvironment();
    withVariable.insert(QStringLiteral("PIPEWRIGHT_SECRET_DEPLOY_TOKEN"), QStringLiteral("x"));
    withVariable.insert(QStringLiteral("PIPEWRIGHT_SECRET_CI_ONLY"), QStringLiteral("y"));
    const PwctlOutcome list = runPwctl({"secret", "list"}, {}, withVariable);
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.simplified(), QByteArray("CI_ONLY environment DEPLOY_TOKEN environment "
                                               "(used), keychain ONLY_KEYCHAIN keychain"));
}

void TestKeychain::missingSecretNamesBothWays()
{
    const SecretResolver resolver(std::make_shared<EnvironmentSecretStore>(QProcessEnvironment()),
                                  std::make_shared<KeychainSecretStore>());
    const Result<SecretValues> values =
        resolveSecretsBlocking(resolver, QStringLiteral("publish"), {QStringLiteral("NPM_TOKEN")});
    QVERIFY(!values.ok());
    QCOMPARE(values.error().message,
             QStringLiteral("job 'publish' needs the secret NPM_TOKEN, which is not set: set the "
                            "environment variable PIPEWRIGHT_SECRET_NPM_TOKEN, or store it in the "
                            "keychain with 'pwctl secret set NPM_TOKEN'"));
}

void TestKeychain::keychainThatNeverAnswersTimesOut()
{
    SilentSecretService service;
    const Status started = service.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), service.address());
    const PwctlOutcome list = runPwctl({"secret", "list"}, {}, environment, 15000);

    QCOMPARE(list.exitCode, 1);
    QCOMPARE(list.err, QByteArray("pwctl: the keychain did not answer within 5 seconds while "
                                  "listing the secrets; it may be locked and waiting for its "
                                  "password: unlock it, or set PIPEWRIGHT_SECRET_<NAME> "
                                  "instead\n"));
    QVERIFY2(list.elapsedMs < 9000, qPrintable(QString::number(list.elapsedMs)));
}

void TestKeychain::loginStoresACheckedPassword()
{
    const Result<QString> programs = test::PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));

    test::PostgresServer::Options options;
    options.passwordRoles = {QStringLiteral("deployer")};
    auto started = test::PostgresServer::start(options);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    const auto server = std::move(started).value();
    QVERIFY(server->createRole(QStringLiteral("deployer"), QStringLiteral("c0rrect horse")));
    QVERIFY(server->createDatabase(QStringLiteral("deploys"), QStringLiteral("deployer")));
    const QString url = server->url(QStringLiteral("deployer"), QStringLiteral("deploys"));
    const StoreLocation location = parseStoreLocation(url).value();

    // Before login nothing gives the password.
    const PwctlOutcome before = runPwctl({QStringLiteral("history"), QStringLiteral("--db"), url});
    QCOMPARE(before.exitCode, 2);
    QVERIFY2(before.err.contains("no password supplied"), before.err.constData());

    const PwctlOutcome wrong = runPwctl({QStringLiteral("login"), url}, "wrong horse\n");
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.startsWith(QStringLiteral("pwctl: cannot log in to %1: ").arg(url).toUtf8()),
             wrong.err.constData());
    QVERIFY2(wrong.err.contains("password authentication failed for user \"deployer\""),
             wrong.err.constData());
    QVERIFY(wrong.err.endsWith("; nothing was stored\n"));
    KeychainSecretStore keychain;
    QCOMPARE(take(getStorePasswordBlocking(keychain, location)), std::optional<QString>());

    const PwctlOutcome right = runPwctl({QStringLiteral("login"), url}, "c0rrect horse\n");
    QCOMPARE(right.exitCode, 0);
    QCOMPARE(right.out, QStringLiteral("logged in to %1; the keychain keeps the password for "
                                       "later commands\n")
                            .arg(url)
                            .toUtf8());
    QVERIFY(!right.out.contains("horse") && !right.err.contains("horse"));

    // No password on the command line or in the environment: the keychain gives it.
    const PwctlOutcome after = runPwctl({QStringLiteral("history"), QStringLiteral("--db"), url});
    QVERIFY2(after.exitCode == 0, after.err.constData());

    // Also on a thread of its own, as the store writer opens it.
    installKeychainPasswordProvider();
    QString openedOnThread = QStringLiteral("not run");
    std::unique_ptr<QThread> opener(QThread::create([&] {
        const auto store = openStore(url);
        openedOnThread = store.ok() ? QString() : store.error().message;
    }));
    opener->start();
    QVERIFY(opener->wait(20000));
    setStorePasswordProvider({});
    QCOMPARE(openedOnThread, QString());

    const PwctlOutcome forget =
        runPwctl({QStringLiteral("login"), QStringLiteral("--forget"), url});
    QCOMPARE(forget.exitCode, 0);
    QCOMPARE(runPwctl({QStringLiteral("history"), QStringLiteral("--db"), url}).exitCode, 2);

    // Without the keychain entry, PostgreSQL's own password file serves as well.
    QTemporaryDir home;
    const QString passFile = home.filePath(QStringLiteral("pgpass"));
    QFile pass(passFile);
    QVERIFY(pass.open(QIODevice::WriteOnly));
    pass.write(QStringLiteral("127.0.0.1:%1:deploys:deployer:c0rrect horse\n")
                   .arg(server->port())
                   .toUtf8());
    pass.close();
    QVERIFY(pass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    qputenv("PGPASSFILE", QFile::encodeName(passFile));
    const PwctlOutcome fromFile =
        runPwctl({QStringLiteral("history"), QStringLiteral("--db"), url});
    qunsetenv("PGPASSFILE");
    QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
