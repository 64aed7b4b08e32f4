#include "examplefiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace pw::test {

QList<ExamplePipeline> examplePipelines(const QString &sourceDir)
{
    QList<ExamplePipeline> pipelines;
    const QString root = sourceDir + QStringLiteral("/examples");
    QDirIterator files(root, {QStringLiteral("pipewright.yml"), QStringLiteral("*.gitlab-ci.yml")},
                       QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QFileInfo file(files.next());
        const QString relative = QDir(root).relativeFilePath(file.filePath());
        pipelines.append({relative, file.path(), file.fileName(), {}});
    }
    std::sort(pipelines.begin(), pipelines.end(),
              [](const auto &a, const auto &b) { return a.name < b.name; });
    return pipelines;
}

QList<ExamplePipeline> markdownPipelines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');

    QList<ExamplePipeline> pipelines;
    int start = -1;
    QByteArray block;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        if (start < 0 && line.trimmed() == "```yaml") {
            start = i + 1;
            block.clear();
        } else if (start >= 0 && line.trimmed() == "```") {
            // Only whole pipelines: fragments of one are shown between them.
            if (block.startsWith("name:") || block.contains("\nname:")) {
                const QString name =
                    QStringLiteral("%1:%2").arg(QFileInfo(path).fileName()).arg(start);
                pipelines.append({name, {}, QStringLiteral("pipewright.yml"), block});
            }
            start = -1;
        } else if (start >= 0) {
            block += line + '\n';
        }
    }
    return pipelines;
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    const auto entries =
        source.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString target = to + QStringLiteral("/") + entry.fileName();
        const bool copied = entry.isDir() ? copyFolder(entry.filePath(), target)
                                          : QFile::copy(entry.filePath(), target);
        if (!copied)
            return false;
    }
    return true;
}

} // namespace pw::test
