#include "settingsdialog.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/store/storelocation.h"
#include "core/store/storelogin.h"
#include "widgets/store/storereader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pw::gui {

namespace {

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *hint = new QLabel(text, parent);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    return hint;
}

} // namespace

SettingsDialog::SettingsDialog(const ConnectionSettings &settings, StoreReader *reader,
                               QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_redis(new QLineEdit(settings.redis, this))
    , m_workers(new QSpinBox(this))
    , m_identity(new QLabel(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_kind->addItem(tr("Embedded file (SQLite)"));
    m_kind->addItem(tr("Team database (PostgreSQL)"));
    m_pages->addWidget(createFilePage());
    m_pages->addWidget(createServerPage());
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    setStoreLocation(settings.store);

    m_redis->setPlaceholderText(tr("none: runs poll the store"));
    m_workers->setRange(0, ConnectionSettings::maxWorkers);
    m_workers->setSpecialValueText(tr("one per processor core"));
    m_workers->setValue(settings.workers);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identity->setTextFormat(Qt::PlainText);
    m_identity->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setForegroundRole(QPalette::Highlight);
    m_problem->hide();

    auto *store = new QGroupBox(tr("History store"), this);
    auto *storeLayout = new QFormLayout(store);
    storeLayout->addRow(tr("&Kind:"), m_kind);
    storeLayout->addRow(m_pages);
    storeLayout->addRow(m_identity);

    auto *others = new QFormLayout;
    others->addRow(tr("&Redis:"), m_redis);
    others->addRow(QString(), hintLabel(tr("redis://host:port, to hear of gates and runs on "
                                           "other workstations at once."),
                                        this));
    others->addRow(tr("&Workers:"), m_workers);
    others->addRow(QString(), hintLabel(tr("How many jobs of a run may run at once."), this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(store);
    layout->addLayout(others);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    if (!reader) {
        m_identity->hide();
        return;
    }
    m_identity->setText(tr("Reading who you are to the store in use…"));
    const quint64 request = reader->readLogin();
    connect(reader, &StoreReader::loginRead, this,
            [this, request](quint64 answered, const QString &login, const QString &error) {
                if (answered != request)
                    return;
                m_identity->setText(
                    error.isEmpty()
                        ? tr("Gates you approve or reject in the store in use are recorded "
                             "as %1.")
                              .arg(login)
                        : tr("The store in use cannot say who you are: %1").arg(error));
            });
}

QWidget *SettingsDialog::createFilePage()
{
    auto *page = new QWidget(this);
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("storeFile"));
    m_file->setPlaceholderText(tr("the file in your data folder"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseFile);

    auto *row = new QHBoxLayout;
    row->addWidget(m_file, 1);
    row->addWidget(browse);
    auto *form = new QFormLayout(page);
    form->setContentsMargins({});
    form->addRow(tr("&File:"), row);
    form->addRow(QString(), hintLabel(tr("Runs, logs and gates of this workstation only."), page));
    return page;
}

QWidget *SettingsDialog::createServerPage()
{
    auto *page = new QWidget(this);
    m_host = new QLineEdit(page);
    m_host->setPlaceholderText(tr("this machine's socket"));
    m_port = new QSpinBox(page);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (5432)"));
    m_database = new QLineEdit(page);
    m_user = new QLineEdit(page);
    m_user->setPlaceholderText(tr("your login name"));
    m_password = new QLineEdit(page);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged"));

    auto *form = new QFormLayout(page);
    form->setContentsMargins({});
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), hintLabel(tr("Shares runs and gates with your team. A password is "
                                         "tried on the server, then kept in the keychain, "
                                         "never in the settings."),
                                      page));
    return page;
}

void SettingsDialog::setStoreLocation(const QString &location)
{
    const Result<StoreLocation> parsed = location.trimmed().isEmpty()
                                             ? Result<StoreLocation>(Error{QString()})
                                             : parseStoreLocation(location.trimmed());
    const bool team = parsed.ok() && parsed->kind == StoreLocation::Kind::Postgres;
    m_kind->setCurrentIndex(team ? TeamStore : EmbeddedStore);
    m_pages->setCurrentIndex(m_kind->currentIndex());
    if (!team) {
        // An unreadable location stays visible as typed, so that accept() can say why.
        m_file->setText(parsed.ok() ? parsed->path : location.trimmed());
        return;
    }
    m_host->setText(parsed->host);
    m_port->setValue(qMax(0, parsed->port));
    m_database->setText(parsed->database);
    m_user->setText(parsed->user);
    m_serverOptions = parsed->options;
}

QString SettingsDialog::storeText() const
{
    if (m_kind->currentIndex() == EmbeddedStore)
        return m_file->text().trimmed();

    StoreLocation location;
    location.kind = StoreLocation::Kind::Postgres;
    location.host = m_host->text().trimmed();
    location.port = m_port->value() > 0 ? m_port->value() : -1;
    location.user = m_user->text().trimmed();
    location.database = m_database->text().trimmed();
    location.options = m_serverOptions;
    return location.text();
}

ConnectionSettings SettingsDialog::settings() const
{
    ConnectionSettings settings;
    settings.store = storeText();
    settings.redis = m_redis->text().trimmed();
    settings.workers = m_workers->value();
    return settings;
}

void SettingsDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("History Store"), m_file->text(),
                                   tr("SQLite files (*.sqlite *.db);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    connect(dialog, &QFileDialog::fileSelected, m_file, &QLineEdit::setText);
    dialog->open();
}

void SettingsDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(true);
}

void SettingsDialog::accept()
{
    const ConnectionSettings chosen = settings();
    if (const Status checked = chosen.check(); !checked)
        return showProblem(checked.error().message);
    if (m_kind->currentIndex() == TeamStore && m_database->text().trimmed().isEmpty())
        return showProblem(tr("History store: name the database"));

    if (m_kind->currentIndex() == TeamStore && !m_password->text().isEmpty())
        return keepPassword(chosen.store);
    QDialog::accept();
}

// The password is tried on the server first, off the GUI thread, so that a typing error
// is told now rather than at the next start; only then does the keychain keep it.
void SettingsDialog::keepPassword(const QString &location)
{
    const Result<StoreLocation> parsed = parseStoreLocation(location);
    if (!parsed)
        return showProblem(tr("History store: %1").arg(parsed.error().message));

    m_ok->setEnabled(false);
    m_problem->setText(tr("Trying the password on %1…").arg(parsed->display()));
    m_problem->show();

    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, location = *parsed] {
        watcher->deleteLater();
        onLoginChecked(location, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([location = *parsed, password = m_password->text()] {
        return checkStoreLogin(location, password);
    }));
}

void SettingsDialog::onLoginChecked(const StoreLocation &location, const Status &checked)
{
    if (!checked) {
        return showProblem(tr("Cannot log in to %1: %2. The password was not kept.")
                               .arg(location.display(), checked.error().message));
    }

    KeychainSecretStore keychain;
    keychain.setStorePassword(location, m_password->text(), this, [this](const Status &kept) {
        if (!kept) {
            return showProblem(tr("The server took the password, but the keychain did not "
                                  "keep it: %1")
                                   .arg(kept.error().message));
        }
        m_password->clear();
        QDialog::accept();
    });
}

} // namespace pw::gui
