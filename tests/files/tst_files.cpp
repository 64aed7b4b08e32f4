#include "core/files/blobstore.h"
#include "core/files/cachekey.h"
#include "core/files/filecatalog.h"
#include "core/files/filewalk.h"
#include "core/files/garbage.h"
#include "core/files/restore.h"
#include "core/files/safepath.h"
#include "core/store/runstore.h"
#include "filesfixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace pw;
using namespace pw::files;

namespace {

QStringList paths(const Manifest &files)
{
    QStringList names;
    for (const FileEntry &file : files)
        names.append(file.path);
    names.sort();
    return names;
}

bool makeLink(const QString &target, const QString &link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData())
           == 0;
}

// A stored file and its manifest entry, ready to restore.
FileEntry storedFile(BlobStore &blobs, const QString &scratch, const QString &name,
                     const QByteArray &content)
{
    const QString file = scratch + QStringLiteral("/content");
    QFile out(file);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(content);
    out.close();
    FileEntry entry{name, content.size(), blobs.store(file, false).value(), false, QString()};
    QFile::remove(file);
    return entry;
}

qint64 makeRun(const QString &db)
{
    auto store = openStore(db);
    RunRecord run;
    run.pipeline = QStringLiteral("files");
    return store.ok() ? (*store)->createRun(run).value() : 0;
}

} // namespace

class tst_Files : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void storedNamesThatCouldClimbOutAreRefused_data();
    void storedNamesThatCouldClimbOutAreRefused();
    void linksAreJudgedByTheirText_data();
    void linksAreJudgedByTheirText();
    void restoreNeverWritesOutsideTheDestination();
    void restoreNeverWritesThroughALink();
    void restoreReplacesWhatIsInTheWayWithoutFollowingIt_data();
    void restoreReplacesWhatIsInTheWayWithoutFollowingIt();
    void selectionNeverFollowsLinksOutOfTheWorkspace();
    void selectionTakesFoldersGlobsAndExcludes();
    void storeKeepsEachContentOnceAndReadOnly();
    void hardLinkedCacheFilesShareTheStoredCopy();
    void cacheKeyChangesExactlyWhenAListedFileChanges_data();
    void cacheKeyChangesExactlyWhenAListedFileChanges();
    void cacheKeyOfAJobWithoutKeyFollowsItsCommands();
    void fallbackFindsTheNewestEntryWithThePrefix();
    void twoSimultaneousSavesOfOneKeyLeaveOneEntry();
    void evictionRemovesTheLeastRecentlyUsedFirst();
    void expiredArtifactsAreHiddenAndCollected();
    void sizesAreRead_data();
    void sizesAreRead();

private:
    QTemporaryDir m_dir;
};

void tst_Files::storedNamesThatCouldClimbOutAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a plain name is kept") << "dist/app.js"
                                          << "";
    QTest::newRow("an absolute name is refused") << "/etc/passwd"
                                                 << "is absolute";
    QTest::newRow("a name that climbs up is refused") << "../outside"
                                                      << "climbs out with '..'";
    QTest::newRow("a name that climbs up midway is refused") << "dist/../../outside"
                                                             << "climbs out with '..'";
    QTest::newRow("an empty part is refused") << "dist//app.js"
                                              << "has an empty or '.' part";
    QTest::newRow("a backslash is refused") << "dist\\..\\x"
                                            << "contains a backslash or a NUL character";
    QTest::newRow("an empty name is refused") << ""
                                              << "is empty";
}

void tst_Files::storedNamesThatCouldClimbOutAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QCOMPARE(storedNameProblem(name), problem);
}

void tst_Files::linksAreJudgedByTheirText_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("inside");
    QTest::newRow("a link to a sibling stays inside") << "bin/tool"
                                                      << "../lib/tool.js" << true;
    QTest::newRow("a link to the root's parent leaves") << "bin/tool"
                                                        << "../../x" << false;
    QTest::newRow("an absolute link leaves") << "escape"
                                             << "/etc" << false;
    QTest::newRow("a link that dips out and back still leaves") << "a"
                                                                << "../src/a" << false;
}

