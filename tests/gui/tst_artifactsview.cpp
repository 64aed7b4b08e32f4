#include "core/files/blobstore.h"
#include "core/files/filecatalog.h"
#include "core/files/filesettings.h"
#include "guitestsupport.h"
#include "historyfixture.h"
#include "testsupport.h"
#include "widgets/artifacts/artifactsview.h"
#include "widgets/run/runmonitor.h"
#include "widgets/store/storereader.h"

#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace pw;
using namespace pw::gui;

namespace {

struct Artifact
{
    const char *path;
    QByteArray content;
};

const Artifact artifacts[] = {
    {"dist/app.js", QByteArray(3000, 'a')},
    {"report/index.html", QByteArray("<html>report</html>\n")},
    {"report/coverage/summary.txt", QByteArray(2 * 1024 * 1024, 'c')},
};

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

} // namespace

class ArtifactsViewTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theArtifactsTabListsTheSelectedJobsArtifacts();
    void aJobWithoutArtifactsSaysSo();
    void saveToFolderKeepsRelativePaths_data();
    void saveToFolderKeepsRelativePaths();
    void openingCopiesTheArtifactOutUnderItsName();

private:
    // A run whose first job ("package") left `artifacts` and whose second ("lint") none.
    qint64 storeRunWithArtifacts();
    void showRun(qint64 runId);

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<RunMonitor> m_monitor;
};

void ArtifactsViewTest::initTestCase()
{
    test::dropPlatformNoise();
    QVERIFY(m_dir.isValid());
    // The stored files live in the user's data folder; the test's own one.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
}

void ArtifactsViewTest::init()
{
    test::failOnWarnings();
    static int count = 0;
    m_store = m_dir.filePath(QStringLiteral("artifacts-%1.sqlite").arg(++count));
}

void ArtifactsViewTest::cleanup()
{
    m_monitor.reset();
    m_reader.reset();
}

qint64 ArtifactsViewTest::storeRunWithArtifacts()
{
    const auto store = test::openTestStore(m_store);
    if (!store)
        return 0;
    RunRecord run = test::endedRun(QStringLiteral("webapp"), RunStatus::Success,
                                   QDateTime::currentDateTimeUtc(), 12);
    JobRecord package;
    package.index = 0;
    package.stage = 0;
    package.name = QStringLiteral("package");
    package.status = JobStatus::Success;
    JobRecord lint = package;
    lint.index = 1;
    lint.name = QStringLiteral("lint");

    // What the recorder does at the end of a job: store each file by content, then record it.
    files::BlobStore blobs(files::defaultFilesSettings(m_store).blobRoot());
    const QString workspace = m_dir.filePath(QStringLiteral("workspace"));
    files::Manifest manifest;
    for (const Artifact &artifact : artifacts) {
        const QString path = workspace + QLatin1Char('/') + QLatin1String(artifact.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(artifact.content) < 0)
            return 0;
        file.close();
        const auto digest = blobs.store(path, false);
        if (!digest.ok())
            return 0;
        manifest.append(
            {QLatin1String(artifact.path), artifact.content.size(), *digest, false, {}});
        package.artifacts.append({QLatin1String(artifact.path), artifact.content.size()});
    }
    run.jobs = {package, lint};
    const auto created = store->createRun(run);
    if (!created.ok())
        return 0;
    auto catalog = files::FileCatalog::open(m_store);
    if (!catalog.ok() || !catalog.value()->addArtifacts(*created, 0, manifest, {}).ok())
        return 0;
    return *created;
}

void ArtifactsViewTest::showRun(qint64 runId)
{
    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    const auto run = store->loadRun(runId);
    QVERIFY(run.ok());
    m_reader = std::make_unique<StoreReader>(m_store);
    m_monitor = std::make_unique<RunMonitor>(*m_reader);
    m_monitor->resize(1000, 600);
    m_monitor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_monitor.get()));
    m_monitor->showStored(*run);
}

void ArtifactsViewTest::theArtifactsTabListsTheSelectedJobsArtifacts()
{
    const qint64 runId = storeRunWithArtifacts();
    QVERIFY(runId > 0);
    showRun(runId);
    QTabWidget *views = m_monitor->views();
    ArtifactsView *view = m_monitor->artifactsView();
    QCOMPARE(views->tabText(views->indexOf(view)), QStringLiteral("&Artifacts"));
    QCOMPARE(view->list()->topLevelItemCount(), 0);
    QCOMPARE(view->statusLabel()->text(), QStringLiteral("Select a job to see its artifacts."));

    m_monitor->selectJob(0);
    views->setCurrentWidget(view);
    QTreeWidget *list = view->list();
    QCOMPARE(list->topLevelItemCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(list->topLevelItem(row)->text(0), QLatin1String(artifacts[row].path));
        QCOMPARE(list->topLevelItem(row)->text(1), sizeText(artifacts[row].content.size()));
    }
    QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("2.0 MiB"));
    QCOMPARE(view->statusLabel()->text(), QStringLiteral("Job package left 3 artifact(s)."));
    QVERIFY(view->saveAllButton()->isEnabled());
    QVERIFY(!view->saveButton()->isEnabled());
}

