// pwctl secret set|list|rm and pwctl login: secrets and store passwords in the keychain.

#include "commandline.h"
#include "commands.h"
#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretname.h"
#include "core/store/storelocation.h"
#include "core/store/storelogin.h"
#include "output.h"

#include <QFile>

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace pw::cli {

namespace {

// A secret or password is a token, a key or a certificate: far below this.
constexpr qsizetype maxValueBytes = 1024 * 1024;

int failure(const QString &message)
{
    err() << "pwctl: " << message << Qt::endl;
    return ExitRunFailed;
}

// --- Reading a value without showing it ---------------------------------------------------

// The terminal's settings while echo is off, so that an interruption can put them back.
struct termios savedTerminal;

void restoreTerminalAndQuit(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// One line typed at the terminal with echo off.
Result<QByteArray> readFromTerminal(const QString &prompt)
{
    err() << prompt;
    err().flush();
    if (tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
        return Error{QStringLiteral("cannot read the terminal's settings")};
    struct termios quiet = savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    const auto previousInterrupt = std::signal(SIGINT, restoreTerminalAndQuit);
    const auto previousTerminate = std::signal(SIGTERM, restoreTerminalAndQuit);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);

    QByteArray line;
    char c = 0;
    while (line.size() <= maxValueBytes && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line.append(c);

    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    std::signal(SIGINT, previousInterrupt);
    std::signal(SIGTERM, previousTerminate);
    err() << Qt::endl;
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// All of standard input, less one trailing newline (as `echo` and here-documents add one).
Result<QByteArray> readFromPipe()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read standard input")};
    QByteArray value = input.read(maxValueBytes + 1);
    if (value.size() > maxValueBytes) {
        return Error{QStringLiteral("standard input holds more than %1 bytes; a secret is at "
                                    "most that long")
                         .arg(maxValueBytes)};
    }
    if (value.endsWith('\n')) {
        value.chop(1);
        if (value.endsWith('\r'))
            value.chop(1);
    }
    return value;
}

// The value from the terminal (asked with `prompt`, not echoed) or from standard input.
// `what` names it in the message when it is empty.
Result<QByteArray> readValue(const QString &prompt, const QString &what)
{
    Result<QByteArray> value = isatty(STDIN_FILENO) ? readFromTerminal(prompt) : readFromPipe();
    if (value.ok() && value->isEmpty()) {
        return Error{QStringLiteral("%1 is empty; give it on standard input, for example "
                                    "'printf %s \"$VALUE\" | pwctl ...'")
                         .arg(what)};
    }
    return value;
}

// --- pwctl secret --------------------------------------------------------------------------

bool checkName(const QString &name)
{
    if (isValidSecretName(name))
        return true;
    usageError(QStringLiteral("'%1' is not a secret name; %2").arg(name, secretNameRule()));
    return false;
}

int setSecret(const QString &name)
{
    if (!checkName(name))
        return ExitUsage;
    const Result<QByteArray> value =
        readValue(QStringLiteral("Value for %1 (not shown): ").arg(name),
                  QStringLiteral("the value for %1").arg(name));
    if (!value.ok())
        return usageError(value.error().message);

    KeychainSecretStore keychain;
    if (const Status stored = setSecretBlocking(keychain, name, *value); !stored)
        return failure(stored.error().message);
    out() << "stored the secret " << name << " in the keychain" << Qt::endl;

    if (EnvironmentSecretStore().lookup(name).value().has_value()) {
        err() << "note: " << secretEnvironmentVariable(name)
              << " is set here, and jobs get its value rather than the keychain's" << Qt::endl;
    }
    return ExitOk;
}

int removeSecret(const QString &name)
{
    if (!checkName(name))
        return ExitUsage;
    KeychainSecretStore keychain;
    if (const Status removed = removeSecretBlocking(keychain, name); !removed)
        return failure(removed.error().message);
    out() << "removed the secret " << name << " from the keychain" << Qt::endl;
    return ExitOk;
}

int listSecrets()
{
    const QStringList fromEnvironment = EnvironmentSecretStore().names();
    KeychainSecretStore keychain;
    const Result<QStringList> fromKeychain = listSecretsBlocking(keychain);

    // Listed even when the keychain cannot answer: on a machine without one, the environment
    // is where secrets come from.
    QStringList names = fromEnvironment;
    if (fromKeychain.ok())
        names += *fromKeychain;
    names.removeDuplicates();
    names.sort();
    for (const QString &name : names) {
        const bool inEnvironment = fromEnvironment.contains(name);
        const bool inKeychain = fromKeychain.ok() && fromKeychain->contains(name);
        out() << name.leftJustified(32) << ' '
              << (inEnvironment && inKeychain ? QStringLiteral("environment (used), keychain")
                                              : (inEnvironment ? QStringLiteral("environment")
                                                               : QStringLiteral("keychain")))
              << Qt::endl;
    }
    if (!fromKeychain.ok())
        return failure(fromKeychain.error().message);
    return ExitOk;
}

// --- pwctl login ---------------------------------------------------------------------------

int forgetPassword(const StoreLocation &location)
{
    KeychainSecretStore keychain;
    if (const Status removed = removeStorePasswordBlocking(keychain, location); !removed)
        return failure(removed.error().message);
    out() << "removed the password for " << location.display() << " from the keychain" << Qt::endl;
    return ExitOk;
}

int logIn(const StoreLocation &location)
{
    const Result<QByteArray> password =
        readValue(QStringLiteral("Password for %1: ").arg(location.display()),
                  QStringLiteral("the password"));
    if (!password.ok())
        return usageError(password.error().message);

    if (const Status checked = checkStoreLogin(location, QString::fromUtf8(*password)); !checked) {
        return failure(QStringLiteral("cannot log in to %1: %2; nothing was stored")
                           .arg(location.display(), checked.error().message));
    }

    KeychainSecretStore keychain;
    if (const Status stored =
            setStorePasswordBlocking(keychain, location, QString::fromUtf8(*password));
        !stored)
        return failure(stored.error().message);
    out() << "logged in to " << location.display()
          << "; the keychain keeps the password for later commands" << Qt::endl;
    return ExitOk;
}

} // namespace

int secretCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Keep the secrets jobs list in the keychain: secret set NAME (the value comes from "
        "standard input), secret list, secret rm NAME. Without a keychain, give a secret as "
        "the environment variable PIPEWRIGHT_SECRET_<NAME>."));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("set, list or rm"));
    parser.addPositionalArgument(QStringLiteral("name"),
                                 QStringLiteral("The secret's name, for set and rm."));
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("secret"), arguments, &help))
        return help ? ExitOk : ExitUsage;

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("list") && positional.size() == 1)
        return listSecrets();
    if (action == QLatin1String("set") && positional.size() == 2)
        return setSecret(positional.at(1));
    if (action == QLatin1String("rm") && positional.size() == 2)
        return removeSecret(positional.at(1));
    return usageError(QStringLiteral("usage: secret set NAME | secret list | secret rm NAME"));
}

int loginCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Store the password of a PostgreSQL history store in the keychain, after checking it "
        "by connecting; later commands with --db LOCATION then need no password. The password "
        "is asked without echo, or read from standard input when that is not a terminal."));
    parser.addPositionalArgument(QStringLiteral("location"),
                                 QStringLiteral("postgresql://user@host:port/database"));
    parser.addOption(
        {QStringLiteral("forget"), QStringLiteral("Remove the stored password instead.")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("login"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("usage: login postgresql://user@host:port/database"));

    const Result<StoreLocation> location = parseStoreLocation(parser.positionalArguments().at(0));
    if (!location.ok())
        return usageError(location.error().message);
    if (location->kind != StoreLocation::Kind::Postgres) {
        return usageError(QStringLiteral("%1 is an SQLite file, which needs no login; login is "
                                         "for postgresql://user@host:port/database")
                              .arg(location->display()));
    }
    if (parser.isSet(QStringLiteral("forget")))
        return forgetPassword(*location);
    return logIn(*location);
}

} // namespace pw::cli
