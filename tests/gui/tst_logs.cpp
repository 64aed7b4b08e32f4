#include "core/store/runstore.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/ansitext.h"
#include "widgets/logs/logbatcher.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/logs/logview.h"
#include "widgets/logsearch/loglinedelegate.h"
#include "widgets/logsearch/logsearch.h"
#include "widgets/logsearch/logtext.h"
#include "widgets/logsearch/runlogsearch.h"
#include "widgets/logsearch/runmatchesmodel.h"
#include "widgets/run/runmodelfeed.h"
#include "widgets/run/runmonitor.h"
#include "widgets/store/storereader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace pw;
using namespace pw::gui;

namespace {

LogChunk chunk(qint64 firstLine, const QByteArray &data, int job = 0, int attempt = 1)
{
    return {1, job, attempt, firstLine, int(data.count('\n')), data};
}

QByteArray numbered(qint64 first, int count, const QByteArray &word = "line")
{
    QByteArray data;
    for (qint64 line = first; line < first + count; ++line)
        data += word + ' ' + QByteArray::number(line) + '\n';
    return data;
}

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, second), Qt::UTC);
}

// One stage of three jobs: build, test and deploy.
RunRecord threeJobRun()
{
    RunRecord run;
    run.id = 1;
    run.pipeline = QStringLiteral("logs");
    run.startedAt = at(0);
    run.stages = {{0, QStringLiteral("all"), StageStatus::Running, {}, std::nullopt}};
    for (const char *name : {"build", "test", "deploy"}) {
        JobRecord job;
        job.index = int(run.jobs.size());
        job.stage = 0;
        job.name = QString::fromLatin1(name);
        run.jobs.append(job);
    }
    return run;
}

// What every job of threeJobRun() printed: "needle" twice in build, once in deploy.
QByteArray outputOf(int job)
{
    switch (job) {
    case 0:
        return "compiling\nfound the \x1b[31mneedle\x1b[0m\nlinking\nNEEDLE again\n";
    case 1:
        return "nothing to see\n";
    default:
        return "uploading\nstill uploading\nthe needle is out\n";
    }
}

// How many pixels of `image` within `rect` have `colour`.
int pixelsOf(const QImage &image, const QRect &rect, const QColor &colour)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom() && y < image.height(); ++y) {
        for (int x = rect.left(); x <= rect.right() && x < image.width(); ++x)
            count += image.pixelColor(x, y) == colour ? 1 : 0;
    }
    return count;
}

} // namespace

class LogsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void logTextHoldsEachLineOnce_data();
    void logTextHoldsEachLineOnce();
    void logTextKeepsLinesAcrossBlocks();
    void ansiColoursBecomeSpans_data();
    void ansiColoursBecomeSpans();
    void modelsPassTheTester();
    void theModelSharesTheFeedsText();

    void searchInAJobCountsStepsAndWraps_data();
    void searchInAJobCountsStepsAndWraps();
    void theCurrentMatchIsHighlighted();
    void aLongLogIsSearchedOffTheGuiThread();
    void liveLinesAreSearchedAsTheyCome();
    void findKeysOpenStepAndClose();

    void searchAcrossTheRunListsMatchesOfTwoJobs_data();
    void searchAcrossTheRunListsMatchesOfTwoJobs();

    void copyPutsSelectedLinesWithoutEscapes();
    void saveWritesTheWholeLogWithoutEscapes();
    void followingTheTailStopsWhenScrolledUpAndResumesAtTheBottom();
    void aLongLineScrollsSideways();

private:
    void fillStore(const QString &location);
};

