// Reading hostile or enormous pipeline files: every input yields diagnostics, never a
// crash, a hang or unbounded recursion, and large valid files load quickly.

#include "core/loader/pipelineloader.h"
#include "loadertestsupport.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace pw;

namespace {

// A time bound for a check that input cannot make the loader hang; a sanitizer's checks make
// everything several times slower, and the bounds still catch a hang there.
qint64 budgetMs(qint64 ms)
{
    return test::underSanitizer() ? ms * 10 : ms;
}

QString allDiagnostics(const LoadResult &result)
{
    return test::describeDiagnostics(result.diagnostics).join('\n');
}

// What every result must satisfy, whatever the input.
void checkConsistent(const LoadResult &result)
{
    QCOMPARE(result.ok(), !hasErrors(result.diagnostics));
    for (const Diagnostic &diagnostic : result.diagnostics)
        QVERIFY(!diagnostic.message.isEmpty());
}

// A pipeline of `stages` stages of `jobsPerStage` jobs; each job after the first stage
// needs the job at its place in the stage before.
QByteArray manyJobs(int stages, int jobsPerStage)
{
    QByteArray yaml = "name: many\ndefaults: {timeout: 10m}\nstages:\n";
    for (int s = 0; s < stages; ++s) {
        yaml += "  - name: stage" + QByteArray::number(s) + "\n    jobs:\n";
        for (int j = 0; j < jobsPerStage; ++j) {
            const QByteArray name = "job" + QByteArray::number(s * jobsPerStage + j);
            yaml += "      - name: " + name + "\n        commands: [echo " + name + ", make]\n"
                    + "        env: {TARGET: " + name + "}\n";
            if (s > 0)
                yaml +=
                    "        needs: [job" + QByteArray::number((s - 1) * jobsPerStage + j) + "]\n";
        }
    }
    return yaml;
}

// One stage of `count` jobs where each needs the one before, and the first needs the last
// when `closed`.
QByteArray needChain(int count, bool closed)
{
    QByteArray yaml = "name: chain\nstages:\n  - name: s\n    jobs:\n";
    for (int i = 0; i < count; ++i) {
        const int needed = i > 0 ? i - 1 : (closed ? count - 1 : -1);
        yaml += "      - {name: j" + QByteArray::number(i) + ", commands: [x]";
        if (needed >= 0)
            yaml += ", needs: [j" + QByteArray::number(needed) + "]";
        yaml += "}\n";
    }
    return yaml;
}

QByteArray randomBytes(QRandomGenerator &random, int size)
{
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// Text made of the pieces YAML is built from, to reach deeper into the parser and the
// readers than random bytes can.
QByteArray randomYamlish(QRandomGenerator &random, int pieces)
{
    static const QList<QByteArray> vocabulary = {
        "- ",      ": ",        "[",         "]",        "{",
        "}",       ", ",        "\n",        "  ",       "    ",
        "name",    "stages",    "jobs",      "commands", "needs",
        "matrix",  "cache",     "artifacts", "gate",     "if",
        "&a ",     "*a",        "<<",        "'",        "\"",
        "|",       ">-",        "# c",       "? ",       "!!str ",
        "---\n",   "...\n",     "x",         "1",        "true",
        "~",       "approvers", "paths",     "job",      "branch == \"main\"",
        "timeout", "10m",       "\\",        "ü",        "\t"};
    QByteArray text;
    for (int i = 0; i < pieces; ++i)
        text += vocabulary[random.bounded(int(vocabulary.size()))];
    return text;
}

} // namespace

class TestLoaderLimits : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void refusesBinaryJunk();
    void survivesRandomBytesWithoutNul();
    void survivesRandomYamlishText();
    void survivesMutationsOfAGoodFile();
    void survivesInputsThatMakeYamlCppLoopForever_data();
    void survivesInputsThatMakeYamlCppLoopForever();
    void refusesDeepNesting_data();
    void refusesDeepNesting();
    void acceptsNestingWithinTheLimit_data();
    void acceptsNestingWithinTheLimit();
    void refusesFilesOverTheSizeLimit();
    void readsAFileJustUnderTheSizeLimit();
    void loadsTenThousandJobsWellUnderASecond();
    void followsLongChainsOfNeedsWithoutRecursion();
    void boundsWhatAliasesExpandTo();
    void survivesAliasesThatReferToThemselves();
    void refusesDocumentsOfTooManyValues();
    void capsTheNumberOfDiagnostics();
    void reportsFilesThatCannotBeRead();
    void refusesTextThatIsNotUtf8();
};

