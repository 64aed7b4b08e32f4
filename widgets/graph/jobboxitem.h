#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QIcon>
#include <QString>

#include <optional>

namespace pw::gui {

// How a job's state is drawn on its node. The run graph sets it; the editor draws nodes
// without one.
struct JobBoxStatus
{
    QString keyword; // "running", "success" ...: for tests and styling, never shown
    QString text;    // the translated word
    QColor colour;
    QIcon icon;
    QString elapsed; // empty until the job starts
    int attempt = 0;
    int maxAttempts = 0; // 0 when the run does not say
    QString reason;      // why it ended so, for the tooltip
};

// One job as a box: its name and, when given, its status as icon, word and colour, with
// elapsed time and attempt. Selectable; colours other than the status come from the palette.
class JobBoxItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 101 };

    JobBoxItem(int job, const QString &name, const QSizeF &size, QGraphicsItem *parent = nullptr);

    int job() const { return m_job; }
    QString name() const { return m_name; }
    // Keeps the item's top-left corner; the editor resizes when a name grows.
    void setSize(const QSizeF &size);

    void setStatus(const std::optional<JobBoxStatus> &status);
    const std::optional<JobBoxStatus> &status() const { return m_status; }
    // "2/3", "2" when the most attempts are unknown, empty before the first.
    QString attemptText() const;
    // The second line of the box: status word, elapsed time and attempt.
    QString detailText() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();

    int m_job = -1;
    QString m_name;
    QSizeF m_size;
    std::optional<JobBoxStatus> m_status;
};

} // namespace pw::gui
