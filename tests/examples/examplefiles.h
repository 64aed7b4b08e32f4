#pragma once

#include <QList>
#include <QString>

namespace pw::test {

// One pipeline the documentation shows, to be validated and run.
struct ExamplePipeline
{
    QString name;   // for a test row: "webapp", "user-guide.md:120"
    QString folder; // the folder it runs in, copied before a run; empty for inline text
    QString file;   // the file's path, or its name in the copy for inline text
    QByteArray text;
};

// Every examples/*/pipewright.yml and every GitLab CI file under examples/.
QList<ExamplePipeline> examplePipelines(const QString &sourceDir);

// Every ```yaml block of a Markdown file that is a whole pipeline (its first key is name:).
QList<ExamplePipeline> markdownPipelines(const QString &path);

// Copies `from` into `to` (which must not exist) with everything below it.
bool copyFolder(const QString &from, const QString &to);

} // namespace pw::test
