#include "storestatuslabel.h"

#include <QRegularExpression>

namespace pw::gui {

namespace {

// A reason longer than this is cut in the status bar, so that "records are held" still
// shows in a window of ordinary width; the tooltip has all of it.
constexpr int shownReasonLength = 90;

// The store's messages open with what failed where ("cannot write to the history store at
// LOCATION: "); the status bar says that already, and keeps room for the reason itself.
QString reasonOf(const QString &message)
{
    static const QRegularExpression what(
        QStringLiteral("^cannot [a-z ]+ the history store at .*?: "));
    QString reason = message.simplified();
    reason.remove(what);
    if (reason.size() > shownReasonLength)
        reason = reason.left(shownReasonLength - 1) + QChar(0x2026);
    return reason;
}

} // namespace

StoreStatusLabel::StoreStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("storeState"));
    setTextFormat(Qt::PlainText);
    hide();
}

void StoreStatusLabel::setAvailability(bool available, const QString &message)
{
    m_available = available;
    if (available) {
        clear();
        setToolTip(QString());
        hide();
        return;
    }

    //: %1 is why the store cannot be reached, as the database driver says it.
    setText(tr("History store unreachable: %1 — records are held").arg(reasonOf(message)));
    setToolTip(tr("The run goes on; its records are written to the history store once it "
                  "answers again.\n%1")
                   .arg(message));
    show();
}

} // namespace pw::gui