void LogsTest::initTestCase()
{
    pw::test::dropPlatformNoise();
    // The Qt file dialog, not the desktop's: a test drives its widgets.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void LogsTest::init()
{
    pw::test::failOnWarnings();
}

void LogsTest::logTextHoldsEachLineOnce_data()
{
    QTest::addColumn<QList<LogChunk>>("chunks");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("following chunks are added whole")
        << QList<LogChunk>{chunk(0, "a\nb\n"), chunk(2, "c\n")} << QStringList{"a", "b", "c"};
    QTest::newRow("an overlapping chunk adds only its new lines")
        << QList<LogChunk>{chunk(0, "a\nb\n"), chunk(1, "b\nc\n")} << QStringList{"a", "b", "c"};
    QTest::newRow("a chunk already held adds nothing")
        << QList<LogChunk>{chunk(0, "a\nb\n"), chunk(0, "a\n")} << QStringList{"a", "b"};
    QTest::newRow("a last line without a newline stays a line of its own")
        << QList<LogChunk>{chunk(0, "a\nhalf"), chunk(2, "b\n")} << QStringList{"a", "half", "b"};
    QTest::newRow("a chunk past the end is added after the last line")
        << QList<LogChunk>{chunk(0, "a\n"), chunk(5, "z\n")} << QStringList{"a", "z"};
    QTest::newRow("a big chunk is kept whole")
        << QList<LogChunk>{chunk(0, "a\n"), chunk(1, QByteArray(LogText::blockBytes, 'x') + '\n'),
                           chunk(2, "b\n")}
        << QStringList{"a", QString(LogText::blockBytes, QLatin1Char('x')), "b"};
}

void LogsTest::logTextHoldsEachLineOnce()
{
    QFETCH(QList<LogChunk>, chunks);
    QFETCH(QStringList, lines);

    LogText text;
    for (const LogChunk &c : std::as_const(chunks))
        text.append(c);

    QStringList shown;
    for (qint64 line = 0; line < text.lineCount(); ++line)
        shown.append(plainLogLine(text.rawLine(line)));
    QCOMPARE(shown, lines);
    QVERIFY(text.rawLine(text.lineCount()).isEmpty());
    QVERIFY(text.rawLine(-1).isEmpty());
}

void LogsTest::logTextKeepsLinesAcrossBlocks()
{
    // Three blocks' worth of small chunks, and a copy taken half way that must not change.
    LogText text;
    LogText copy;
    const int lines = 3 * int(LogText::blockBytes / 16) / 100 * 100;
    for (int line = 0; line < lines; line += 100) {
        text.append(chunk(line, numbered(line, 100)));
        if (line == lines / 2)
            copy = text;
    }

    QCOMPARE(text.lineCount(), qint64(lines));
    QCOMPARE(plainLogLine(text.rawLine(0)), QStringLiteral("line 0"));
    QCOMPARE(plainLogLine(text.rawLine(lines - 1)), QStringLiteral("line %1").arg(lines - 1));
    QCOMPARE(plainLogLine(text.rawLine(123457)), QStringLiteral("line 123457"));
    QCOMPARE(copy.lineCount(), qint64(lines / 2 + 100));
    QCOMPARE(plainLogLine(copy.rawLine(lines / 2 + 99)),
             QStringLiteral("line %1").arg(lines / 2 + 99));
    QVERIFY(copy.rawLine(lines / 2 + 100).isEmpty());
}

void LogsTest::ansiColoursBecomeSpans_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("spans"); // "start+length:foreground:bold"

    QTest::newRow("a plain line is one span")
        << QByteArray("hello\n") << "hello" << QStringList{"0+5::0"};
    QTest::newRow("a red word between plain text has a span of its own")
        << QByteArray("a \x1b[31mred\x1b[0m b") << "a red b"
        << QStringList{"0+2::0", "2+3:#c01c28:0", "5+2::0"};
    QTest::newRow("bold and bright colours combine")
        << QByteArray("\x1b[1;92mok\x1b[22m!") << "ok!"
        << QStringList{"0+2:#33b46c:1", "2+1:#33b46c:0"};
    QTest::newRow("a 256-colour and a true colour are read")
        << QByteArray("\x1b[38;5;196mA\x1b[38;2;1;2;3mB") << "AB"
        << QStringList{"0+1:#ff0000:0", "1+1:#010203:0"};
    QTest::newRow("a cut-off sequence at the end is dropped")
        << QByteArray("ok\x1b[3") << "ok" << QStringList{"0+2::0"};
    QTest::newRow("a cursor move is dropped without changing colours")
        << QByteArray("\x1b[2Kdone") << "done" << QStringList{"0+4::0"};
}

void LogsTest::ansiColoursBecomeSpans()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QFETCH(QStringList, spans);

    const AnsiLine line = ansiLine(raw);
    QCOMPARE(line.text, text);
    QCOMPARE(plainLogLine(raw), text);
    QStringList shown;
    for (const AnsiSpan &span : line.spans) {
        const QColor fg = span.style.foreground;
        shown.append(QStringLiteral("%1+%2:%3:%4")
                         .arg(span.start)
                         .arg(span.length)
                         .arg(fg.isValid() ? fg.name() : QString())
                         .arg(span.style.bold ? 1 : 0));
    }
    QCOMPARE(shown, spans);
}