void tst_Files::linksAreJudgedByTheirText()
{
    QFETCH(QString, link);
    QFETCH(QString, target);
    QFETCH(bool, inside);
    QCOMPARE(linkTargetProblem(link, target).isEmpty(), inside);
}

void tst_Files::restoreNeverWritesOutsideTheDestination()
{
    QTemporaryDir dir;
    BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
    const QString destination = dir.filePath(QStringLiteral("deep/dest"));
    QDir().mkpath(destination);

    Manifest files;
    for (const QString &name : {QStringLiteral("../escaped"), QStringLiteral("/tmp/absolute"),
                                QStringLiteral("ok/../../../escaped2"), QStringLiteral("ok/file")})
        files.append(storedFile(blobs, dir.path(), name, "x"));
    const RestoreReport report = restoreFiles(blobs, files, destination, Placement::CloneOrCopy);

    QCOMPARE(report.files, 1);
    QVERIFY(QFile::exists(destination + QStringLiteral("/ok/file")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("deep/escaped"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("escaped2"))));
    QCOMPARE(report.warnings.size(), 3);
    QCOMPARE(report.warnings[0], QStringLiteral("'../escaped' refused: it climbs out with '..'"));
    QCOMPARE(report.warnings[1], QStringLiteral("'/tmp/absolute' refused: it is absolute"));
}

void tst_Files::restoreNeverWritesThroughALink()
{
    QTemporaryDir dir;
    BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
    const QString destination = dir.filePath(QStringLiteral("dest"));
    const QString outside = dir.filePath(QStringLiteral("outside"));
    QDir().mkpath(destination);
    QDir().mkpath(outside);
    QVERIFY(makeLink(outside, destination + QStringLiteral("/out")));

    // A stored link that stays inside is made, but only after every file.
    Manifest files{storedFile(blobs, dir.path(), QStringLiteral("out/planted"), "evil"),
                   {QStringLiteral("lib"), 0, QString(), false, QStringLiteral("real")},
                   {QStringLiteral("up"), 0, QString(), false, QStringLiteral("../outside")},
                   storedFile(blobs, dir.path(), QStringLiteral("real/file"), "ok")};
    const RestoreReport report = restoreFiles(blobs, files, destination, Placement::CloneOrCopy);

    QVERIFY(QDir(outside).isEmpty());
    QCOMPARE(report.files, 1);
    QCOMPARE(report.links, 1);
    QCOMPARE(QFileInfo(destination + QStringLiteral("/lib")).symLinkTarget(),
             destination + QStringLiteral("/real"));
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/up")));
    QCOMPARE(report.warnings,
             QStringList({QStringLiteral("'out/planted' refused: 'out' is a symbolic link, "
                                         "not a folder"),
                          QStringLiteral("'up' refused: it points outside the folder "
                                         "(../outside)")}));
}

void tst_Files::restoreReplacesWhatIsInTheWayWithoutFollowingIt_data()
{
    QTest::addColumn<int>("placement");
    QTest::newRow("a cache restore by hard link") << int(Placement::LinkOrClone);
    QTest::newRow("an artifact restore by copy") << int(Placement::CloneOrCopy);
}

