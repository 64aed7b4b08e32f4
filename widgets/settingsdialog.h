#pragma once

#include "connectionsettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace pw::gui {

// Edits the connection settings: the history store (an SQLite file or a team's PostgreSQL
// database) and the Redis server for notifications. Refuses to close on a location it
// cannot read, saying which and why.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const ConnectionSettings &settings, QWidget *parent = nullptr);

    ConnectionSettings settings() const;
    QLineEdit *storeField() const { return m_store; }
    QLineEdit *redisField() const { return m_redis; }
    QLabel *problemLabel() const { return m_problem; }

    void accept() override;

private:
    QLineEdit *m_store = nullptr;
    QLineEdit *m_redis = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace pw::gui
