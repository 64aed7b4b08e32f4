// The Debian package of this build: built with CPack, unpacked into a scratch root, its
// files checked and validated, and the unpacked pwctl run on an example.
#include "program.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
#include <QImageReader>
#endif

using namespace pw::test;

namespace {

const QString appId = QStringLiteral(PIPEWRIGHT_APP_ID);
const QString version = QStringLiteral(PIPEWRIGHT_VERSION);

} // namespace

class PackageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { failOnWarnings(); }

    void packageInstallsItsFiles_data();
    void packageInstallsItsFiles();
    void iconsHaveTheirSizes_data();
    void iconsHaveTheirSizes();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void packageDependsOnTheRuntimeLibraries_data();
    void packageDependsOnTheRuntimeLibraries();
    void versionComesFromTheProject_data();
    void versionComesFromTheProject();
    void installedPwctlRunsAnExample();

private:
    QString installed(const QString &path) const { return m_root + QStringLiteral("/") + path; }
    QString field(const QString &name) const;
    // Runs `program` of the unpacked package with the system's libraries only.
    ProgramResult runInstalled(const QString &program, const QStringList &arguments) const;
    QString manPage() const;

    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;
};

void PackageTest::initTestCase()
{
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    if (dpkgDeb.isEmpty())
        QSKIP("dpkg-deb is not installed: this is not a Debian system");
    QVERIFY(m_dir.isValid());

    // Package the build this test is part of, into the scratch folder.
    const ProgramResult packed = runProgram(QStringLiteral(PIPEWRIGHT_CPACK),
                                            {"-G", "DEB", "-B", m_dir.filePath("out"), "--config",
                                             binaryDir() + QStringLiteral("/CPackConfig.cmake")},
                                            QProcessEnvironment::systemEnvironment(), 150000);
    QVERIFY2(packed.exitCode == 0, qPrintable(packed.describe()));
    const QStringList debs = QDir(m_dir.filePath("out")).entryList({"*.deb"}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_dir.filePath("out/" + debs.first());

    m_root = m_dir.filePath("root");
    const ProgramResult unpacked = runProgram(dpkgDeb, {"-x", m_deb, m_root});
    QVERIFY2(unpacked.exitCode == 0, qPrintable(unpacked.describe()));
}

QString PackageTest::field(const QString &name) const
{
    return QString::fromUtf8(runProgram(QStringLiteral("dpkg-deb"), {"-f", m_deb, name}).out)
        .trimmed();
}

ProgramResult PackageTest::runInstalled(const QString &program, const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LD_LIBRARY_PATH"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath("data"));
    return runProgram(installed(program), arguments, environment);
}

QString PackageTest::manPage() const
{
    return QString::fromUtf8(
        runProgram(QStringLiteral("gzip"), {"-dc", installed("usr/share/man/man1/pwctl.1.gz")})
            .out);
}

void PackageTest::packageInstallsItsFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("the pwctl command") << "usr/bin/pwctl";
    QTest::newRow("pwctl's manual page") << "usr/share/man/man1/pwctl.1.gz";
    QTest::newRow("pwctl's bash completion") << "usr/share/bash-completion/completions/pwctl";
    QTest::newRow("the job supervisor") << "usr/libexec/pipewright/pipewright-job-supervisor";
    QTest::newRow("the user guide") << "usr/share/doc/pipewright/user-guide.md";
    QTest::newRow("the pipeline format reference") << "usr/share/doc/pipewright/pipeline-format.md";
#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
    QTest::newRow("the desktop app") << "usr/bin/pipewright";
    QTest::newRow("the German translation") << "usr/share/pipewright/translations/pipewright_de.qm";
    QTest::newRow("the desktop entry") << "usr/share/applications/" + appId + ".desktop";
    QTest::newRow("the AppStream metainfo") << "usr/share/metainfo/" + appId + ".metainfo.xml";
    QTest::newRow("the scalable icon") << "usr/share/icons/hicolor/scalable/apps/pipewright.svg";
#endif
}

void PackageTest::packageInstallsItsFiles()
{
    QFETCH(QString, path);
    QVERIFY2(QFileInfo::exists(installed(path)), qPrintable(path + " is not in " + m_deb));
}

