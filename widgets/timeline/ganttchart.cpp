#include "ganttchart.h"

#include "core/util/duration.h"
#include "timeaxis.h"
#include "widgets/statuslook.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pw::gui {

using timeline::BarKind;
using timeline::JobBar;

namespace {

constexpr int kAxisHeight = 26;
constexpr int kRowHeight = 22;
constexpr int kBarInset = 4;
constexpr int kGap = 12;           // between the names and the time 0
constexpr int kTextRoom = 140;     // right of the last bar, for its status
constexpr int kTickSpacing = 80;   // pixels between tick labels at least
constexpr int kMaxWidth = 4000000; // far below the largest widget Qt allows
constexpr double kMinPixelsPerSecond = 1.0 / 86400;
constexpr double kMaxPixelsPerSecond = 2000;

QString clock(const QDateTime &utc)
{
    return utc.toLocalTime().time().toString(QStringLiteral("HH:mm:ss"));
}

QString duration(qint64 ms)
{
    return formatDuration(Milliseconds(std::max<qint64>(0, ms)));
}

} // namespace

GanttChart::GanttChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ganttChart"));
    setAccessibleName(tr("Run timeline"));
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GanttChart::setTimeline(const RunRecord &run, const timeline::Timeline &timeline)
{
    const bool sameJobs = run.id == m_run.id && run.jobs.size() == m_run.jobs.size()
                          && run.stages.size() == m_run.stages.size();
    m_run = run;
    m_timeline = timeline;
    if (!sameJobs)
        rebuildRows();
    updateGeometry();
    update();
}

void GanttChart::setPixelsPerSecond(double pixels)
{
    if (!std::isfinite(pixels))
        return;
    m_pixelsPerSecond = std::clamp(pixels, kMinPixelsPerSecond, kMaxPixelsPerSecond);
    updateGeometry();
    update();
}

double GanttChart::fittingPixelsPerSecond(int width) const
{
    const double room = std::max(60, width - m_labelWidth - kGap - kTextRoom);
    const double seconds = std::max<double>(1, double(m_timeline.spanMs) / 1000);
    return std::clamp(room / seconds, kMinPixelsPerSecond, kMaxPixelsPerSecond);
}

void GanttChart::setViewOrigin(const QPoint &origin)
{
    if (origin == m_viewOrigin)
        return;
    m_viewOrigin = origin;
    update();
}

void GanttChart::showJob(int job)
{
    if (job == m_picked)
        return;
    m_picked = job;
    update();
}

QRect GanttChart::barRect(int job) const
{
    if (job < 0 || job >= m_rowOfJob.size() || m_rowOfJob.at(job) < 0
        || job >= m_timeline.bars.size())
        return {};
    const JobBar &bar = m_timeline.bars.at(job);
    const int left = xOf(bar.startMs);
    const int right = std::max(left + kRowHeight - 2 * kBarInset, xOf(bar.expectedEndMs));
    return QRect(QPoint(left, rowTop(m_rowOfJob.at(job)) + kBarInset),
                 QPoint(right, rowTop(m_rowOfJob.at(job)) + kRowHeight - kBarInset - 1));
}

int GanttChart::jobAt(const QPoint &pos) const
{
    const int row = rowAt(pos.y());
    if (row < 0 || m_rows.at(row).job < 0)
        return -1;
    const int job = m_rows.at(row).job;
    if (pos.x() >= m_viewOrigin.x() && pos.x() < m_viewOrigin.x() + m_labelWidth)
        return job;
    const QRect bar = barRect(job);
    return pos.x() >= bar.left() - 3 && pos.x() <= bar.right() + 3 ? job : -1;
}

QSize GanttChart::sizeHint() const
{
    const double chart = double(m_timeline.spanMs) / 1000 * m_pixelsPerSecond;
    const int width = int(std::min<double>(kMaxWidth, m_labelWidth + kGap + chart + kTextRoom));
    return QSize(width, kAxisHeight + int(m_rows.size()) * kRowHeight + 1);
}