void tst_Files::restoreReplacesWhatIsInTheWayWithoutFollowingIt()
{
    QFETCH(int, placement);
    QTemporaryDir dir;
    BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
    const QString destination = dir.filePath(QStringLiteral("dest"));
    const QString outside = dir.filePath(QStringLiteral("outside.txt"));
    QDir().mkpath(destination);
    QFile victim(outside);
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.write("untouched");
    victim.close();
    QVERIFY(makeLink(outside, destination + QStringLiteral("/linked.txt")));
    QFile old(destination + QStringLiteral("/old.txt"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();

    const Manifest files{storedFile(blobs, dir.path(), QStringLiteral("linked.txt"), "new"),
                         storedFile(blobs, dir.path(), QStringLiteral("old.txt"), "new")};
    const RestoreReport report = restoreFiles(blobs, files, destination, Placement(placement));

    QCOMPARE(report.files, 2);
    QVERIFY(report.warnings.isEmpty());
    QCOMPARE(test::readFile(outside), QByteArray("untouched"));
    QVERIFY(!QFileInfo(destination + QStringLiteral("/linked.txt")).isSymLink());
    QCOMPARE(test::readFile(destination + QStringLiteral("/linked.txt")), QByteArray("new"));
    QCOMPARE(test::readFile(destination + QStringLiteral("/old.txt")), QByteArray("new"));
}

void tst_Files::selectionNeverFollowsLinksOutOfTheWorkspace()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("ws"));
    QDir().mkpath(root + QStringLiteral("/dist"));
    QFile::copy(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/CMakeLists.txt"),
                root + QStringLiteral("/dist/app.txt"));
    QVERIFY(makeLink(QStringLiteral("/etc"), root + QStringLiteral("/dist/etc")));
    QVERIFY(makeLink(QStringLiteral("../../x"), root + QStringLiteral("/dist/up")));
    QVERIFY(makeLink(QStringLiteral("app.txt"), root + QStringLiteral("/dist/same")));
    QVERIFY(makeLink(QStringLiteral("/etc"), root + QStringLiteral("/escape")));

    const Selection selection =
        selectFiles(root, {QStringLiteral("dist/"), QStringLiteral("escape/passwd"),
                           QStringLiteral("../x"), QStringLiteral("escape/**")});

    QCOMPARE(paths(selection.files),
             QStringList({QStringLiteral("dist/app.txt"), QStringLiteral("dist/same")}));
    QVERIFY(selection.warnings.contains(QStringLiteral(
        "symbolic link 'dist/etc' skipped, not followed: it points to the absolute path /etc")));
    QVERIFY(selection.warnings.contains(QStringLiteral(
        "symbolic link 'dist/up' skipped, not followed: it points outside the folder (../../x)")));
    QVERIFY(selection.warnings.contains(
        QStringLiteral("path 'escape/passwd' refused: it passes through the symbolic link "
                       "'escape', which is not followed")));
    QVERIFY(selection.warnings.contains(
        QStringLiteral("path '../x' refused: it climbs out with '..'")));
    QVERIFY(selection.warnings.contains(
        QStringLiteral("path 'escape/**' refused: it passes through a symbolic link")));
}

void tst_Files::selectionTakesFoldersGlobsAndExcludes()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    for (const char *name : {"reports/unit/a.xml", "reports/unit/a.txt", "reports/e2e/deep/b.xml",
                             "dist/app.js", "dist/tmp/x.tmp", "dist/keep.tmp", "other.xml"}) {
        const QString file = root + QLatin1Char('/') + QLatin1String(name);
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
    }
    const Selection selection = selectFiles(
        root,
        {QStringLiteral("dist/"), QStringLiteral("reports/**/*.xml"), QStringLiteral("missing/")},
        {QStringLiteral("dist/tmp"), QStringLiteral("**/keep.tmp")});

    QCOMPARE(paths(selection.files),
             QStringList({QStringLiteral("dist/app.js"), QStringLiteral("reports/e2e/deep/b.xml"),
                          QStringLiteral("reports/unit/a.xml")}));
    QCOMPARE(selection.warnings, QStringList{QStringLiteral("path 'missing/' matched nothing")});
}

void tst_Files::storeKeepsEachContentOnceAndReadOnly()
{
    QTemporaryDir dir;
    BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
    const FileEntry a = storedFile(blobs, dir.path(), QStringLiteral("a"), "same content");
    const FileEntry b = storedFile(blobs, dir.path(), QStringLiteral("b"), "same content");
    const FileEntry c = storedFile(blobs, dir.path(), QStringLiteral("c"), "other content");

    QCOMPARE(a.digest, b.digest);
    QVERIFY(a.digest != c.digest);
    // SHA-256 of "same content".
    QCOMPARE(a.digest,
             QCryptographicHash::hash("same content", QCryptographicHash::Sha256).toHex());
    QCOMPARE(blobs.list().size(), 2);
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(blobs.blobPath(a.digest, false)).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0444));
}

