#pragma once

#include "core/files/filesettings.h"
#include "core/store/records.h"

#include <QByteArray>
#include <QTemporaryDir>

namespace pw::test {

// A pipeline folder, a history store and a file store in one temporary folder, and a way
// to run a pipeline through them as `pwctl run` does.
class FilesFixture
{
public:
    FilesFixture();

    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The folder pipelines run in (their source tree).
    QString source() const { return path(QStringLiteral("src")); }
    files::FilesSettings &settings() { return m_settings; }

    // Writes `content` to `name` below the source tree, creating folders.
    void write(const QString &name, const QByteArray &content) const;

    // Runs the pipeline `yaml` (native format) in the source tree and returns its record.
    RunRecord run(const QByteArray &yaml, int maxParallel = 1);
    // The recorded output of a job of a run, every attempt.
    QByteArray log(qint64 runId, int job) const;

private:
    QTemporaryDir m_dir;
    files::FilesSettings m_settings;
};

// True when the suite runs on PostgreSQL (PIPEWRIGHT_TEST_BACKEND=postgresql).
bool usesPostgres();

// Reads a whole file, or an empty array when it cannot.
QByteArray readFile(const QString &path);
// The index of the job named `name` in `run`, or -1.
int jobIndex(const RunRecord &run, const QString &name);

} // namespace pw::test