QSize GanttChart::minimumSizeHint() const
{
    return QSize(m_labelWidth + kGap + kTextRoom, kAxisHeight + kRowHeight);
}

bool GanttChart::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const int job = jobAt(help->pos());
    if (job < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QToolTip::showText(help->globalPos(), toolTipFor(job), this, barRect(job));
    return true;
}

void GanttChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const int job = jobAt(event->position().toPoint());
    if (job >= 0)
        emit jobClicked(job);
}

void GanttChart::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier) || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    emit zoomRequested(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    event->accept();
}

void GanttChart::rebuildRows()
{
    m_rows.clear();
    m_rowOfJob = QList<int>(m_run.jobs.size(), -1);
    QHash<int, int> stageAt; // stage index -> position in m_run.stages
    for (int stage = 0; stage < m_run.stages.size(); ++stage)
        stageAt.insert(m_run.stages.at(stage).index, stage);

    // Jobs in the run's order under their stage; jobs of no known stage come last.
    QList<QList<int>> jobsOfStage(m_run.stages.size() + 1);
    for (int job = 0; job < m_run.jobs.size(); ++job)
        jobsOfStage[stageAt.value(m_run.jobs.at(job).stage, int(m_run.stages.size()))].append(job);
    for (int stage = 0; stage < jobsOfStage.size(); ++stage) {
        if (stage == m_run.stages.size() && jobsOfStage.at(stage).isEmpty())
            break;
        m_rows.append({stage < m_run.stages.size() ? stage : -1, -1});
        for (int job : jobsOfStage.at(stage)) {
            m_rowOfJob[job] = int(m_rows.size());
            m_rows.append({m_rows.last().stage, job});
        }
    }

    int widest = 0;
    for (const JobRecord &job : m_run.jobs)
        widest = std::max(widest, fontMetrics().horizontalAdvance(job.name));
    m_labelWidth = std::clamp(widest + 48, 120, 280);
}

int GanttChart::rowTop(int row) const
{
    return kAxisHeight + row * kRowHeight;
}

int GanttChart::rowAt(int y) const
{
    if (y < kAxisHeight || y < m_viewOrigin.y() + kAxisHeight)
        return -1;
    const int row = (y - kAxisHeight) / kRowHeight;
    return row < m_rows.size() ? row : -1;
}

int GanttChart::xOf(qint64 ms) const
{
    const double x = m_labelWidth + kGap + double(ms) / 1000 * m_pixelsPerSecond;
    return int(std::clamp<double>(x, -kMaxWidth, 2.0 * kMaxWidth));
}

bool GanttChart::isLive() const
{
    return m_timeline.estimate.basis != timeline::EstimateBasis::Finished;
}

void GanttChart::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRect area = event->rect();
    painter.fillRect(area, palette().color(QPalette::Base));
    paintGrid(painter, area);
    paintRows(painter, area);
    if (isLive())
        paintNow(painter, area);
    paintLabels(painter, area);
    paintAxis(painter, area);
}

void GanttChart::paintGrid(QPainter &painter, const QRect &area) const
{
    QColor line = palette().color(QPalette::Mid);
    line.setAlpha(90);
    painter.setPen(line);
    const double perMs = m_pixelsPerSecond / 1000;
    for (const AxisTick &tick : axisTicks(m_timeline.spanMs, perMs, kTickSpacing)) {
        const int x = xOf(tick.atMs);
        if (x >= area.left() && x <= area.right())
            painter.drawLine(x, area.top(), x, area.bottom());
    }
}

void GanttChart::paintRows(QPainter &painter, const QRect &area) const
{
    const int first = std::max(0, (area.top() - kAxisHeight) / kRowHeight);
    const int last = std::min(int(m_rows.size()) - 1, (area.bottom() - kAxisHeight) / kRowHeight);
    for (int row = first; row <= last; ++row) {
        const QRect band(area.left(), rowTop(row), area.width(), kRowHeight);
        if (m_rows.at(row).job < 0) {
            painter.fillRect(band, palette().color(QPalette::AlternateBase));
            continue;
        }
        if (m_rows.at(row).job == m_picked) {
            QColor picked = palette().color(QPalette::Highlight);
            picked.setAlpha(60);
            painter.fillRect(band, picked);
        }
        if (m_rows.at(row).job < m_timeline.bars.size())
            paintBar(painter, m_timeline.bars.at(m_rows.at(row).job), rowTop(row));
    }
}

