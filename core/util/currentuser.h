#pragma once

#include <QString>

namespace pw {

// The operating-system user running this process: who starts runs on an embedded store.
QString currentUser();

} // namespace pw
