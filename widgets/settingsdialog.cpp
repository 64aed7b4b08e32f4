#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pw::gui {

SettingsDialog::SettingsDialog(const ConnectionSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_store(new QLineEdit(settings.store, this))
    , m_redis(new QLineEdit(settings.redis, this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_store->setPlaceholderText(tr("the file in your data folder"));
    m_redis->setPlaceholderText(tr("none: runs poll the store"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&History store:"), m_store);
    form->addRow(QString(), new QLabel(tr("An SQLite file, or postgresql://you@host/database to "
                                          "share runs and gates with your team. Passwords go in "
                                          "the keychain (pwctl login), never here."),
                                       this));
    form->addRow(tr("&Redis:"), m_redis);
    form->addRow(QString(), new QLabel(tr("redis://host:port, to hear of gates and runs on "
                                          "other workstations at once."),
                                       this));
    for (QLabel *hint : findChildren<QLabel *>()) {
        if (hint != m_problem)
            hint->setWordWrap(true);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

ConnectionSettings SettingsDialog::settings() const
{
    return {m_store->text().trimmed(), m_redis->text().trimmed()};
}

void SettingsDialog::accept()
{
    if (const Status checked = settings().check(); !checked) {
        m_problem->setText(checked.error().message);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace pw::gui