void LogsTest::modelsPassTheTester()
{
    auto text = std::make_shared<LogText>();
    text->append(chunk(0, "one\ntwo\n"));
    LogLinesModel lines;
    QAbstractItemModelTester lineTester(&lines,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    lines.showLive(text);
    QCOMPARE(lines.rowCount(), 2);
    text->append(chunk(2, "three\n"));
    lines.appendChunks({chunk(2, "three\n"), chunk(3, "\x1b[1mfour\x1b[0m\n")});
    QCOMPARE(lines.rowCount(), 4);
    QCOMPARE(lines.index(3).data().toString(), QStringLiteral("four"));
    QCOMPARE(lines.index(3).data(LogLinesModel::RawLineRole).toByteArray(),
             QByteArray("\x1b[1mfour\x1b[0m\n"));
    lines.clear();

    RunMatchesModel matches;
    QAbstractItemModelTester matchTester(&matches,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    matches.setJobNames({QStringLiteral("build")});
    matches.append({{0, 4, 2, QStringLiteral("a needle")}, {3, 0, 0, QStringLiteral("x")}});
    QCOMPARE(matches.index(0).data().toString(), QStringLiteral("build:5: a needle"));
    QCOMPARE(matches.index(1).data().toString(), QStringLiteral("job 3:1: x"));
    QCOMPARE(matches.index(1).data(RunMatchesModel::JobRole).toInt(), 3);
    matches.clear();
    QCOMPARE(matches.rowCount(), 0);
}

void LogsTest::theModelSharesTheFeedsText()
{
    // The feed keeps the output; the model of the job shown reads the same text.
    RunModelFeed feed;
    const RunRecord run = threeJobRun();
    feed.runChanged(run);
    feed.jobOutput(run, 0, 1, 0, 2, "a\nb\n");
    LogLinesModel model;
    LogBatcher batcher(model);
    model.showLive(feed.logOf(0));
    batcher.watch(0, feed.attemptOf(0));
    QObject::connect(&feed, &RunModelFeed::output, &batcher, &LogBatcher::add);

    feed.jobOutput(run, 0, 1, 2, 1, "c\n");
    QCOMPARE(&model.text(), feed.logOf(0).get());
    QCOMPARE(model.rowCount(), 2);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.text().lineCount(), 3);
    QCOMPARE(model.lineText(2), QStringLiteral("c"));

    // A retry gets a text of its own, which the batcher's model starts again with.
    feed.jobOutput(run, 0, 2, 0, 1, "retry\n");
    QCOMPARE(feed.attemptOf(0), 2);
    QCOMPARE(feed.logOf(0)->lineCount(), 1);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.lineText(0), QStringLiteral("retry"));
}

void LogsTest::searchInAJobCountsStepsAndWraps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<QList<int>>("rows"); // of each match, in order
    QTest::addColumn<QString>("label");

    QTest::newRow("case is ignored by default")
        << "warning" << false << QList<int>{1, 2, 2, 4} << "1 of 4";
    QTest::newRow("the case toggle makes case count")
        << "warning" << true << QList<int>{1, 2, 2} << "1 of 3";
    QTest::newRow("a match behind a colour code is found")
        << "red warning" << false << QList<int>{4} << "1 of 1";
    QTest::newRow("text found nowhere says so")
        << "nothing like it" << false << QList<int>{} << "No matches";
}

void LogsTest::searchInAJobCountsStepsAndWraps()
{
    QFETCH(QString, text);
    QFETCH(bool, matchCase);
    QFETCH(QList<int>, rows);
    QFETCH(QString, label);

    LogLinesModel model;
    LogView view(model);
    model.showLive();
    model.appendChunks({chunk(0, "build ok\nwarning: a\nwarning: b, warning: c\nfine\n"
                                 "\x1b[31mred\x1b[0m WARNING\n")});

    view.caseToggle()->setChecked(matchCase);
    QTest::keyClicks(view.searchField(), text);
    QTRY_VERIFY(!view.search().isSearching());
    QCOMPARE(view.matchCount(), rows.size());
    QCOMPARE(view.matchLabel()->text(), label);
    if (rows.isEmpty()) {
        QCOMPARE(view.currentMatch(), -1);
        return;
    }

    // Next goes through every match and wraps to the first; previous wraps to the last.
    for (int step = 0; step < rows.size(); ++step) {
        QCOMPARE(view.currentMatch(), step);
        QCOMPARE(view.linesView()->currentIndex().row(), rows.at(step));
        view.nextMatch();
    }
    QCOMPARE(view.currentMatch(), 0);
    view.previousMatch();
    QCOMPARE(view.currentMatch(), int(rows.size()) - 1);
    QCOMPARE(view.matchLabel()->text(), QStringLiteral("%1 of %1").arg(rows.size()));
}