void GanttChart::paintBar(QPainter &painter, const JobBar &bar, int top) const
{
    const StatusLook look = lookOf(bar.status);
    const int height = kRowHeight - 2 * kBarInset;
    const int y = top + kBarInset;
    const auto span = [&](qint64 from, qint64 to) {
        const int left = xOf(from);
        return QRect(left, y, std::max(3, xOf(to) - left), height);
    };
    painter.setPen(Qt::NoPen);

    // A job that did not run shows only its status where it would have started.
    if (bar.kind == BarKind::NotRun) {
        const int x = xOf(bar.startMs);
        look.icon.paint(&painter, QRect(x, y, height, height));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(x + height + 4, top, kTextRoom, kRowHeight), Qt::AlignVCenter,
                         look.text);
        return;
    }

    if (bar.kind == BarKind::Estimated) {
        const QRect rect = span(bar.startMs, bar.endMs);
        painter.fillRect(rect, QBrush(look.colour, Qt::BDiagPattern));
        painter.setPen(QPen(look.colour, 1, Qt::DashLine));
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
    } else {
        // Earlier attempts ended in failure, or there would not have been a later one.
        const QColor retried = lookOf(JobStatus::Failed).colour;
        for (int i = 0; i < bar.attempts.size(); ++i) {
            const timeline::AttemptBar &attempt = bar.attempts.at(i);
            const QRect rect = span(attempt.startMs, attempt.endMs);
            const bool lastAttempt = i == bar.attempts.size() - 1;
            painter.fillRect(rect, lastAttempt ? look.colour : retried);
            if (bar.attempts.size() > 1 && rect.width() > 26) {
                painter.setPen(Qt::white);
                painter.drawText(rect, Qt::AlignCenter, tr("#%1").arg(attempt.number));
            }
        }
        if (bar.expectedEndMs > bar.endMs)
            painter.fillRect(span(bar.endMs, bar.expectedEndMs),
                             QBrush(look.colour, Qt::BDiagPattern));
    }

    const QRect whole = span(bar.startMs, bar.expectedEndMs);
    if (bar.critical) {
        painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(whole.adjusted(-1, -1, 0, 0));
    }
    const QString status =
        bar.kind == BarKind::Estimated ? tr("%1, estimated").arg(look.text) : look.text;
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(whole.right() + 6, top, kTextRoom, kRowHeight), Qt::AlignVCenter,
                     status);
}

void GanttChart::paintNow(QPainter &painter, const QRect &area) const
{
    const int now = xOf(m_timeline.nowMs);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(now, area.top(), now, area.bottom());
    if (m_timeline.estimate.finish.isValid() && m_timeline.spanMs > m_timeline.nowMs) {
        const int end = xOf(m_timeline.spanMs);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(end, area.top(), end, area.bottom());
    }
}

