#include "statuslook.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace pw::gui {

namespace {

// The shape drawn inside an icon: each final state has its own, so the icon reads without
// its colour.
enum class Glyph { Dot, Play, Pause, Check, Cross, Slash, Square, Bang };

QString tr(const char *text)
{
    return QCoreApplication::translate("pw::gui::StatusLook", text);
}

void drawGlyph(QPainter &painter, Glyph glyph, const QRectF &box)
{
    QPainterPath path;
    const QPointF c = box.center();
    const qreal r = box.width() / 4;
    switch (glyph) {
    case Glyph::Dot:
        painter.drawEllipse(c, r / 2, r / 2);
        return;
    case Glyph::Play:
        path.moveTo(c.x() - r / 2, c.y() - r);
        path.lineTo(c.x() + r, c.y());
        path.lineTo(c.x() - r / 2, c.y() + r);
        path.closeSubpath();
        painter.fillPath(path, Qt::white);
        return;
    case Glyph::Pause:
        painter.drawLine(QPointF(c.x() - r / 2, c.y() - r), QPointF(c.x() - r / 2, c.y() + r));
        painter.drawLine(QPointF(c.x() + r / 2, c.y() - r), QPointF(c.x() + r / 2, c.y() + r));
        return;
    case Glyph::Check:
        path.moveTo(c.x() - r, c.y());
        path.lineTo(c.x() - r / 3, c.y() + r * 0.7);
        path.lineTo(c.x() + r, c.y() - r * 0.7);
        painter.drawPath(path);
        return;
    case Glyph::Cross:
        painter.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r));
        painter.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r));
        return;
    case Glyph::Slash:
        painter.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r));
        return;
    case Glyph::Square:
        painter.fillRect(QRectF(c.x() - r / 1.5, c.y() - r / 1.5, r * 1.33, r * 1.33), Qt::white);
        return;
    case Glyph::Bang:
        painter.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r / 4));
        painter.drawPoint(QPointF(c.x(), c.y() + r * 0.8));
        return;
    }
}

QIcon makeIcon(const QColor &colour, Glyph glyph)
{
    static QHash<QString, QIcon> cache;
    const QString key = colour.name() + QString::number(int(glyph));
    if (auto found = cache.constFind(key); found != cache.constEnd())
        return *found;

    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(2, 2, 28, 28));
    painter.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::white);
    drawGlyph(painter, glyph, QRectF(2, 2, 28, 28));
    painter.end();

    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

StatusLook look(const char *text, const QColor &colour, Glyph glyph)
{
    return {tr(text), colour, makeIcon(colour, glyph)};
}

const QColor grey(0x80, 0x80, 0x80);
const QColor blue(0x1e, 0x6f, 0xd9);
const QColor amber(0xc7, 0x86, 0x00);
const QColor green(0x1a, 0x8f, 0x3c);
const QColor red(0xc8, 0x26, 0x26);
const QColor purple(0x8a, 0x3f, 0xb5);

} // namespace

StatusLook lookOf(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "pending"), grey, Glyph::Dot);
    case RunStatus::Running:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "running"), blue, Glyph::Play);
    case RunStatus::WaitingApproval:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "waiting for approval"), amber,
                    Glyph::Pause);
    case RunStatus::Success:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "passed"), green, Glyph::Check);
    case RunStatus::Failed:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "failed"), red, Glyph::Cross);
    case RunStatus::Cancelled:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "cancelled"), grey, Glyph::Square);
    case RunStatus::Rejected:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "rejected"), purple, Glyph::Cross);
    case RunStatus::Interrupted:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "interrupted"), red, Glyph::Bang);
    }
    return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "unknown"), grey, Glyph::Dot);
}

StatusLook lookOf(StageStatus status)
{
    switch (status) {
    case StageStatus::Pending:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "pending"), grey, Glyph::Dot);
    case StageStatus::Running:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "running"), blue, Glyph::Play);
    case StageStatus::Waiting:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "waiting at gate"), amber,
                    Glyph::Pause);
    case StageStatus::Success:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "passed"), green, Glyph::Check);
    case StageStatus::Failed:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "failed"), red, Glyph::Cross);
    case StageStatus::Skipped:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "skipped"), grey, Glyph::Slash);
    case StageStatus::Cancelled:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "cancelled"), grey, Glyph::Square);
    case StageStatus::Rejected:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "rejected"), purple, Glyph::Cross);
    }
    return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "unknown"), grey, Glyph::Dot);
}

StatusLook lookOf(JobStatus status)
{
    switch (status) {
    case JobStatus::Pending:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "pending"), grey, Glyph::Dot);
    case JobStatus::WaitingResource:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "waiting for resource"), amber,
                    Glyph::Pause);
    case JobStatus::Running:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "running"), blue, Glyph::Play);
    case JobStatus::Success:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "passed"), green, Glyph::Check);
    case JobStatus::Failed:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "failed"), red, Glyph::Cross);
    case JobStatus::Skipped:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "skipped"), grey, Glyph::Slash);
    case JobStatus::Cancelled:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "cancelled"), grey, Glyph::Square);
    case JobStatus::Interrupted:
        return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "interrupted"), red, Glyph::Bang);
    }
    return look(QT_TRANSLATE_NOOP("pw::gui::StatusLook", "unknown"), grey, Glyph::Dot);
}

} // namespace pw::gui
