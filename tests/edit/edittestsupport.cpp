#include "edittestsupport.h"

#include "testsupport.h"

#include <QFile>
#include <QTest>

namespace pw::test {

QByteArray editData(const QString &name)
{
    QFile file(sourceDir() + QStringLiteral("/tests/edit/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return file.readAll();
}

QString changedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> old = before.split('\n');
    const QList<QByteArray> now = after.split('\n');
    const qsizetype rows = old.size() + 1;
    const qsizetype columns = now.size() + 1;
    // The lengths of the longest common runs of lines of every pair of tails.
    QList<int> common(rows * columns, 0);
    for (qsizetype i = old.size() - 1; i >= 0; --i) {
        for (qsizetype j = now.size() - 1; j >= 0; --j) {
            common[i * columns + j] =
                old.at(i) == now.at(j)
                    ? common[(i + 1) * columns + j + 1] + 1
                    : std::max(common[(i + 1) * columns + j], common[i * columns + j + 1]);
        }
    }

    QStringList lines;
    QStringList added;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < old.size() || j < now.size()) {
        if (i < old.size() && j < now.size() && old.at(i) == now.at(j)) {
            lines += added;
            added.clear();
            ++i;
            ++j;
        } else if (j < now.size()
                   && (i >= old.size()
                       || common[i * columns + j + 1] >= common[(i + 1) * columns + j])) {
            added.append(QStringLiteral("+") + QString::fromUtf8(now.at(j++)));
        } else {
            lines.append(QStringLiteral("-") + QString::fromUtf8(old.at(i++)));
        }
    }
    lines += added;
    return lines.join(QLatin1Char('\n'));
}

edit::PipelineDocument documentOf(const QByteArray &text)
{
    edit::PipelineDocument document(QStringLiteral("pipewright.yml"), QDir::tempPath());
    document.setText(text);
    return document;
}

edit::PipelineDocument appliedAndUndone(const edit::PipelineDocument &document,
                                        const edit::TextEdit &edit, bool *ok)
{
    *ok = false;
    edit::PipelineDocument changed = document;
    const Status applied = changed.apply(edit);
    if (!applied) {
        QTest::qFail(qPrintable(applied.error().message), __FILE__, __LINE__);
        return changed;
    }
    if (!changed.isValid()) {
        const QString first = changed.diagnostics().value(0).toString();
        QTest::qFail(qPrintable(QStringLiteral("the edited text is invalid: ") + first), __FILE__,
                     __LINE__);
        return changed;
    }

    edit::PipelineDocument undone = changed;
    if (!undone.apply(edit.inverted()) || undone.text() != document.text()) {
        QTest::qFail("undoing the edit does not give the original bytes back", __FILE__, __LINE__);
        return changed;
    }
    *ok = true;
    return changed;
}

} // namespace pw::test
