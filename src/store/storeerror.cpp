#include "store/storeerror.h"

using namespace Qt::StringLiterals;

namespace gx {

QString StoreError::codeName() const
{
    switch (code) {
    case Code::Io:
        return u"io"_s;
    case Code::Locked:
        return u"locked"_s;
    case Code::Database:
        return u"database"_s;
    case Code::Migration:
        return u"migration"_s;
    case Code::DeviceMismatch:
        return u"device_mismatch"_s;
    case Code::NotFound:
        return u"not_found"_s;
    case Code::Deleted:
        return u"deleted"_s;
    case Code::AlreadyExists:
        return u"already_exists"_s;
    case Code::InvalidArgument:
        return u"invalid_argument"_s;
    case Code::InFlight:
        return u"in_flight"_s;
    case Code::BadChange:
        return u"bad_change"_s;
    case Code::ReadOnly:
        return u"read_only"_s;
    }
    return u"unknown"_s;
}

QString StoreError::toString() const
{
    return codeName() + u": "_s + message;
}

} // namespace gx