void TestLoaderLimits::refusesBinaryJunk()
{
    QRandomGenerator random(42);
    const QByteArray junk = randomBytes(random, 64 * 1024);
    QVERIFY(junk.contains('\0'));

    const LoadResult result = test::loadYaml(junk);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics[0].message.contains("binary data"),
             qPrintable(allDiagnostics(result)));
    QVERIFY(result.diagnostics[0].location.line > 0);
}

void TestLoaderLimits::survivesRandomBytesWithoutNul()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 200; ++round) {
        QByteArray junk = randomBytes(random, int(random.bounded(1, 2000)));
        junk.replace('\0', ' ');
        const LoadResult result = test::loadYaml(junk);
        checkConsistent(result);
        QVERIFY(!result.ok());
    }
}

void TestLoaderLimits::survivesRandomYamlishText()
{
    QRandomGenerator random(1234);
    for (int round = 0; round < 3000; ++round) {
        const LoadResult result = test::loadYaml(randomYamlish(random, random.bounded(1, 120)));
        checkConsistent(result);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestLoaderLimits::survivesMutationsOfAGoodFile()
{
    QFile file(test::sourceDir() + "/tests/loader/data/webapp.yml");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    static const QByteArray replacements = "-:[]{},\n #&*|>'\"!?%@`\t0a";

    QRandomGenerator random(99);
    for (int round = 0; round < 2000; ++round) {
        QByteArray mutated = good;
        for (int edit = random.bounded(1, 4); edit > 0; --edit) {
            const int at = random.bounded(int(mutated.size()));
            const char c = replacements[random.bounded(int(replacements.size()))];
            switch (random.bounded(3)) {
            case 0:
                mutated[at] = c;
                break;
            case 1:
                mutated.insert(at, c);
                break;
            default:
                mutated.remove(at, random.bounded(1, 20));
            }
        }
        checkConsistent(test::loadYaml(mutated));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestLoaderLimits::survivesInputsThatMakeYamlCppLoopForever_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    // yaml-cpp 0.7's LoadAll returns empty documents without end after a stray comma.
    QTest::newRow("a comma alone") << QByteArray(",") << "1:1: invalid YAML: unexpected ','";
    QTest::newRow("commas on many lines")
        << QByteArray(",\n").repeated(100) << "1:1: invalid YAML: unexpected ','";
    QTest::newRow("a comma after a document marker")
        << QByteArray("--- ,\n") << "1:5: invalid YAML: unexpected ','";
    QTest::newRow("a comma in a second document") << QByteArray("name: p\nstages: []\n---\n,\n")
                                                  << "2:9: 'stages' must list at least one stage";
}

void TestLoaderLimits::survivesInputsThatMakeYamlCppLoopForever()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);

    QElapsedTimer timer;
    timer.start();
    const LoadResult result = test::loadYaml(yaml);
    QVERIFY(timer.elapsed() < budgetMs(1000));
    QVERIFY(!result.diagnostics.isEmpty());
    QVERIFY2(test::describeDiagnostics(result.diagnostics).first().startsWith(expected),
             qPrintable(allDiagnostics(result)));
}

void TestLoaderLimits::refusesDeepNesting_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");

    QTest::newRow("a hundred thousand opening brackets") << QByteArray(100000, '[') << 1;
    QTest::newRow("maps in flow style nested ten thousand deep")
        << QByteArray("name: p\nstages: ") + QByteArray("{a: ").repeated(10000) << 2;
    QTest::newRow("lists opened on one line with dashes") << QByteArray("- ").repeated(5000) + "x\n"
                                                          << 1;
    QTest::newRow("maps indented one space deeper on each line") << []() -> QByteArray {
        QByteArray yaml = "a:\n";
        for (int i = 1; i < 1000; ++i)
            yaml += QByteArray(i, ' ') + "b:\n";
        return yaml;
    }() << 201;
    QTest::newRow("lists of maps stepping deeper on each line")
        << []() -> QByteArray {
        QByteArray yaml = "name: p\nstages:\n";
        for (int i = 0; i < 1000; ++i)
            yaml += QByteArray(2 * i, ' ') + "- a:\n";
        return yaml;
    }()
                       // A list and the map of its item share a level of indentation and are
                       // counted as one; the parser's own limit lies beyond twice ours.
                       << 202;
    QTest::newRow("brackets after a block text, less indented than its lines")
        << "name: p\nstages:\n  - run: |\n      echo\n    jobs: " + QByteArray(1000, '[') + "\n"
        << 5;
    QTest::newRow("block nesting continued by flow nesting") << []() -> QByteArray {
        QByteArray yaml;
        for (int i = 0; i < 100; ++i)
            yaml += QByteArray(i, ' ') + "a:\n";
        return yaml + QByteArray(100, ' ') + QByteArray(150, '[');
    }() << 101;
}

