// Opening a history store: a new SQLite file, one an older or a newer Pipewright left, a
// file or folder that cannot be used, a server that cannot be reached, and the password a
// provider gives. None of these needs the backend tst_store runs on, so they run once.
#include "core/store/runstore.h"
#include "core/store/schema.h"
#include "core/store/sqldialect.h"
#include "core/store/storelocation.h"
#include "core/store/storepassword.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

class StoreOpeningTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { failOnWarnings(); }

    void newStoreUsesWriteAheadLog();
    void olderStoreIsUpgraded();
    void failedUpgradeLeavesStoreAsItWas();
    void newerStoreIsRefused();
    void nonDatabaseFileIsRefused();
    void unusableFolderIsRefused_data();
    void unusableFolderIsRefused();
    void unreachableServerIsReported();
    void passwordComesFromTheProvider();

private:
    QString sqlitePath(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void StoreOpeningTest::newStoreUsesWriteAheadLog()
{
    const QString path = sqlitePath(QStringLiteral("new/folders/history.sqlite"));
    {
        const std::unique_ptr<RunStore> store = openOrDie(path);
        QCOMPARE(store->location(), path);
    }

    QVERIFY(QFileInfo(path).isFile());
    RawSqlite raw(path);
    QCOMPARE(raw.exec(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
             latestSchemaVersion());
}

void StoreOpeningTest::olderStoreIsUpgraded()
{
    const QString path = sqlitePath(QStringLiteral("older/history.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    qint64 id = 0;
    {
        RawSqlite raw(path);
        const Status created =
            migrateSchema(raw.db(), SqlDialect{StoreLocation::Kind::Sqlite}, path, 1);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(readSchemaVersion(raw.db(), path).value(), 1);
        id = raw.exec(QStringLiteral("INSERT INTO runs (pipeline, pipeline_file, status, reason,"
                                     " branch, commit_sha, event, triggered_by, started_at)"
                                     " VALUES (?, '', ?, '', '', '', '', '', ?) RETURNING id"),
                      {QStringLiteral("kept"), QStringLiteral("success"), 1700000000123LL})
                 .toLongLong();
        QCOMPARE(raw.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = ?"),
                          {QStringLiteral("runs_by_status")})
                     .toInt(),
                 0);
    }

    const std::unique_ptr<RunStore> store = openOrDie(path);
    const RunRecord run = store->loadRun(id).value();
    QCOMPARE(run.pipeline, QStringLiteral("kept"));
    QCOMPARE(run.startedAt, QDateTime::fromMSecsSinceEpoch(1700000000123LL, Qt::UTC));

    RawSqlite raw(path);
    QCOMPARE(readSchemaVersion(raw.db(), path).value(), latestSchemaVersion());
    QCOMPARE(raw.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = ?"),
                      {QStringLiteral("runs_by_status")})
                 .toInt(),
             1);
}

void StoreOpeningTest::failedUpgradeLeavesStoreAsItWas()
{
    const QString path = sqlitePath(QStringLiteral("blocked/history.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        RawSqlite raw(path);
        QVERIFY(migrateSchema(raw.db(), SqlDialect{StoreLocation::Kind::Sqlite}, path, 1));
        // Takes the name the second migration gives its index.
        raw.exec(QStringLiteral("CREATE TABLE runs_by_status (x INTEGER)"));
    }

    const QString message = openError(path);
    QVERIFY2(message.startsWith(
                 QStringLiteral("cannot upgrade the history store at %1 to schema 2: ").arg(path)),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("runs_by_status")), qPrintable(message));

    RawSqlite raw(path);
    QCOMPARE(readSchemaVersion(raw.db(), path).value(), 1);
}

void StoreOpeningTest::newerStoreIsRefused()
{
    const QString path = sqlitePath(QStringLiteral("newer/history.sqlite"));
    openOrDie(path);
    const int future = latestSchemaVersion() + 3;
    {
        RawSqlite raw(path);
        raw.exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, 0)"),
                 {future});
    }

    QCOMPARE(openError(path), QStringLiteral("the history store at %1 was written by a newer "
                                             "Pipewright (schema %2, this build knows %3)")
                                  .arg(path)
                                  .arg(future)
                                  .arg(latestSchemaVersion()));
    RawSqlite raw(path);
    QCOMPARE(readSchemaVersion(raw.db(), path).value(), future);
}

void StoreOpeningTest::nonDatabaseFileIsRefused()
{
    const QString path = sqlitePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int line = 0; line < 100; ++line)
        file.write("These are my notes, not a database.\n");
    file.close();

    QCOMPARE(
        openError(path),
        QStringLiteral("cannot open the history store at %1: file is not a database").arg(path));
    QFile readBack(path);
    QVERIFY(readBack.open(QIODevice::ReadOnly));
    QVERIFY(readBack.readAll().startsWith("These are my notes"));
}

void StoreOpeningTest::unusableFolderIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("location"); // below the test folder
    QTest::addColumn<QString>("reason");   // %1: the test folder

    QTest::newRow("a folder without write permission is refused")
        << "read-only"
        << "locked/history.sqlite"
        << "the folder %1/locked is not writable";
    QTest::newRow("a folder that cannot be created is refused")
        << "file-as-folder"
        << "plain/sub/history.sqlite"
        << "cannot create the folder %1/plain/sub";
    QTest::newRow("a location that is a folder is refused") << "folder"
                                                            << "afolder"
                                                            << "it is a folder, not a file";
}

void StoreOpeningTest::unusableFolderIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, location);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (kind == QLatin1String("read-only")) {
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        QFile probe(locked + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("this user may write into folders without write permission (root)");
        }
    } else if (kind == QLatin1String("file-as-folder")) {
        QFile plain(dir.filePath(QStringLiteral("plain")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
    } else {
        QVERIFY(QDir().mkpath(dir.filePath(location)));
    }

    const QString path = dir.filePath(location);
    const QString message = openError(path);
    // Given back before comparing, so that the temporary folder can always be removed.
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    reason.replace(QStringLiteral("%1"), dir.path());
    QCOMPARE(message, QStringLiteral("cannot open the history store at %1: %2").arg(path, reason));
}

void StoreOpeningTest::unreachableServerIsReported()
{
    // Nothing listens on port 1, so the connection is refused at once.
    const QString location = QStringLiteral("postgresql://ci@127.0.0.1:1/history");
    const QString message = openError(location);
    QVERIFY2(
        message.startsWith(QStringLiteral("cannot open the history store at %1: ").arg(location)),
        qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("127.0.0.1")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void StoreOpeningTest::passwordComesFromTheProvider()
{
    QList<StoreLocation> asked;
    setStorePasswordProvider([&](const StoreLocation &location) -> std::optional<QString> {
        asked.append(location);
        return QStringLiteral("from-the-keyring");
    });
    const QString failed = openError(QStringLiteral("postgresql://ci@127.0.0.1:1/history"));
    openOrDie(sqlitePath(QStringLiteral("provider/history.sqlite")));
    setStorePasswordProvider({});

    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked[0].user, QStringLiteral("ci"));
    QCOMPARE(asked[0].database, QStringLiteral("history"));
    QVERIFY2(!failed.contains(QLatin1String("from-the-keyring")), qPrintable(failed));
}

QTEST_GUILESS_MAIN(StoreOpeningTest)
#include "tst_storeopening.moc"
