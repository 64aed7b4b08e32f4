#include "gatetray.h"

#include "core/store/gaterules.h"

#include <QLocale>
#include <QSystemTrayIcon>

namespace pw::gui {

QString GateTray::messageTitle(const WaitingGate &gate)
{
    return tr("Run %1 of %2 waits for your decision").arg(gate.runId).arg(gate.pipeline);
}

QString GateTray::messageText(const WaitingGate &gate)
{
    QString text = tr("The gate of stage %1 has %2 of %3 approvals.")
                       .arg(gate.stageName)
                       .arg(approvalCount(gate.gate))
                       .arg(gate.gate.required);
    if (gate.gate.deadline.isValid()) {
        text +=
            QLatin1Char(' ')
            + tr("Deadline: %1.")
                  .arg(QLocale().toString(gate.gate.deadline.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

GateTray::GateTray(const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(icon, this))
{
    m_icon->setToolTip(tr("Pipewright"));
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_shownRun != 0)
            emit gateClicked(m_shownRun, m_shownStage);
    });
    connect(m_icon, &QSystemTrayIcon::activated, this, &GateTray::activated);
    m_icon->show();
}

GateTray::~GateTray() = default;

void GateTray::notify(const WaitingGate &gate)
{
    // A tray shows one message at a time: a click goes to the one shown last.
    m_shownRun = gate.runId;
    m_shownStage = gate.stage;
    m_icon->showMessage(messageTitle(gate), messageText(gate), QSystemTrayIcon::Information, 15000);
}

} // namespace pw::gui
