// Every example pipeline, and every whole pipeline the user guide shows, is validated and
// run with pwctl against a scratch store, so that none of them rots. A run that reaches a
// gate has it approved by a second pwctl process, as a second workstation would.
#include "core/util/currentuser.h"
#include "examplefiles.h"
#include "pwctlprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

Q_DECLARE_METATYPE(pw::test::ExamplePipeline)

namespace {

QString describe(const PwctlResult &result)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out), QString::fromUtf8(result.err));
}

QList<ExamplePipeline> documentedPipelines()
{
    return examplePipelines(sourceDir())
           + markdownPipelines(sourceDir() + QStringLiteral("/docs/user-guide.md"));
}

// A pipeline whose deploy stage waits for the current user, who may approve their own run.
ExamplePipeline gatedPipeline()
{
    const QByteArray text = "name: gated\n"
                            "stages:\n"
                            "  - name: build\n"
                            "    jobs: [{name: build, commands: ['echo built']}]\n"
                            "  - name: deploy\n"
                            "    gate: {approvers: ["
                            + currentUser().toUtf8()
                            + "], allow_self_approval: true}\n"
                              "    jobs: [{name: deploy, commands: ['echo deployed']}]\n";
    return {QStringLiteral("gated"), {}, QStringLiteral("pipewright.yml"), text};
}

} // namespace

class ExamplesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { failOnWarnings(); }

    void exampleIsValid_data();
    void exampleIsValid();
    void exampleRunsToSuccess_data();
    void exampleRunsToSuccess();

private:
    // The pipeline's file in a fresh folder of its own: a run may write into its folder.
    QString prepare(const ExamplePipeline &pipeline);
    // Approves every gate that waits in `db`, as a second pwctl process; returns what went
    // wrong, or an empty string.
    QString approveWaitingGates(const QString &db);
    void addRows(const QList<ExamplePipeline> &pipelines, const char *format);

    QTemporaryDir m_dir;
    int m_prepared = 0;
};

void ExamplesTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Caches and artifacts go to the data folder: a scratch one, not the user's.
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
    // The examples folder is never empty; an empty list means the search is broken.
    QVERIFY(examplePipelines(sourceDir()).size() >= 2);
}

void ExamplesTest::addRows(const QList<ExamplePipeline> &pipelines, const char *format)
{
    QTest::addColumn<ExamplePipeline>("pipeline");
    for (const ExamplePipeline &pipeline : pipelines)
        QTest::addRow(format, qPrintable(pipeline.name)) << pipeline;
}

QString ExamplesTest::prepare(const ExamplePipeline &pipeline)
{
    const QString folder = m_dir.filePath(QString::number(++m_prepared));
    if (!pipeline.folder.isEmpty()) {
        if (!copyFolder(pipeline.folder, folder))
            return {};
        return folder + QStringLiteral("/") + pipeline.file;
    }
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/") + pipeline.file);
    if (!file.open(QIODevice::WriteOnly) || file.write(pipeline.text) != pipeline.text.size())
        return {};
    return file.fileName();
}

void ExamplesTest::exampleIsValid_data()
{
    addRows(documentedPipelines(), "%s is a valid pipeline");
}

void ExamplesTest::exampleIsValid()
{
    QFETCH(ExamplePipeline, pipeline);
    const QString file = prepare(pipeline);
    QVERIFY(!file.isEmpty());

    const PwctlResult validated = runPwctl({"validate", file});
    QVERIFY2(validated.exitCode == 0, qPrintable(describe(validated)));
    const PwctlResult planned = runPwctl({"plan", file, "--branch", "main", "--commit", "abc"});
    QVERIFY2(planned.exitCode == 0, qPrintable(describe(planned)));
}

void ExamplesTest::exampleRunsToSuccess_data()
{
    QList<ExamplePipeline> pipelines = documentedPipelines();
    pipelines.append(gatedPipeline());
    addRows(pipelines, "%s runs on main and succeeds");
}

void ExamplesTest::exampleRunsToSuccess()
{
    QFETCH(ExamplePipeline, pipeline);
    const QString file = prepare(pipeline);
    QVERIFY(!file.isEmpty());
    const QString db = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(m_prepared));

    // Run it, and decide its gates from a second process while it waits.
    std::unique_ptr<QProcess> run(startPwctl({"run", file, "--db", db, "--json", "--branch", "main",
                                              "--commit", "0123abc", "--poll-interval", "0.2"},
                                             nullptr, QFileInfo(file).path()));
    QElapsedTimer waited;
    waited.start();
    QString problem;
    while (problem.isEmpty() && !run->waitForFinished(200)) {
        problem = approveWaitingGates(db);
        if (waited.elapsed() > 120000)
            problem = QStringLiteral("the run did not end within two minutes");
    }
    if (!problem.isEmpty()) {
        run->kill();
        run->waitForFinished();
        QFAIL(qPrintable(problem));
    }

    PwctlResult result{run->exitCode(), run->readAllStandardOutput(), run->readAllStandardError()};
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(result.json().value("status").toString(), QStringLiteral("success"));
}

QString ExamplesTest::approveWaitingGates(const QString &db)
{
    if (!QFileInfo::exists(db))
        return {};
    const PwctlResult gates = runPwctl({"gates", "--json", "--db", db});
    for (const QByteArray &line : gates.out.split('\n')) {
        const QJsonObject gate = QJsonDocument::fromJson(line).object();
        if (gate.isEmpty())
            continue;
        const PwctlResult approved =
            runPwctl({"approve", QString::number(gate.value("run").toInteger()),
                      gate.value("stage").toString(), "--comment", "from the tests", "--db", db});
        if (approved.exitCode != 0)
            return QStringLiteral("cannot approve the gate of stage %1: %2")
                .arg(gate.value("stage").toString(), describe(approved));
    }
    return {};
}

QTEST_GUILESS_MAIN(ExamplesTest)
#include "tst_examples.moc"