void TestLoaderLimits::refusesDeepNesting()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);

    QElapsedTimer timer;
    timer.start();
    const LoadResult result = test::loadYaml(yaml);
    QVERIFY(timer.elapsed() < budgetMs(1000));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics[0].message.contains("nested more than 200 levels deep"),
             qPrintable(allDiagnostics(result)));
    QCOMPARE(result.diagnostics[0].location.line, line);
}

void TestLoaderLimits::acceptsNestingWithinTheLimit_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lists nested 150 deep reach the readers")
        << "name: p\nstages: " + QByteArray(150, '[') + QByteArray(150, ']') + "\n"
        << "2:10: each stage must be a map with 'name' and 'jobs', got a list";
    QTest::newRow("brackets in quoted texts do not nest")
        << "name: \"" + QByteArray(1000, '[') + "\"\nstages: ['" + QByteArray(1000, '{') + "']\n"
        << "2:10: each stage must be a map";
    QTest::newRow("brackets and quotes in plain texts do not nest")
        << "name: it's a[" + QByteArray(1000, '[') + "\nstages: []\n"
        << "2:9: 'stages' must list at least one stage";
    QTest::newRow("brackets in block texts do not nest")
        << "name: p\nvariables:\n  A: |\n    " + QByteArray(1000, '[') + "\n    it's\n"
               + "stages: []\n"
        << "6:9: 'stages' must list at least one stage";
    QTest::newRow("brackets in comments do not nest")
        << "# " + QByteArray(1000, '[') + "\nname: p # {{{{{{{{\nstages: []\n"
        << "3:9: 'stages' must list at least one stage";
}

void TestLoaderLimits::acceptsNestingWithinTheLimit()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);

    const LoadResult result = test::loadYaml(yaml);
    QString explanation;
    QVERIFY2(test::diagnosticsMatch(result.diagnostics, {expected}, &explanation),
             qPrintable(explanation));
}

