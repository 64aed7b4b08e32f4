#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretname.h"
#include "core/secrets/secretresolver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

// A store that keeps secrets in memory and remembers what it was asked; `failure`, when
// set, is the answer to every request, and `silent` makes it never answer.
class FakeStore : public SecretStore
{
public:
    explicit FakeStore(SecretSource source)
        : m_source(source)
    {}

    SecretSource source() const override { return m_source; }

    void get(const QString &name, QObject *context, LookupDone done) override
    {
        asked.append(name);
        if (silent)
            return;
        SecretLookup answer =
            failure.isEmpty() ? SecretLookup(
                values.contains(name) ? std::optional(values.value(name)) : std::nullopt)
                              : SecretLookup(Error{failure});
        QMetaObject::invokeMethod(
            context, [done, answer] { done(answer); }, Qt::QueuedConnection);
    }
    void set(const QString &, const QByteArray &, QObject *, StatusDone) override {}
    void remove(const QString &, QObject *, StatusDone) override {}
    void list(QObject *, ListDone) override {}

    QMap<QString, QByteArray> values;
    QString failure;
    bool silent = false;
    QStringList asked;

private:
    SecretSource m_source;
};

QProcessEnvironment environmentWith(const QMap<QString, QString> &variables)
{
    QProcessEnvironment environment;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

// Sets or unsets an environment variable for one scope.
class ScopedVariable
{
public:
    ScopedVariable(const char *name, const std::optional<QByteArray> &value)
        : m_name(name)
        , m_old(qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt)
    {
        assign(value);
    }
    ~ScopedVariable() { assign(m_old); }

private:
    void assign(const std::optional<QByteArray> &value)
    {
        if (value)
            qputenv(m_name, *value);
        else
            qunsetenv(m_name);
    }

    const char *m_name;
    std::optional<QByteArray> m_old;
};

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void secretNames_data();
    void secretNames();
    void environmentStoreReadsItsVariables();
    void environmentStoreIsReadOnly();
    void answersComeLaterAndNotAfterTheContextGoes();
    void resolverLooksInTheEnvironmentFirst();
    void resolverReportsWhatIsMissing_data();
    void resolverReportsWhatIsMissing();
    void blockingWrapperGivesUp();
    void keychainWithoutSessionBus_data();
    void keychainWithoutSessionBus();
    void pwctlSecretListWithoutSessionBus();
    void pwctlRefusesBadInput_data();
    void pwctlRefusesBadInput();

private:
    QTemporaryDir m_runtime;
};

void TestSecretStores::secretNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("upper-case letters and underscores are a name") << "DEPLOY_TOKEN" << true;
    QTest::newRow("digits after the first character are fine") << "TOKEN_2" << true;
    QTest::newRow("a leading underscore is fine") << "_HIDDEN" << true;
    QTest::newRow("a leading digit is not") << "2FA" << false;
    QTest::newRow("lower-case letters are not") << "deploy_token" << false;
    QTest::newRow("a dash is not") << "DEPLOY-TOKEN" << false;
    QTest::newRow("a slash, which would change the keychain key, is not") << "A/B" << false;
    QTest::newRow("an empty name is not") << "" << false;
    QTest::newRow("a name of 200 characters is too long")
        << QString(200, QLatin1Char('A')) << false;
}

void TestSecretStores::secretNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    QCOMPARE(isValidSecretName(name), valid);
    QCOMPARE(secretEnvironmentVariable(QStringLiteral("X")), QStringLiteral("PIPEWRIGHT_SECRET_X"));
}