void LogsTest::theCurrentMatchIsHighlighted()
{
    LogLinesModel model;
    LogView view(model);
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.showLive();
    model.appendChunks({chunk(0, "first needle\nnone\nsecond needle\n")});

    view.setSearchText(QStringLiteral("needle"));
    QCOMPARE(view.currentMatch(), 0);
    view.linesView()->clearSelection();
    view.linesView()->setCurrentIndex({});
    const QColor current = view.linesView()->palette().color(QPalette::Highlight);
    const QColor other(255, 230, 120);
    const QRect firstRow = view.linesView()->visualRect(model.index(0));
    const QRect plainRow = view.linesView()->visualRect(model.index(1));
    const QRect thirdRow = view.linesView()->visualRect(model.index(2));

    QImage shot = view.linesView()->viewport()->grab().toImage();
    QVERIFY(pixelsOf(shot, firstRow, current) > 20);
    QVERIFY(pixelsOf(shot, thirdRow, other) > 20);
    QCOMPARE(pixelsOf(shot, plainRow, other) + pixelsOf(shot, plainRow, current), 0);

    // Stepping moves the highlight to the next match.
    view.nextMatch();
    view.linesView()->clearSelection();
    view.linesView()->setCurrentIndex({});
    shot = view.linesView()->viewport()->grab().toImage();
    QVERIFY(pixelsOf(shot, thirdRow, current) > 20);
    QVERIFY(pixelsOf(shot, firstRow, other) > 20);
}

void LogsTest::aLongLogIsSearchedOffTheGuiThread()
{
    // About 7 MB: far past what is searched at once, so most of it goes to a worker.
    LogLinesModel model;
    LogView view(model);
    model.showLive();
    const int lines = 400000;
    for (int line = 0; line < lines; line += 20000)
        model.appendChunks({chunk(line, numbered(line, 20000, "step"))});
    QSignalSpy grew(&view.search(), &LogSearch::matchesChanged);
    // "76" cannot overlap itself, so each line holds as many matches as its number has.
    qint64 expected = 0;
    for (int line = 0; line < lines; ++line)
        expected += QString::number(line).count(QStringLiteral("76"));

    view.setSearchText(QStringLiteral("76"));
    QVERIFY(view.search().isSearching());
    QVERIFY(view.matchCount() < expected);
    QVERIFY(view.matchLabel()->text().endsWith(QStringLiteral("...")));
    QTRY_VERIFY(!view.search().isSearching());
    QCOMPARE(view.search().matchCount(), expected);
    QCOMPARE(view.search().matches().size(), expected);
    QVERIFY(grew.size() >= 2);
    QCOMPARE(view.matchLabel()->text(), QStringLiteral("1 of %1").arg(expected));

    // Typing on while a worker runs starts again; nothing from the first search is kept.
    view.setSearchText(QStringLiteral("step 3999"));
    view.setSearchText(QStringLiteral("step 39999"));
    QTRY_VERIFY(!view.search().isSearching());
    QCOMPARE(view.matchCount(), 11);
}

void LogsTest::liveLinesAreSearchedAsTheyCome()
{
    LogLinesModel model;
    LogView view(model);
    LogBatcher batcher(model);
    model.showLive();
    batcher.watch(0, 1);
    batcher.add(chunk(0, "error one\nok\n"));
    batcher.flush();

    view.setSearchText(QStringLiteral("error"));
    QCOMPARE(view.matchCount(), 1);
    batcher.add(chunk(2, "error two\n"));
    batcher.add(chunk(3, "ok\nerror three\n"));
    QTRY_COMPARE(view.matchCount(), 3);
    QCOMPARE(view.search().matches().constLast().line, 4);
    QCOMPARE(view.currentMatch(), 0);
}

