#include "ganttlegend.h"

#include "widgets/statuslook.h"

#include <QPainter>

namespace pw::gui {

namespace {

constexpr int kSample = 22;
constexpr int kSpacing = 14;

} // namespace

GanttLegend::GanttLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ganttLegend"));
    setAccessibleName(tr("Legend: %1").arg(entries().join(QStringLiteral(", "))));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QStringList GanttLegend::entries() const
{
    return {tr("critical path"), tr("estimated"), tr("earlier attempt"), tr("now")};
}

QSize GanttLegend::sizeHint() const
{
    int width = 0;
    for (const QString &entry : entries())
        width += kSample + 4 + fontMetrics().horizontalAdvance(entry) + kSpacing;
    return QSize(width, std::max(fontMetrics().height(), 14) + 4);
}

void GanttLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int height = std::min(12, this->height() - 4);
    const int y = (this->height() - height) / 2;
    const QColor ran = lookOf(JobStatus::Success).colour;
    int x = 0;

    const auto label = [&](const QString &text) {
        x += kSample + 4;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, 0, fontMetrics().horizontalAdvance(text) + 2, this->height()),
                         Qt::AlignVCenter, text);
        x += fontMetrics().horizontalAdvance(text) + kSpacing;
    };
    const QStringList texts = entries();

    painter.fillRect(QRect(x, y, kSample, height), ran);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
    painter.drawRect(QRect(x, y, kSample, height).adjusted(-1, -1, 0, 0));
    label(texts.at(0));

    const QColor pending = lookOf(JobStatus::Pending).colour;
    painter.fillRect(QRect(x, y, kSample, height), QBrush(pending, Qt::BDiagPattern));
    painter.setPen(QPen(pending, 1, Qt::DashLine));
    painter.drawRect(QRect(x, y, kSample - 1, height - 1));
    label(texts.at(1));

    painter.fillRect(QRect(x, y, kSample, height), lookOf(JobStatus::Failed).colour);
    label(texts.at(2));

    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(x + kSample / 2, 1, x + kSample / 2, this->height() - 2);
    label(texts.at(3));
}

} // namespace pw::gui
