// Texts read into a document and written back are the same bytes, whatever their style;
// the places found for their nodes are right; and an edit of each job, undone, gives the
// original bytes back.

#include "core/edit/jobedits.h"
#include "core/edit/propertyedits.h"
#include "edittestsupport.h"
#include "examplefiles.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace pw;
using namespace pw::edit;

namespace {

QByteArray withCrlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

// Whether the text at a node's place reads as the node: a plain text on one line is its
// value, quotes and brackets open and close where the node does.
QString checkExtent(const SyntaxTree &tree, int index)
{
    const SyntaxNode &node = tree.node(index);
    const QByteArray written = tree.text().mid(node.contentStart, node.end - node.contentStart);
    const auto wrong = [&](const char *what) {
        return QStringLiteral("line %1: %2: '%3'")
            .arg(tree.lines().lineOf(node.contentStart) + 1)
            .arg(QLatin1String(what), QString::fromUtf8(written));
    };
    if (node.kind == SyntaxNode::Kind::Scalar && node.style == 0 && !written.contains('\n')
        && QString::fromUtf8(written) != node.text)
        return wrong("a plain text's place does not hold it");
    if ((node.style == '\'' || node.style == '"')
        && (written.size() < 2 || !written.endsWith(node.style)))
        return wrong("a quoted text does not end with its quote");
    if (node.flow && written.size() >= 2 && !written.startsWith('[') && !written.startsWith('{'))
        return wrong("a flow collection does not start with a bracket");
    if (node.flow && written.startsWith('[') && !written.endsWith(']'))
        return wrong("a flow list does not end with its bracket");
    if (node.flow && written.startsWith('{') && !written.endsWith('}'))
        return wrong("a flow map does not end with its brace");
    return QString();
}

QStringList jobNames(const Pipeline &pipeline)
{
    QStringList names;
    for (const Stage &stage : pipeline.stages) {
        for (const Job &job : stage.jobs)
            names.append(job.name);
    }
    return names;
}

} // namespace

class TestEditRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void textComesBackByteForByte_data();
    void textComesBackByteForByte();
    void everyJobCanBeRenamedAndTheRenameUndone_data() { textComesBackByteForByte_data(); }
    void everyJobCanBeRenamedAndTheRenameUndone();
    void everyJobCanTakeATimeoutAndGiveItBack_data() { textComesBackByteForByte_data(); }
    void everyJobCanTakeATimeoutAndGiveItBack();
};

void TestEditRoundTrip::textComesBackByteForByte_data()
{
    QTest::addColumn<QByteArray>("text");

    for (const test::ExamplePipeline &example : test::examplePipelines(test::sourceDir())) {
        if (example.file.endsWith(QLatin1String(".gitlab-ci.yml")))
            continue;
        QFile file(example.folder + QLatin1Char('/') + example.file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QTest::addRow("example %s", qPrintable(example.name)) << text;
        QTest::addRow("example %s with CRLF line endings", qPrintable(example.name))
            << withCrlf(text);
    }
    const QStringList docs = QDir(test::sourceDir() + QStringLiteral("/docs"))
                                 .entryList({QStringLiteral("*.md")}, QDir::Files);
    for (const QString &doc : docs) {
        const QString path = test::sourceDir() + QStringLiteral("/docs/") + doc;
        for (const test::ExamplePipeline &example : test::markdownPipelines(path))
            QTest::addRow("the pipeline of %s", qPrintable(example.name)) << example.text;
    }
    const QStringList files = {"commented.yml", "oddindent.yml", "anchors.yml", "quoting.yml",
                               "noeol.yml"};
    for (const QString &file : files) {
        const QByteArray text = test::editData(file);
        QTest::addRow("%s", qPrintable(file)) << text;
        QTest::addRow("%s with CRLF line endings", qPrintable(file)) << withCrlf(text);
    }
    QTest::addRow("a file with a byte order mark")
        << QByteArray("\xEF\xBB\xBF") + test::editData(QStringLiteral("commented.yml"));
}

void TestEditRoundTrip::textComesBackByteForByte()
{
    QFETCH(QByteArray, text);

    const PipelineDocument document = test::documentOf(text);

    QCOMPARE(document.text(), text);
    QVERIFY2(document.isValid(), qPrintable(document.diagnostics().value(0).toString()));
    QVERIFY(document.syntaxTree());
    const SyntaxTree &tree = *document.syntaxTree();
    QList<int> pending{tree.root()};
    while (!pending.isEmpty()) {
        const int index = pending.takeLast();
        const QString problem = checkExtent(tree, index);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        pending.append(tree.node(index).children);
    }
    for (const QString &job : jobNames(*document.pipeline()))
        QVERIFY2(document.jobRange(job), qPrintable(job));
}

void TestEditRoundTrip::everyJobCanBeRenamedAndTheRenameUndone()
{
    QFETCH(QByteArray, text);
    const PipelineDocument document = test::documentOf(text);

    for (const QString &job : jobNames(*document.pipeline())) {
        const QString newName = job + QStringLiteral("-renamed");
        const Result<TextEdit> edit = renameJob(document, job, newName);
        QVERIFY2(edit, QByteArray(job.toUtf8() + ": " + test::why(edit)).constData());

        bool ok = false;
        const PipelineDocument renamed = test::appliedAndUndone(document, *edit, &ok);
        QVERIFY(ok);
        QVERIFY(renamed.pipeline()->findJob(newName));
        QVERIFY(!renamed.pipeline()->findJob(job));
    }
}

void TestEditRoundTrip::everyJobCanTakeATimeoutAndGiveItBack()
{
    QFETCH(QByteArray, text);
    const PipelineDocument document = test::documentOf(text);

    for (const QString &job : jobNames(*document.pipeline())) {
        const Result<TextEdit> edit = setJobProperty(document, job, "timeout", "42s");
        QVERIFY2(edit, QByteArray(job.toUtf8() + ": " + test::why(edit)).constData());

        bool ok = false;
        const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
        QVERIFY(ok);
        QCOMPARE(changed.pipeline()->findJob(job)->timeout, std::optional(Milliseconds(42'000)));
    }
}

QTEST_GUILESS_MAIN(TestEditRoundTrip)
#include "tst_editroundtrip.moc"