void LogsTest::findKeysOpenStepAndClose()
{
    LogLinesModel model;
    LogView view(model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.showLive();
    model.appendChunks({chunk(0, "x\nfind me\ny\nfind me\n")});
    view.setSearchText(QStringLiteral("find"));

    view.linesView()->setFocus();
    QTest::keySequence(view.linesView(), QKeySequence::FindNext);
    QCOMPARE(view.currentMatch(), 1);
    QTest::keySequence(view.linesView(), QKeySequence::FindNext);
    QCOMPARE(view.currentMatch(), 0);
    QTest::keySequence(view.linesView(), QKeySequence::FindPrevious);
    QCOMPARE(view.currentMatch(), 1);

    QTest::keyClick(view.searchField(), Qt::Key_Escape);
    QVERIFY(!view.searchBar()->isVisible());
    QCOMPARE(view.matchCount(), 0);
    QTest::keySequence(view.linesView(), QKeySequence::Find);
    QVERIFY(view.searchBar()->isVisible());
    QTRY_VERIFY(view.searchField()->hasFocus());
}

void LogsTest::fillStore(const QString &location)
{
    auto opened = openStore(location);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    RunStore &store = **opened;
    RunRecord run = threeJobRun();
    run.id = store.createRun(run).value();
    QCOMPARE(run.id, 1);
    run.status = RunStatus::Success;
    run.finishedAt = at(10);

    StoreBatch batch;
    batch.runId = run.id;
    batch.runs = {run};
    for (int job = 0; job < 3; ++job) {
        batch.attempts.append({job, 1, at(1), at(2), 0, {}});
        const QByteArray data = outputOf(job);
        batch.logs.append({run.id, job, 1, 0, int(data.count('\n')), data});
    }
    const Status written = store.write(batch);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
}

void LogsTest::searchAcrossTheRunListsMatchesOfTwoJobs_data()
{
    QTest::addColumn<bool>("live");

    QTest::newRow("a live run searches what its feed holds") << true;
    QTest::newRow("a stored run searches the store") << false;
}

void LogsTest::searchAcrossTheRunListsMatchesOfTwoJobs()
{
    QFETCH(bool, live);

    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("history.db"));
    fillStore(location);
    StoreReader reader(location);
    RunMonitor monitor(reader);
    monitor.resize(900, 600);
    monitor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&monitor));
    RunModelFeed feed;
    const RunRecord run = threeJobRun();
    if (live) {
        feed.runChanged(run);
        monitor.showLive(&feed);
        for (int job = 0; job < 3; ++job) {
            const QByteArray data = outputOf(job);
            feed.jobOutput(run, job, 1, 0, int(data.count('\n')), data);
        }
    } else {
        monitor.showStored(run);
    }
    monitor.selectJob(1);

    LogView *view = monitor.logView();
    view->setScope(LogView::Scope::Run);
    QVERIFY(view->runResults()->isVisible());
    view->setSearchText(QStringLiteral("needle"));
    QAbstractItemModel *results = view->runResults()->model();
    QAbstractItemModelTester tester(results,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(results->rowCount(), 3);
    QTRY_COMPARE(view->runLabel()->text(), QStringLiteral("3 line(s) found in the run"));
    QCOMPARE(results->index(0, 0).data().toString(), QStringLiteral("build:2: found the needle"));
    QCOMPARE(results->index(1, 0).data().toString(), QStringLiteral("build:4: NEEDLE again"));
    QCOMPARE(results->index(2, 0).data().toString(), QStringLiteral("deploy:3: the needle is out"));

    // Clicking a result shows its job's log at its line, with that match current.
    QListView *list = view->runResults();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(results->index(2, 0)).center());
    QTRY_COMPARE(monitor.selectedJob(), 2);
    QTRY_COMPARE(view->linesView()->currentIndex().row(), 2);
    QTRY_COMPARE(view->currentMatch(), 0);
    QCOMPARE(monitor.logModel().lineText(2), QStringLiteral("the needle is out"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(results->index(1, 0)).center());
    QTRY_COMPARE(monitor.selectedJob(), 0);
    QTRY_COMPARE(view->linesView()->currentIndex().row(), 3);
    QTRY_COMPARE(view->currentMatch(), 1);

    // Back to this job only: the results go away.
    view->setScope(LogView::Scope::Job);
    QVERIFY(!view->runResults()->isVisible());
    monitor.showLive(nullptr);
}