void GanttChart::paintLabels(QPainter &painter, const QRect &area) const
{
    const int left = m_viewOrigin.x();
    painter.fillRect(QRect(left, area.top(), m_labelWidth, area.height()),
                     palette().color(QPalette::Window));
    const int first = std::max(0, (area.top() - kAxisHeight) / kRowHeight);
    const int last = std::min(int(m_rows.size()) - 1, (area.bottom() - kAxisHeight) / kRowHeight);
    const int icon = kRowHeight - 2 * kBarInset;
    QFont bold = font();
    bold.setBold(true);

    for (int row = first; row <= last; ++row) {
        const Row &shown = m_rows.at(row);
        const int top = rowTop(row);
        const bool stageRow = shown.job < 0;
        QString name = tr("Other jobs");
        StatusLook look;
        if (stageRow && shown.stage >= 0) {
            name = m_run.stages.at(shown.stage).name;
            look = lookOf(m_run.stages.at(shown.stage).status);
        } else if (!stageRow) {
            name = m_run.jobs.at(shown.job).name;
            look = lookOf(m_run.jobs.at(shown.job).status);
        }
        const int indent = stageRow ? 4 : 18;
        look.icon.paint(&painter, QRect(left + indent, top + kBarInset, icon, icon));
        painter.setFont(stageRow ? bold : font());
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect text(left + indent + icon + 4, top, m_labelWidth - indent - icon - 8,
                         kRowHeight);
        painter.drawText(text, Qt::AlignVCenter,
                         fontMetrics().elidedText(name, Qt::ElideRight, text.width()));
    }
    painter.setFont(font());
}

void GanttChart::paintAxis(QPainter &painter, const QRect &area) const
{
    const int top = m_viewOrigin.y();
    const QRect band(area.left(), top, area.width(), kAxisHeight);
    painter.fillRect(band, palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(band.left(), band.bottom(), band.right(), band.bottom());

    painter.setPen(palette().color(QPalette::WindowText));
    const double perMs = m_pixelsPerSecond / 1000;
    for (const AxisTick &tick : axisTicks(m_timeline.spanMs, perMs, kTickSpacing)) {
        const int x = xOf(tick.atMs);
        if (x < m_viewOrigin.x() + m_labelWidth || x > area.right())
            continue;
        painter.drawLine(x, band.bottom() - 5, x, band.bottom());
        painter.drawText(QRect(x + 3, top, kTickSpacing, kAxisHeight - 4),
                         Qt::AlignLeft | Qt::AlignVCenter, tick.label);
    }
    if (isLive()) {
        const int now = xOf(m_timeline.nowMs);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.drawText(QRect(now - 40, top, 80, kAxisHeight - 4), Qt::AlignCenter, tr("now"));
    }
    painter.fillRect(QRect(m_viewOrigin.x(), top, m_labelWidth, kAxisHeight),
                     palette().color(QPalette::Window));
}

QString GanttChart::toolTipFor(int job) const
{
    const JobBar &bar = m_timeline.bars.at(job);
    const JobRecord &record = m_run.jobs.at(job);
    QStringList lines{tr("%1: %2").arg(record.name, lookOf(bar.status).text)};
    const QString start = clock(m_timeline.timeAt(bar.startMs));
    const QString end = clock(m_timeline.timeAt(bar.expectedEndMs));

    switch (bar.kind) {
    case BarKind::NotRun:
        lines.append(tr("Did not run"));
        break;
    case BarKind::Finished:
        lines.append(tr("Started %1, ended %2").arg(start, end));
        lines.append(tr("Took %1").arg(duration(bar.endMs - bar.startMs)));
        break;
    case BarKind::Running:
        lines.append(tr("Started %1, expected to end %2").arg(start, end));
        lines.append(tr("Running for %1").arg(duration(bar.endMs - bar.startMs)));
        break;
    case BarKind::Estimated:
        lines.append(tr("Expected to start %1 and end %2").arg(start, end));
        break;
    }
    if (bar.kind != BarKind::Finished && bar.kind != BarKind::NotRun) {
        const QString expected = duration(bar.expectedDurationMs.value_or(0));
        switch (bar.durationSource) {
        case timeline::DurationSource::History:
            lines.append(tr("Took %1 last time").arg(expected));
            break;
        case timeline::DurationSource::Guess:
            lines.append(tr("No past duration; guessed %1").arg(expected));
            break;
        default:
            lines.append(tr("No past duration"));
            break;
        }
    }
    if (bar.attempts.size() > 1)
        lines.append(tr("%n attempt(s)", nullptr, int(bar.attempts.size())));
    if (bar.critical)
        lines.append(tr("On the critical path"));
    if (bar.clockSkew)
        lines.append(tr("Its recorded times contradict each other"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace pw::gui