void PackageTest::iconsHaveTheirSizes_data()
{
    QTest::addColumn<int>("size");
#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("the %dx%d icon is a PNG of that size", size, size) << size;
#endif
}

void PackageTest::iconsHaveTheirSizes()
{
#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
    QFETCH(int, size);
    const QString path =
        installed(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/pipewright.png").arg(size));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(size, size));
#endif
}

void PackageTest::desktopEntryIsValid()
{
#ifndef PIPEWRIGHT_PACKAGE_HAS_APP
    QSKIP("this build has no desktop app");
#endif
    const QString validator =
        QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    const QString path = installed("usr/share/applications/" + appId + ".desktop");
    const ProgramResult result = runProgram(validator, {path});
    QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), qPrintable(result.describe()));
}

void PackageTest::metainfoIsValid()
{
#ifndef PIPEWRIGHT_PACKAGE_HAS_APP
    QSKIP("this build has no desktop app");
#endif
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (validator.isEmpty())
        QSKIP("appstreamcli is not installed (package appstream)");
    const QString path = installed("usr/share/metainfo/" + appId + ".metainfo.xml");
    const ProgramResult result = runProgram(validator, {"validate", "--no-net", path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
}

void PackageTest::packageDependsOnTheRuntimeLibraries_data()
{
    QTest::addColumn<QString>("package");
    QTest::newRow("Qt Core") << "libqt6core6";
    QTest::newRow("Qt Sql and its SQLite driver") << "libqt6sql6-sqlite";
    QTest::newRow("yaml-cpp") << "libyaml-cpp0.7";
    QTest::newRow("hiredis") << "libhiredis0.14";
    QTest::newRow("QtKeychain") << "libqt6keychain1";
#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
    QTest::newRow("Qt Widgets") << "libqt6widgets6";
    QTest::newRow("Qt SVG for the icon") << "libqt6svg6";
#endif
}

void PackageTest::packageDependsOnTheRuntimeLibraries()
{
    QFETCH(QString, package);
    const QString depends = field(QStringLiteral("Depends"));
    const QRegularExpression named(
        QStringLiteral("(^|[ ,|])%1( |,|$)").arg(QRegularExpression::escape(package)));
    QVERIFY2(depends.contains(named), qPrintable("Depends: " + depends));
}

void PackageTest::versionComesFromTheProject_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("the package's version") << "package";
    QTest::newRow("pwctl --version") << "pwctl";
    QTest::newRow("the manual page's footer") << "man";
#ifdef PIPEWRIGHT_PACKAGE_HAS_APP
    QTest::newRow("the metainfo's release") << "metainfo";
#endif
}

void PackageTest::versionComesFromTheProject()
{
    QFETCH(QString, where);
    if (where == QLatin1String("package")) {
        QCOMPARE(field(QStringLiteral("Version")), version);
    } else if (where == QLatin1String("pwctl")) {
        const ProgramResult result = runInstalled("usr/bin/pwctl", {"--version"});
        QCOMPARE(QString::fromUtf8(result.out).trimmed(), "pwctl " + version);
    } else if (where == QLatin1String("man")) {
        QVERIFY2(manPage().contains("\"Pipewright " + version + "\""), qPrintable(manPage()));
    } else {
        QFile metainfo(installed("usr/share/metainfo/" + appId + ".metainfo.xml"));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        const QByteArray release = "<release version=\"" + version.toUtf8() + '"';
        QVERIFY(metainfo.readAll().contains(release));
    }
}

void PackageTest::installedPwctlRunsAnExample()
{
    const QString example = sourceDir() + QStringLiteral("/examples/hello/pipewright.yml");
    const QString db = m_dir.filePath("history.sqlite");
    const ProgramResult run =
        runInstalled("usr/bin/pwctl", {"run", example, "--db", db, "--json", "--branch", "main",
                                       "--commit", "0123abc"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("status").toString(), QStringLiteral("success"));
    QCOMPARE(report.value("pipeline").toString(), QStringLiteral("hello"));

    const ProgramResult history = runInstalled("usr/bin/pwctl", {"history", "--db", db});
    QVERIFY2(history.exitCode == 0 && history.out.contains("hello"),
             qPrintable(history.describe()));
}

QTEST_GUILESS_MAIN(PackageTest)
#include "tst_package.moc"