void tst_Files::hardLinkedCacheFilesShareTheStoredCopy()
{
    QTemporaryDir dir;
    BlobStore blobs(dir.filePath(QStringLiteral("blobs")));
    QCOMPARE(blobs.hardLinksAllowed(), ::geteuid() != 0);
    blobs.setHardLinksAllowed(true);
    const Manifest files{storedFile(blobs, dir.path(), QStringLiteral("node_modules/x.js"), "x")};
    const QString cache = dir.filePath(QStringLiteral("cache"));
    const QString workspace = dir.filePath(QStringLiteral("workspace"));

    const RestoreReport linked = restoreFiles(blobs, files, cache, Placement::LinkOrClone);
    const RestoreReport copied = restoreFiles(blobs, files, workspace, Placement::CloneOrCopy);

    // A file system with reflinks gives the cache a clone; ext4 and the like a hard link.
    QCOMPARE(linked.hardLinked + linked.reflinked, 1);
    QCOMPARE(copied.hardLinked, 0);
    struct stat blob, inCache, inWorkspace;
    QCOMPARE(::stat(QFile::encodeName(blobs.blobPath(files[0].digest, false)).constData(), &blob),
             0);
    QCOMPARE(::stat(QFile::encodeName(cache + QStringLiteral("/node_modules/x.js")).constData(),
                    &inCache),
             0);
    QCOMPARE(::stat(QFile::encodeName(workspace + QStringLiteral("/node_modules/x.js")).constData(),
                    &inWorkspace),
             0);
    QCOMPARE(inCache.st_ino == blob.st_ino, linked.hardLinked == 1);
    QVERIFY(inWorkspace.st_ino != blob.st_ino);
    QCOMPARE(test::readFile(workspace + QStringLiteral("/node_modules/x.js")), QByteArray("x"));

    // Where hard links are not allowed (as root), the cache gets a file of its own.
    blobs.setHardLinksAllowed(false);
    const QString own = dir.filePath(QStringLiteral("own"));
    const RestoreReport owned = restoreFiles(blobs, files, own, Placement::LinkOrClone);
    QCOMPARE(owned.hardLinked, 0);
    struct stat inOwn;
    QCOMPARE(
        ::stat(QFile::encodeName(own + QStringLiteral("/node_modules/x.js")).constData(), &inOwn),
        0);
    QVERIFY(inOwn.st_ino != blob.st_ino);
}

void tst_Files::cacheKeyChangesExactlyWhenAListedFileChanges_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("changes");
    QTest::newRow("changing a listed file changes the key")
        << "package-lock.json" << QByteArray("v2") << true;
    QTest::newRow("changing the other listed file changes the key")
        << "yarn.lock" << QByteArray("y2") << true;
    QTest::newRow("writing the same content again keeps the key")
        << "package-lock.json" << QByteArray("v1") << false;
    QTest::newRow("changing a file that is not listed keeps the key")
        << "README.md" << QByteArray("new") << false;
}

void tst_Files::cacheKeyChangesExactlyWhenAListedFileChanges()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(bool, changes);
    test::FilesFixture fixture;
    fixture.write(QStringLiteral("package-lock.json"), "v1");
    fixture.write(QStringLiteral("yarn.lock"), "y1");
    fixture.write(QStringLiteral("README.md"), "old");
    CacheSpec cache;
    cache.key = QStringLiteral("deps");
    cache.keyGiven = true;
    cache.files = {QStringLiteral("yarn.lock"), QStringLiteral("package-lock.json")};
    Job job;

    const CacheKey before = cacheKeyFor(cache, job, fixture.source());
    fixture.write(file, content);
    const CacheKey after = cacheKeyFor(cache, job, fixture.source());

    QVERIFY(before.key.startsWith(QStringLiteral("deps-")));
    QCOMPARE(before.key.size(), 5 + 16);
    QCOMPARE(before.key != after.key, changes);
    QCOMPARE(before.inputs.size(), 2);
    QCOMPARE(before.inputs[0],
             QStringLiteral("package-lock.json sha256 ")
                 + QCryptographicHash::hash("v1", QCryptographicHash::Sha256).toHex());
}

