// The scripts a new user is told to run: each one parses, and the main job that
// scripts/try.sh ends with runs the example pipeline to success on this build. The set-up
// half of try.sh (installing packages, building) is what `.ci/run` itself goes through.
#include "program.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace pw::test;

class ScriptsTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void everyScriptParses_data();
    void everyScriptParses();
    void mainJobRunsTheExampleWithoutADisplay();
};

void ScriptsTest::everyScriptParses_data()
{
    QTest::addColumn<QString>("path");

    const QDir scripts(sourceDir() + QStringLiteral("/scripts"));
    const QStringList names = scripts.entryList({QStringLiteral("*.sh")}, QDir::Files);
    QVERIFY(names.contains(QStringLiteral("try.sh")));
    for (const QString &name : names)
        QTest::newRow(qPrintable(QStringLiteral("scripts/") + name)) << scripts.filePath(name);
    QTest::newRow(".ci/run") << sourceDir() + QStringLiteral("/.ci/run");
}

void ScriptsTest::everyScriptParses()
{
    QFETCH(QString, path);

    const ProgramResult parsed = runProgram(QStringLiteral("bash"), {QStringLiteral("-n"), path});
    QVERIFY2(parsed.exitCode == 0, qPrintable(parsed.describe()));
}

void ScriptsTest::mainJobRunsTheExampleWithoutADisplay()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("PIPEWRIGHT_BUILD_DIR"), binaryDir());
    environment.insert(QStringLiteral("PIPEWRIGHT_DB"), home.filePath(QStringLiteral("h.sqlite")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));

    const ProgramResult run = runProgram(sourceDir() + QStringLiteral("/scripts/run-example.sh"),
                                         {}, environment, 120000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(" run 1 success in "), qPrintable(run.describe()));
    // The history it prints last holds that run.
    QVERIFY2(run.out.contains("webapp") && run.out.contains("success"), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(ScriptsTest)
#include "tst_scripts.moc"