void LogsTest::copyPutsSelectedLinesWithoutEscapes()
{
    LogLinesModel model;
    LogView view(model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.showLive();
    model.appendChunks({chunk(0, "one\n\x1b[1;31mtwo\x1b[0m\r\nthree\n\x1b]0;title\a"
                                 "four\n")});
    QApplication::clipboard()->clear();

    QTableView *list = view.linesView();
    list->setFocus();
    list->selectionModel()->select(model.index(3), QItemSelectionModel::Select);
    list->selectionModel()->select(model.index(1), QItemSelectionModel::Select);
    QTest::keySequence(list, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("two\nfour\n"));
}

void LogsTest::saveWritesTheWholeLogWithoutEscapes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("job.log"));
    LogLinesModel model;
    LogView view(model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.showLive();
    model.appendChunks({chunk(0, "\x1b[32mok\x1b[0m\nplain\n"), chunk(2, numbered(2, 3000))});
    QSignalSpy saved(&view, &LogView::logSaved);

    view.saveButton()->click();
    auto *dialog = view.findChild<QFileDialog *>(QStringLiteral("saveLogDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog hides it
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QCOMPARE(saved.at(0).at(1).toString(), QString());
    QCOMPARE(view.statusLabel()->text(), QStringLiteral("Saved"));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("ok\nplain\n") + numbered(2, 3000));

    // A folder that is not there is reported, not written.
    view.saveLogTo(dir.filePath(QStringLiteral("missing/job.log")));
    QTRY_COMPARE(saved.size(), 2);
    QVERIFY(saved.at(1).at(1).toString().contains(QStringLiteral("missing/job.log")));
    QCOMPARE(view.statusLabel()->text(), QStringLiteral("Not saved"));
}

void LogsTest::followingTheTailStopsWhenScrolledUpAndResumesAtTheBottom()
{
    LogLinesModel model;
    LogView view(model);
    LogBatcher batcher(model);
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.linesView()->verticalScrollBar();
    model.showLive();
    batcher.watch(0, 1);

    batcher.add(chunk(0, numbered(0, 200)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view.followsTail());

    // Scrolled up: new lines come in below, the view stays where the user put it.
    bar->setValue(10);
    QVERIFY(!view.followsTail());
    const int maximum = bar->maximum();
    batcher.add(chunk(200, numbered(200, 50)));
    QTRY_VERIFY(bar->maximum() > maximum);
    QCOMPARE(bar->value(), 10);

    // Back at the bottom: the view follows again.
    bar->setValue(bar->maximum());
    QVERIFY(view.followsTail());
    const int before = bar->maximum();
    batcher.add(chunk(250, numbered(250, 50)));
    QTRY_VERIFY(bar->maximum() > before);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(view.linesView()
                 ->indexAt(view.linesView()->viewport()->rect().bottomLeft() + QPoint(2, -2))
                 .data()
                 .toString(),
             QStringLiteral("line 299"));
}

void LogsTest::aLongLineScrollsSideways()
{
    LogLinesModel model;
    LogView view(model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.showLive();
    model.appendChunks({chunk(0, "short\n")});
    QTableView *lines = view.linesView();
    // A short log fills the view and needs no sideways scrolling.
    QCOMPARE(lines->columnWidth(0), lines->viewport()->width());
    QCOMPARE(lines->horizontalScrollBar()->maximum(), 0);

    // A line wider than the view makes the column as wide as it, at every row's height.
    const QByteArray wide = QByteArray(300, 'x') + "END\n";
    model.appendChunks({chunk(1, wide + "after\n")});
    QCOMPARE(model.text().longestLine(), wide.size());
    const int advance = QFontMetrics(model.font()).horizontalAdvance(QString(303, 'x'));
    QVERIFY2(lines->columnWidth(0) >= advance,
             qPrintable(QStringLiteral("%1 < %2").arg(lines->columnWidth(0)).arg(advance)));
    QTRY_VERIFY(lines->horizontalScrollBar()->maximum() > 0);
    QCOMPARE(lines->rowHeight(0), lines->rowHeight(2));
}

QTEST_MAIN(LogsTest)
#include "tst_logs.moc"