void tst_Files::cacheKeyOfAJobWithoutKeyFollowsItsCommands()
{
    test::FilesFixture fixture;
    CacheSpec cache;
    Job job;
    job.commands = {QStringLiteral("npm ci")};
    const CacheKey first = cacheKeyFor(cache, job, fixture.source());
    job.commands = {QStringLiteral("npm install")};
    const CacheKey second = cacheKeyFor(cache, job, fixture.source());

    QVERIFY(first.key.startsWith(QStringLiteral("default-")));
    QVERIFY(first.key != second.key);
    QVERIFY(first.inputs.constLast().startsWith(QStringLiteral("the job's commands sha256 ")));

    cache.key = QStringLiteral("static");
    cache.keyGiven = true;
    QCOMPARE(cacheKeyFor(cache, job, fixture.source()).key, QStringLiteral("static"));
}

void tst_Files::fallbackFindsTheNewestEntryWithThePrefix()
{
    test::FilesFixture fixture;
    auto catalog = FileCatalog::open(fixture.settings().storeLocation);
    QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().message));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<std::pair<QString, int>> entries = {{QStringLiteral("deps-old"), -30},
                                                    {QStringLiteral("deps-new"), -10},
                                                    {QStringLiteral("depsx-newest"), -1},
                                                    {QStringLiteral("de%s-like"), 0}};
    for (const auto &[key, age] : entries) {
        CacheEntry entry;
        entry.key = key;
        entry.createdAt = now.addSecs(age);
        QVERIFY((*catalog)->addCache(entry, {}).value());
    }

    QCOMPARE((*catalog)->findCacheByPrefix(QStringLiteral("deps-")).value()->key,
             QStringLiteral("deps-new"));
    QCOMPARE((*catalog)->findCacheByPrefix(QStringLiteral("deps")).value()->key,
             QStringLiteral("depsx-newest"));
    // '%' is a plain character, not a wildcard.
    QCOMPARE((*catalog)->findCacheByPrefix(QStringLiteral("d%")).value(), std::nullopt);
    QCOMPARE((*catalog)->findCacheByPrefix(QStringLiteral("nothing")).value(), std::nullopt);
}

void tst_Files::twoSimultaneousSavesOfOneKeyLeaveOneEntry()
{
    test::FilesFixture fixture;
    // Open once first, so that both threads find the schema in place.
    QVERIFY(FileCatalog::open(fixture.settings().storeLocation).ok());

    constexpr int savers = 4;
    QList<int> added(savers, -1);
    std::vector<std::thread> threads;
    for (int i = 0; i < savers; ++i) {
        threads.emplace_back([&, i] {
            auto catalog = FileCatalog::open(fixture.settings().storeLocation);
            if (!catalog.ok())
                return;
            CacheEntry entry;
            entry.key = QStringLiteral("shared");
            entry.createdAt = QDateTime::currentDateTimeUtc();
            entry.job = i;
            const Manifest files{{QStringLiteral("who"), 1, QString::number(i), false, QString()}};
            const Result<bool> result = (*catalog)->addCache(entry, files);
            added[i] = result.ok() ? int(*result) : -1;
        });
    }
    for (std::thread &thread : threads)
        thread.join();

    QCOMPARE(added.count(1), 1);
    QCOMPARE(added.count(0), savers - 1);
    auto catalog = FileCatalog::open(fixture.settings().storeLocation);
    const std::optional<CacheEntry> entry = (*catalog)->findCache(QStringLiteral("shared")).value();
    QVERIFY(entry);
    const Manifest files = (*catalog)->cacheFiles(entry->id).value();
    QCOMPARE(files.size(), 1);
    // The entry's files are the winner's, not a mix.
    QCOMPARE(files[0].digest, QString::number(entry->job));
}

