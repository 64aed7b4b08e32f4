#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QIcon>
#include <QString>

#include <optional>

namespace pw::gui {

// A word with its colour and icon, shown in a lane's header: the stage's status, its gate.
struct LaneBadge
{
    QString keyword; // for tests and styling, never shown
    QString text;
    QColor colour;
    QIcon icon;
};

// A stage as a lane behind its jobs: a band with the stage's name in its header and, when
// given, the stage's status and its gate as badges. Sits below nodes and edges.
class StageLaneItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 102 };

    StageLaneItem(int stage, const QString &name, QGraphicsItem *parent = nullptr);

    int stage() const { return m_stage; }
    QString name() const { return m_name; }
    // The whole lane and the strip at its top for the header, in scene units.
    void setGeometry(const QRectF &box, const QRectF &header);
    QRectF header() const { return m_header; }

    void setStatus(const std::optional<LaneBadge> &status);
    const std::optional<LaneBadge> &status() const { return m_status; }
    void setGate(const std::optional<LaneBadge> &gate);
    const std::optional<LaneBadge> &gate() const { return m_gate; }

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_box; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();

    int m_stage = -1;
    QString m_name;
    QRectF m_box;
    QRectF m_header;
    std::optional<LaneBadge> m_status;
    std::optional<LaneBadge> m_gate;
};

} // namespace pw::gui
