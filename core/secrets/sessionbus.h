#pragma once

#include "core/util/result.h"

namespace pw::secrets {

// Whether a secret service (org.freedesktop.secrets) can be reached on the D-Bus session
// bus, asked without ever starting a bus: the bus comes from DBUS_SESSION_BUS_ADDRESS or
// $XDG_RUNTIME_DIR/bus, and an "autolaunch:" address is refused. Each D-Bus call waits at
// most `timeoutMs`. The error says what is missing, in a phrase that can follow "no keychain
// service is running: ".
Status checkSecretService(int timeoutMs);

} // namespace pw::secrets
