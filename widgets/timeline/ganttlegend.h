#pragma once

#include <QWidget>

namespace pw::gui {

// What the marks of the run timeline mean: a sample of each beside its name.
class GanttLegend : public QWidget
{
    Q_OBJECT

public:
    explicit GanttLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList entries() const;
};

} // namespace pw::gui
