#include "app/appenvironment.h"

#include <QDateTime>

namespace gx {

qint64 AppEnvironment::now() const
{
    return clock ? clock() : QDateTime::currentMSecsSinceEpoch();
}

} // namespace gx