void ArtifactsViewTest::aJobWithoutArtifactsSaysSo()
{
    const qint64 runId = storeRunWithArtifacts();
    QVERIFY(runId > 0);
    showRun(runId);
    m_monitor->selectJob(1);
    ArtifactsView *view = m_monitor->artifactsView();
    QCOMPARE(view->list()->topLevelItemCount(), 0);
    QCOMPARE(view->statusLabel()->text(), QStringLiteral("Job lint left no artifacts."));
    QVERIFY(!view->saveAllButton()->isEnabled());
    QVERIFY(!view->openButton()->isEnabled());
}

void ArtifactsViewTest::saveToFolderKeepsRelativePaths_data()
{
    QTest::addColumn<bool>("all");
    QTest::addColumn<QStringList>("written");

    QTest::newRow("saving all writes every artifact below the folder")
        << true << QStringList{"dist/app.js", "report/index.html", "report/coverage/summary.txt"};
    QTest::newRow("saving the selection writes only the selected artifacts")
        << false << QStringList{"report/index.html"};
}

void ArtifactsViewTest::saveToFolderKeepsRelativePaths()
{
    QFETCH(bool, all);
    QFETCH(QStringList, written);

    const qint64 runId = storeRunWithArtifacts();
    QVERIFY(runId > 0);
    showRun(runId);
    m_monitor->selectJob(0);
    ArtifactsView *view = m_monitor->artifactsView();
    m_monitor->views()->setCurrentWidget(view);
    if (!all) {
        QTreeWidget *list = view->list();
        const QRect row = list->visualItemRect(list->topLevelItem(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
        QVERIFY(view->saveButton()->isEnabled());
    }

    const QString folder = m_dir.filePath(QStringLiteral("saved-%1").arg(all ? "all" : "some"));
    QVERIFY(QDir().mkpath(folder));
    QSignalSpy saved(view, &ArtifactsView::saved);
    QTest::mouseClick(all ? view->saveAllButton() : view->saveButton(), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = view->findChild<QFileDialog *>()) && dialog->isVisible());
    dialog->setDirectory(folder);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog makes it protected

    QTRY_COMPARE(saved.count(), 1);
    QVERIFY2(saved.first().at(1).toBool(), qPrintable(saved.first().at(0).toString()));
    QCOMPARE(saved.first().at(0).toString(),
             QStringLiteral("Saved %1 file(s) to %2.").arg(written.size()).arg(folder));
    for (const Artifact &artifact : artifacts) {
        const QString path = folder + QLatin1Char('/') + QLatin1String(artifact.path);
        const bool wanted = written.contains(QLatin1String(artifact.path));
        QCOMPARE(QFileInfo::exists(path), wanted);
        if (wanted)
            QCOMPARE(contentOf(path), artifact.content);
    }
}

void ArtifactsViewTest::openingCopiesTheArtifactOutUnderItsName()
{
    const qint64 runId = storeRunWithArtifacts();
    QVERIFY(runId > 0);
    showRun(runId);
    m_monitor->selectJob(0);
    ArtifactsView *view = m_monitor->artifactsView();
    m_monitor->views()->setCurrentWidget(view);
    QList<QUrl> asked;
    view->setOpener([&asked](const QUrl &url) {
        asked.append(url);
        return true;
    });

    QTreeWidget *list = view->list();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->topLevelItem(1)).center());
    QSignalSpy opened(view, &ArtifactsView::opened);
    QTest::mouseClick(view->openButton(), Qt::LeftButton);
    QTRY_COMPARE(opened.count(), 1);

    QVERIFY(opened.first().at(1).toBool());
    QCOMPARE(asked.size(), 1);
    const QString path = asked.first().toLocalFile();
    QVERIFY2(path.endsWith(QStringLiteral("/report/index.html")), qPrintable(path));
    QCOMPARE(contentOf(path), artifacts[1].content);
}

QTEST_MAIN(ArtifactsViewTest)
#include "tst_artifactsview.moc"
