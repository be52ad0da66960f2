#include "store/storetypes.h"

using namespace Qt::StringLiterals;

namespace gx {

QString localStateName(LocalState state)
{
    switch (state) {
    case LocalState::Synced:
        return u"synced"_s;
    case LocalState::Pending:
        return u"pending"_s;
    case LocalState::Conflicted:
        return u"conflicted"_s;
    case LocalState::Rejected:
        return u"rejected"_s;
    }
    return u"unknown"_s;
}

} // namespace gx
