#include "sync/records/recordscope.h"

using namespace Qt::StringLiterals;

namespace gx::server {

AccessScope::AccessScope(const AuthedUser &user)
{
    switch (user.role) {
    case Role::Inspector:
        m_column = u"region"_s;
        m_value = user.region;
        break;
    case Role::Enterprise:
        m_column = u"enterprise"_s;
        m_value = user.enterprise;
        break;
    case Role::Office:
    case Role::Admin:
        break;
    }
}

bool AccessScope::covers(const RecordScope &scope) const
{
    if (isEverything())
        return true;
    if (scope.isCityWide())
        return false;
    // A user whose own region or enterprise is unset sees nothing rather than every record
    // whose column is unset.
    if (m_value.isEmpty())
        return false;
    return (m_column == "region"_L1 ? scope.region : scope.enterprise) == m_value;
}

bool AccessScope::mayRead(const RecordScope &scope) const
{
    return scope.isCityWide() || covers(scope);
}

} // namespace gx::server