void TestLoaderLimits::refusesFilesOverTheSizeLimit()
{
    const QByteArray huge = "# " + QByteArray(20 * 1024 * 1024, 'x') + "\n";
    QElapsedTimer timer;
    timer.start();
    const LoadResult fromText = test::loadYaml(huge);
    QCOMPARE(test::describeDiagnostics(fromText.diagnostics),
             QStringList{"0:0: the file is larger than 16 MiB, the most a pipeline file may hold"});

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("huge.yml");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(huge), huge.size());
    file.close();
    const LoadResult fromFile = loadPipelineFile(path);
    QCOMPARE(fromFile.diagnostics.size(), 1);
    QCOMPARE(fromFile.diagnostics[0].location.file, path);
    QVERIFY(fromFile.diagnostics[0].message.contains("larger than 16 MiB"));
    QVERIFY2(timer.elapsed() < budgetMs(2000), qPrintable(QString::number(timer.elapsed())));

    // A device that never ends is read only up to the limit.
    if (QFile::exists("/dev/zero")) {
        const LoadResult endless = loadPipelineFile("/dev/zero");
        QCOMPARE(endless.diagnostics.size(), 1);
        QVERIFY(endless.diagnostics[0].message.contains("larger than 16 MiB"));
    }
}

void TestLoaderLimits::readsAFileJustUnderTheSizeLimit()
{
    QByteArray yaml = manyJobs(1, 1);
    const QByteArray comment = "# " + QByteArray(1000, 'c') + "\n";
    while (yaml.size() + comment.size() < 15 * 1024 * 1024)
        yaml += comment;

    QElapsedTimer timer;
    timer.start();
    const LoadResult result = test::loadYaml(yaml);
    QVERIFY2(result.ok(), qPrintable(allDiagnostics(result)));
    QVERIFY2(timer.elapsed() < budgetMs(5000), qPrintable(QString::number(timer.elapsed())));
}

void TestLoaderLimits::loadsTenThousandJobsWellUnderASecond()
{
    const QByteArray yaml = manyJobs(100, 100);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const LoadResult result = test::loadYaml(yaml);
    const qint64 cpuMs = qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
    const qint64 wallMs = timer.elapsed();

    QVERIFY2(result.ok(), qPrintable(allDiagnostics(result).left(2000)));
    QCOMPARE(result.pipeline->stages.size(), 100);
    QCOMPARE(result.pipeline->stages[99].jobs.size(), 100);
    const Job &last = result.pipeline->stages[99].jobs[99];
    QCOMPARE(last.name, QStringLiteral("job9999"));
    QCOMPARE(last.needs[0].job, QStringLiteral("job9899"));
    QCOMPARE(last.timeout, std::optional<Milliseconds>(std::chrono::minutes(10)));

    // Processor time, because on a busy machine the time that passes says little; an
    // unoptimised build takes about half a second, an optimised one a third of that. A
    // sanitizer's checks multiply that; the bound still catches a loader gone quadratic.
    QVERIFY2(
        cpuMs < budgetMs(1000),
        qPrintable(
            QStringLiteral("took %1 ms of processor time, %2 ms in all").arg(cpuMs).arg(wallMs)));
}

void TestLoaderLimits::followsLongChainsOfNeedsWithoutRecursion()
{
    const LoadResult open = test::loadYaml(needChain(10000, false));
    QVERIFY2(open.ok(), qPrintable(allDiagnostics(open).left(2000)));

    const LoadResult closed = test::loadYaml(needChain(10000, true));
    QCOMPARE(test::describeDiagnostics(closed.diagnostics),
             QStringList{"5:9: needs form a cycle: j0 -> j9999 -> j9998 -> j9997 -> j9996 -> "
                         "(9990 more) -> j5 -> j4 -> j3 -> j2 -> j1 -> j0"});
}

void TestLoaderLimits::boundsWhatAliasesExpandTo()
{
    // A thousand stages of the same thousand jobs of the same thousand commands: 10^9
    // values from a file of some 40 KiB.
    QByteArray yaml = "name: bomb\n"
                      "commands: &c ["
                      + QByteArray("x, ").repeated(999)
                      + "x]\n"
                        "job: &job {name: j, commands: *c}\n"
                        "jobs: &jobs ["
                      + QByteArray("*job, ").repeated(999)
                      + "*job]\n"
                        "stages:\n"
                      + QByteArray("  - {name: s, jobs: *jobs}\n").repeated(1000);

    QElapsedTimer timer;
    timer.start();
    const LoadResult result = test::loadYaml(yaml);
    QVERIFY(!result.ok());
    QVERIFY2(timer.elapsed() < budgetMs(10000), qPrintable(QString::number(timer.elapsed())));
    const QString all = allDiagnostics(result);
    QVERIFY2(all.contains("the file expands to more than 2000000 values"),
             qPrintable(all.left(2000)));
    QVERIFY(result.diagnostics.size() < 100);
}