void tst_Files::evictionRemovesTheLeastRecentlyUsedFirst()
{
    test::FilesFixture fixture;
    auto catalog = FileCatalog::open(fixture.settings().storeLocation);
    BlobStore blobs(fixture.settings().blobRoot());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList digests;
    for (int i = 0; i < 3; ++i) {
        CacheEntry entry;
        entry.key = QStringLiteral("entry-%1").arg(i);
        entry.createdAt = now.addSecs(-100 + i);
        entry.size = 100;
        const FileEntry file =
            storedFile(blobs, fixture.path(QString()), QStringLiteral("f"), QByteArray::number(i));
        digests.append(file.digest);
        QVERIFY((*catalog)->addCache(entry, {file}).value());
    }
    // Using the oldest makes the middle one the least recently used.
    const CacheEntry oldest = (*catalog)->findCache(QStringLiteral("entry-0")).value().value();
    QVERIFY((*catalog)->markCacheUsed(oldest.id, now).ok());

    const QList<CacheEntry> evicted = (*catalog)->evictCaches(250).value();

    QCOMPARE(evicted.size(), 1);
    QCOMPARE(evicted[0].key, QStringLiteral("entry-1"));
    QCOMPARE((*catalog)->listCaches().value().size(), 2);
    const GarbageReport freed = removeUnusedBlobs(**catalog, blobs, Milliseconds(0)).value();
    QCOMPARE(freed.blobs, 1);
    QVERIFY(!blobs.contains(digests[1], false));
    QVERIFY(blobs.contains(digests[0], false));
}

void tst_Files::expiredArtifactsAreHiddenAndCollected()
{
    test::FilesFixture fixture;
    const qint64 runId = makeRun(fixture.settings().storeLocation);
    QVERIFY(runId > 0);
    auto catalog = FileCatalog::open(fixture.settings().storeLocation);
    BlobStore blobs(fixture.settings().blobRoot());
    const FileEntry kept = storedFile(blobs, fixture.path(QString()), QStringLiteral("kept"), "k");
    const FileEntry gone = storedFile(blobs, fixture.path(QString()), QStringLiteral("gone"), "g");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY((*catalog)->addArtifacts(runId, 0, {kept}, now.addDays(7)).ok());
    QVERIFY((*catalog)->addArtifacts(runId, 1, {gone}, now.addSecs(-1)).ok());

    QCOMPARE((*catalog)->artifacts(runId, 0).value().size(), 1);
    QCOMPARE((*catalog)->artifacts(runId, 1).value().size(), 0);
    const GarbageReport report = collectGarbage(fixture.settings(), now, Milliseconds(0)).value();

    QCOMPARE(report.artifacts, 1);
    QCOMPARE(report.blobs, 1);
    QCOMPARE((*catalog)->listArtifacts(runId).value().size(), 1);
    QVERIFY(blobs.contains(kept.digest, false));
    QVERIFY(!blobs.contains(gone.digest, false));
}

void tst_Files::sizesAreRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain bytes") << "1024" << qint64(1024);
    QTest::newRow("megabytes") << "500M" << (qint64(500) << 20);
    QTest::newRow("gigabytes in lower case") << "10g" << (qint64(10) << 30);
    QTest::newRow("a word is refused") << "lots" << qint64(-1);
    QTest::newRow("a negative size is refused") << "-5M" << qint64(-1);
}

void tst_Files::sizesAreRead()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(parseSize(text).value_or(-1), bytes);
}

QTEST_GUILESS_MAIN(tst_Files)
#include "tst_files.moc"
