#pragma once

#include <QLabel>

namespace pw::gui {

// The status bar's word on the history store while a run writes to it: hidden while the
// store answers; when it does not, it says so with the reason and that the run's records are
// held (they are written once it answers again).
class StoreStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit StoreStatusLabel(QWidget *parent = nullptr);

    bool isStoreAvailable() const { return m_available; }

public slots:
    void setAvailability(bool available, const QString &message);

private:
    bool m_available = true;
};

} // namespace pw::gui
