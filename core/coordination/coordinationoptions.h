#pragma once

#include "core/util/duration.h"

namespace pw {

struct CoordinationOptions
{
    // How often a waiting gate is read again when nobody says it was decided.
    Milliseconds gatePollInterval{3000};
    // How often a run waiting for a resource asks whether it is free.
    Milliseconds claimPollInterval{1000};
    // A claim not renewed for this long is taken for dead (its workstation went away);
    // claims are renewed four times within it.
    Milliseconds claimLifetime{30000};
};

} // namespace pw
