#include "gitfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QtDebug>

namespace pw::test {

namespace {

constexpr int gitTimeoutMs = 30000;

QString gitOutput(const QString &folder, const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral("git"),
                  QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Pipewright Test"),
                              QStringLiteral("-c"), QStringLiteral("user.email=test@example.org"),
                              QStringLiteral("-c"), QStringLiteral("commit.gpgsign=false")}
                      + arguments);
    *ok = process.waitForFinished(gitTimeoutMs) && process.exitStatus() == QProcess::NormalExit
          && process.exitCode() == 0;
    if (!*ok) {
        qInfo().noquote() << "git" << arguments.join(QLatin1Char(' ')) << "failed in" << folder
                          << process.readAllStandardError();
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

bool git(const QString &folder, const QStringList &arguments)
{
    bool ok = false;
    gitOutput(folder, arguments, &ok);
    return ok;
}

bool initGitRepository(const QString &folder, const QString &branch)
{
    return QDir().mkpath(folder)
           && git(folder,
                  {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), branch});
}

QString commitFile(const QString &folder, const QString &name, const QByteArray &text)
{
    const QString path = QDir(folder).filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    file.close();

    if (!git(folder, {QStringLiteral("add"), name})
        || !git(folder, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                         QStringLiteral("change %1").arg(name)}))
        return {};
    bool ok = false;
    const QString commit =
        gitOutput(folder, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, &ok);
    return ok ? commit : QString();
}

} // namespace pw::test