void TestSecretStores::environmentStoreReadsItsVariables()
{
    const EnvironmentSecretStore store(environmentWith({{"PIPEWRIGHT_SECRET_TOKEN", "t0k"},
                                                        {"PIPEWRIGHT_SECRET_EMPTY", ""},
                                                        {"PIPEWRIGHT_SECRET_lower", "x"},
                                                        {"PIPEWRIGHT_SECRET_", "x"},
                                                        {"TOKEN", "not a secret"}}));

    QCOMPARE(store.names(), QStringList{QStringLiteral("TOKEN")});
    QCOMPARE(store.lookup(QStringLiteral("TOKEN")).value(), std::optional<QByteArray>("t0k"));
    QCOMPARE(store.lookup(QStringLiteral("EMPTY")).value(), std::optional<QByteArray>());
    QCOMPARE(store.lookup(QStringLiteral("bad-name")).error().message,
             QStringLiteral("'bad-name' is not a secret name; %1").arg(secretNameRule()));

    // This process's own environment is read byte for byte.
    const QByteArray binary("\xff\xfe raw", 6);
    const ScopedVariable variable("PIPEWRIGHT_SECRET_BINARY", binary);
    QCOMPARE(EnvironmentSecretStore().lookup(QStringLiteral("BINARY")).value(),
             std::optional<QByteArray>(binary));
}

void TestSecretStores::environmentStoreIsReadOnly()
{
    EnvironmentSecretStore store{QProcessEnvironment()};

    const Status set = setSecretBlocking(store, QStringLiteral("TOKEN"), "value");
    QVERIFY(!set.ok());
    QCOMPARE(set.error().message,
             QStringLiteral("secrets from the environment are read-only; set or unset "
                            "PIPEWRIGHT_SECRET_TOKEN in the environment that runs Pipewright "
                            "instead"));
    QVERIFY(!removeSecretBlocking(store, QStringLiteral("TOKEN")).ok());
}

void TestSecretStores::answersComeLaterAndNotAfterTheContextGoes()
{
    EnvironmentSecretStore store(environmentWith({{"PIPEWRIGHT_SECRET_TOKEN", "t0k"}}));

    QObject context;
    int answers = 0;
    store.get(QStringLiteral("TOKEN"), &context, [&](const SecretLookup &) { ++answers; });
    QCOMPARE(answers, 0);
    QTRY_COMPARE(answers, 1);

    auto *gone = new QObject;
    store.get(QStringLiteral("TOKEN"), gone, [&](const SecretLookup &) { ++answers; });
    delete gone;
    QTest::qWait(50);
    QCOMPARE(answers, 1);
}

