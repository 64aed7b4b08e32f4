#include "logsaver.h"

#include "widgets/ansitext.h"

#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace pw::gui {

namespace {

QString saveLog(const LogText &text, qint64 lines, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());

    // Written in pieces of about a megabyte: few calls, and little memory however long.
    QByteArray piece;
    for (qint64 line = 0; line < lines; ++line) {
        piece += plainLogBytes(text.rawLine(line));
        piece += '\n';
        // A failed write is remembered by the file and reported by commit().
        if (piece.size() >= (1 << 20)) {
            file.write(piece);
            piece.clear();
        }
    }
    if (!piece.isEmpty())
        file.write(piece);
    if (!file.commit())
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

QFuture<QString> saveLogAsync(const LogText &text, qint64 lines, const QString &path)
{
    return QtConcurrent::run(saveLog, text, lines, path);
}

} // namespace pw::gui
