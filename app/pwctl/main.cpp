#include "commands.h"
#include "core/secrets/keychainpassword.h"
#include "output.h"

#include <QCoreApplication>

#include <functional>

namespace {

using Command = std::function<int(const QStringList &)>;

struct CommandEntry
{
    const char *name;
    const char *summary;
    Command run;
};

const QList<CommandEntry> &commands()
{
    using namespace pw::cli;
    static const QList<CommandEntry> entries = {
        {"validate", "check a pipeline file", validateCommand},
        {"plan", "show the DAG and what a run would skip", planCommand},
        {"run", "run a pipeline and record it", runCommand},
        {"retry", "run again what failed in a recorded run, or all of it", retryCommand},
        {"watch", "run the pipeline for each new commit", watchCommand},
        {"history", "list recorded runs", historyCommand},
        {"show", "show one recorded run", showCommand},
        {"logs", "print a job's recorded output", logsCommand},
        {"artifacts", "list a run's artifacts, or copy them out", artifactsCommand},
        {"cache", "list, clear or count the cache entries", cacheCommand},
        {"gc", "remove expired artifacts and unused stored files", gcCommand},
        {"convert", "write a GitLab CI file as a Pipewright pipeline", convertCommand},
        {"events", "print gate and run events from Redis", eventsCommand},
        {"secret", "set, list or remove the secrets jobs get", secretCommand},
        {"login", "keep a PostgreSQL store's password in the keychain", loginCommand},
        {"gates", "list the gates runs wait at", gatesCommand},
        {"approve", "approve the gate a run waits at", approveCommand},
        {"reject", "reject the gate a run waits at, with a reason", rejectCommand},
    };
    return entries;
}

void printUsage(QTextStream &stream)
{
    stream << "Usage: pwctl COMMAND [options]\n\n"
              "Pipewright's headless command: runs pipelines as DAGs and keeps their history.\n\n"
              "Commands:\n";
    for (const CommandEntry &entry : commands())
        stream << "  " << QString::fromLatin1(entry.name).leftJustified(10) << entry.summary
               << '\n';
    stream << "\nRun 'pwctl COMMAND --help' for a command's options.\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pipewright"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    // PostgreSQL stores get the password `pwctl login` kept, without it on the command line.
    pw::installKeychainPasswordProvider();

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        printUsage(pw::cli::err());
        return pw::cli::ExitUsage;
    }
    const QString name = arguments.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h")
        || name == QLatin1String("help")) {
        printUsage(pw::cli::out());
        return pw::cli::ExitOk;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("version")) {
        pw::cli::out() << "pwctl " << PIPEWRIGHT_VERSION << Qt::endl;
        return pw::cli::ExitOk;
    }
    for (const CommandEntry &entry : commands()) {
        if (name == QLatin1String(entry.name))
            return entry.run(arguments);
    }
    return pw::cli::usageError(
        QStringLiteral("unknown command '%1'; run 'pwctl --help' for the list").arg(name));
}