void TestSecretStores::resolverLooksInTheEnvironmentFirst()
{
    auto environment = std::make_shared<FakeStore>(SecretSource::Environment);
    auto keychain = std::make_shared<FakeStore>(SecretSource::Keychain);
    environment->values = {{"TOKEN", "from-environment"}};
    keychain->values = {{"TOKEN", "from-keychain"}, {"KEY", "key-from-keychain"}};
    const SecretResolver resolver(environment, keychain);

    const QStringList names = {QStringLiteral("TOKEN"), QStringLiteral("KEY"),
                               QStringLiteral("TOKEN")};
    const Result<SecretValues> values =
        resolveSecretsBlocking(resolver, QStringLiteral("deploy"), names);
    QVERIFY2(values.ok(), qPrintable(values.ok() ? QString() : values.error().message));
    QCOMPARE(*values, (SecretValues{{"TOKEN", "from-environment"}, {"KEY", "key-from-keychain"}}));
    QCOMPARE(keychain->asked, QStringList{QStringLiteral("KEY")});

    const Result<SecretValues> none = resolveSecretsBlocking(resolver, QStringLiteral("build"), {});
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestSecretStores::resolverReportsWhatIsMissing_data()
{
    QTest::addColumn<QString>("keychainFailure");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");

    QTest::newRow("a secret no store has names the job and both ways to give it")
        << QString() << "DEPLOY_TOKEN"
        << "job 'deploy' needs the secret DEPLOY_TOKEN, which is not set: set the environment "
           "variable PIPEWRIGHT_SECRET_DEPLOY_TOKEN, or store it in the keychain with 'pwctl "
           "secret set DEPLOY_TOKEN'";
    QTest::newRow("a keychain that cannot answer says why after what is missing")
        << "no keychain service is running; set PIPEWRIGHT_SECRET_DEPLOY_TOKEN instead"
        << "DEPLOY_TOKEN"
        << "job 'deploy' needs the secret DEPLOY_TOKEN, but PIPEWRIGHT_SECRET_DEPLOY_TOKEN is not "
           "set and no keychain service is running; set PIPEWRIGHT_SECRET_DEPLOY_TOKEN instead";
    QTest::newRow("an invalid name is refused with the rule")
        << QString() << "deploy-token"
        << QStringLiteral("job 'deploy' lists the secret 'deploy-token', which is not a valid "
                          "name; %1")
               .arg(secretNameRule());
}

void TestSecretStores::resolverReportsWhatIsMissing()
{
    QFETCH(QString, keychainFailure);
    QFETCH(QString, name);
    QFETCH(QString, message);

    auto keychain = std::make_shared<FakeStore>(SecretSource::Keychain);
    keychain->failure = keychainFailure;
    const SecretResolver resolver(std::make_shared<FakeStore>(SecretSource::Environment), keychain);

    const Result<SecretValues> values = resolveSecretsBlocking(
        resolver, QStringLiteral("deploy"), {QStringLiteral("FOUND_NOWHERE_FIRST"), name});
    QVERIFY(!values.ok());
    // The first secret is missing too; the message is about it, not a later one.
    QVERIFY(values.error().message.contains(QLatin1String("FOUND_NOWHERE_FIRST")));

    const Result<SecretValues> one =
        resolveSecretsBlocking(resolver, QStringLiteral("deploy"), {name});
    QVERIFY(!one.ok());
    QCOMPARE(one.error().message, message);
}

void TestSecretStores::blockingWrapperGivesUp()
{
    FakeStore store(SecretSource::Keychain);
    store.silent = true;

    QElapsedTimer timer;
    timer.start();
    const SecretLookup lookup = getSecretBlocking(store, QStringLiteral("TOKEN"), 200);
    QVERIFY(!lookup.ok());
    QCOMPARE(lookup.error().message,
             QStringLiteral("the keychain secret store did not answer within 1 second"));
    QVERIFY(timer.elapsed() < 2000);
}

void TestSecretStores::keychainWithoutSessionBus_data()
{
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<QString>("why");

    QTest::newRow("no bus address and no runtime bus socket")
        << QByteArray()
        << "there is no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set and "
           "%1/bus does not exist";
    QTest::newRow("an address that asks to autolaunch a bus is refused")
        << QByteArray("autolaunch:")
        << "DBUS_SESSION_BUS_ADDRESS asks to autolaunch a bus, "
           "which Pipewright does not do";
    QTest::newRow("an address where no bus listens")
        << QByteArray("unix:path=%1/no-bus-here")
        << "cannot connect to the D-Bus session bus at unix:path=%1/no-bus-here";
}

void TestSecretStores::keychainWithoutSessionBus()
{
    QFETCH(QByteArray, address);
    QFETCH(QString, why);
    QVERIFY(m_runtime.isValid());
    const QString runtime = m_runtime.path();

    const ScopedVariable busAddress(
        "DBUS_SESSION_BUS_ADDRESS",
        address.isEmpty()
            ? std::nullopt
            : std::optional(
                QString::fromLatin1(address).replace(QLatin1String("%1"), runtime).toLocal8Bit()));
    const ScopedVariable runtimeDir("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    const ScopedVariable display("DISPLAY", std::nullopt);

    KeychainSecretStore keychain;
    QElapsedTimer timer;
    timer.start();
    const SecretLookup lookup = getSecretBlocking(keychain, QStringLiteral("DEPLOY_TOKEN"));
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(!lookup.ok());
    const QString message = lookup.error().message;
    QVERIFY2(message.startsWith(QLatin1String("no keychain service is running; set "
                                              "PIPEWRIGHT_SECRET_DEPLOY_TOKEN instead (")),
             qPrintable(message));
    QVERIFY2(message.contains(why.replace(QLatin1String("%1"), runtime)), qPrintable(message));

    // A PostgreSQL password has other ways to be given.
    const auto location = parseStoreLocation(QStringLiteral("postgresql://ci@db.invalid/runs"));
    const auto password = getStorePasswordBlocking(keychain, location.value());
    QVERIFY(!password.ok());
    QVERIFY2(password.error().message.startsWith(
                 QLatin1String("no keychain service is running; give the password in "
                               "~/.pgpass or PGPASSWORD instead")),
             qPrintable(password.error().message));
}

void TestSecretStores::pwctlSecretListWithoutSessionBus()
{
    QVERIFY(m_runtime.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    environment.insert(QStringLiteral("PIPEWRIGHT_SECRET_CI_TOKEN"), QStringLiteral("c1"));

    QProcess pwctl;
    pwctl.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    pwctl.start(QStringLiteral(PIPEWRIGHT_PWCTL),
                {QStringLiteral("secret"), QStringLiteral("list")});
    pwctl.closeWriteChannel();
    if (!pwctl.waitForFinished(5000)) {
        pwctl.kill();
        pwctl.waitForFinished();
        QFAIL("pwctl secret list did not answer within 5 seconds without a session bus");
    }

    QVERIFY(timer.elapsed() < 3000);
    QCOMPARE(pwctl.exitCode(), 1);
    QCOMPARE(pwctl.readAllStandardOutput().simplified(), QByteArray("CI_TOKEN environment"));
    const QByteArray errors = pwctl.readAllStandardError();
    QVERIFY2(errors.startsWith("pwctl: no keychain service is running; set "
                               "PIPEWRIGHT_SECRET_<NAME> instead (there is no D-Bus session bus"),
             errors.constData());
    QVERIFY(!errors.contains("c1"));
}

void TestSecretStores::pwctlRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("a name that breaks the rule is refused with the rule")
        << QStringList{"secret", "set", "deploy-token"} << QByteArray("value\n")
        << QStringLiteral("pwctl: 'deploy-token' is not a secret name; %1\n").arg(secretNameRule());
    QTest::newRow("an empty value is refused")
        << QStringList{"secret", "set", "TOKEN"} << QByteArray("\n")
        << "pwctl: the value for TOKEN is empty; give it on standard input, for example "
           "'printf %s \"$VALUE\" | pwctl ...'\n";
    QTest::newRow("a name is needed to set a secret")
        << QStringList{"secret", "set"} << QByteArray()
        << "pwctl: usage: secret set NAME | secret list | secret rm NAME\n";
    QTest::newRow("an unknown action is refused")
        << QStringList{"secret", "show", "TOKEN"} << QByteArray()
        << "pwctl: usage: secret set NAME | secret list | secret rm NAME\n";
    QTest::newRow("login is for PostgreSQL locations")
        << QStringList{"login", "/tmp/runs.db"} << QByteArray("pw\n")
        << "pwctl: /tmp/runs.db is an SQLite file, which needs no login; login is for "
           "postgresql://user@host:port/database\n";
    QTest::newRow("a location with a password is refused before anything is asked")
        << QStringList{"login", "postgresql://ci:hunter2@db.invalid/runs"} << QByteArray("pw\n")
        << "pwctl: the history store location \"postgresql://ci@db.invalid/runs\" contains a "
           "password; give it in PGPASSWORD or ~/.pgpass instead; use a file path, "
           "sqlite:///absolute/path, sqlite:relative/path or "
           "postgresql://user@host:port/database\n";
}

void TestSecretStores::pwctlRefusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);

    QProcess pwctl;
    pwctl.start(QStringLiteral(PIPEWRIGHT_PWCTL), arguments);
    pwctl.write(input);
    pwctl.closeWriteChannel();
    QVERIFY(pwctl.waitForFinished(10000));
    QCOMPARE(pwctl.exitCode(), 2);
    QCOMPARE(QString::fromUtf8(pwctl.readAllStandardError()), message);
}

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
