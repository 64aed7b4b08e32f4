#pragma once

#include "connectionsettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace pw {
struct StoreLocation;
}

namespace pw::gui {

class StoreReader;

// Edits the settings: the history store (the embedded SQLite file, or a team's PostgreSQL
// database by server, port, database and login, with a password that goes to the keychain
// once the server took it), the Redis server for notifications, and how many jobs run at
// once. Shows the identity gate decisions are recorded under. Refuses to close on a value it
// cannot use, saying which and why.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `reader`, when given, is the store in use, asked for the identity of approvals.
    explicit SettingsDialog(const ConnectionSettings &settings, StoreReader *reader = nullptr,
                            QWidget *parent = nullptr);

    ConnectionSettings settings() const;
    // Fills the store fields from a location as pwctl's --db takes it.
    void setStoreLocation(const QString &location);

    QComboBox *storeKindField() const { return m_kind; }
    QLineEdit *storeFileField() const { return m_file; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QLineEdit *databaseField() const { return m_database; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *redisField() const { return m_redis; }
    QSpinBox *workersField() const { return m_workers; }
    QLabel *identityLabel() const { return m_identity; }
    QLabel *problemLabel() const { return m_problem; }

    void accept() override;

private:
    enum StoreKind { EmbeddedStore, TeamStore };

    QWidget *createFilePage();
    QWidget *createServerPage();
    QString storeText() const;
    void chooseFile();
    void showProblem(const QString &problem);
    void keepPassword(const QString &location);
    void onLoginChecked(const StoreLocation &location, const Status &checked);

    QComboBox *m_kind = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QStringList m_serverOptions; // connection options of the location read, kept as they were
    QLineEdit *m_redis = nullptr;
    QSpinBox *m_workers = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace pw::gui