void TestLoaderLimits::survivesAliasesThatReferToThemselves()
{
    const QByteArray yaml = "name: p\n"
                            "base: &base {<<: *base, retry: 1}\n"
                            "stages:\n"
                            "  - name: s\n"
                            "    jobs: &jobs\n"
                            "      - {name: a, commands: &c [x, *c]}\n"
                            "      - {<<: *base, name: b, commands: [x]}\n";
    const LoadResult result = test::loadYaml(yaml);
    checkConsistent(result);
    QVERIFY(!result.ok());
}

void TestLoaderLimits::refusesDocumentsOfTooManyValues()
{
    const QByteArray yaml = "name: p\nstages: [" + QByteArray("a,").repeated(2'000'001) + "a]\n";
    const LoadResult result = test::loadYaml(yaml);
    QCOMPARE(test::describeDiagnostics(result.diagnostics),
             QStringList{"0:0: the file holds more than 2000000 values"});
}

void TestLoaderLimits::capsTheNumberOfDiagnostics()
{
    QByteArray yaml = "name: p\nstages:\n  - name: s\n    jobs:\n";
    for (int i = 0; i < 2000; ++i)
        yaml += "      - {name: j" + QByteArray::number(i) + ", commands: [x], retry: lots}\n";

    const LoadResult result = test::loadYaml(yaml);
    QCOMPARE(result.diagnostics.size(), 501);
    QCOMPARE(result.diagnostics.last().message,
             QStringLiteral("1500 more problems were not listed"));
    QCOMPARE(result.diagnostics.first().location.line, 5);
}

void TestLoaderLimits::reportsFilesThatCannotBeRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath("missing.yml");
    const LoadResult notThere = loadPipelineFile(missing);
    QCOMPARE(test::describeDiagnostics(notThere.diagnostics),
             QStringList{"0:0: cannot read '" + missing + "': No such file or directory"});
    QCOMPARE(notThere.diagnostics[0].location.file, missing);

    const LoadResult folder = loadPipelineFile(dir.path());
    QCOMPARE(test::describeDiagnostics(folder.diagnostics),
             QStringList{"0:0: cannot read '" + dir.path() + "': it is a folder"});

    const QString locked = dir.filePath("locked.yml");
    QFile file(locked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name: p\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    if (QFile(locked).open(QIODevice::ReadOnly))
        QSKIP("this user may read files without read permission");
    const LoadResult unreadable = loadPipelineFile(locked);
    QCOMPARE(unreadable.diagnostics.size(), 1);
    QVERIFY(unreadable.diagnostics[0].message.startsWith("cannot read '" + locked + "': "));
}

void TestLoaderLimits::refusesTextThatIsNotUtf8()
{
    const QByteArray utf16 = QByteArray("\xFF\xFE") + QByteArray("n\0a\0m\0e\0", 8);
    const LoadResult result = test::loadYaml(utf16);
    QCOMPARE(test::describeDiagnostics(result.diagnostics),
             QStringList{"0:0: the file is UTF-16 text; save it as UTF-8"});

    const LoadResult latin1 = test::loadYaml("name: p\nstages:\n  - name: \xC4rger\n");
    QCOMPARE(test::describeDiagnostics(latin1.diagnostics),
             QStringList{"3:11: the file is not UTF-8 text (byte 0xc4 is not valid here); save "
                         "it as UTF-8"});
}

QTEST_GUILESS_MAIN(TestLoaderLimits)

#include "tst_loaderlimits.moc"
