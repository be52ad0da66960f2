#include "syncclient/syncstep.h"

using namespace Qt::StringLiterals;

namespace gx {

StepOutcome StepOutcome::fromReply(const TransportReply &reply, const QString &what)
{
    switch (reply.kind) {
    case TransportReply::Kind::Ok:
        return done();
    case TransportReply::Kind::Unauthorized:
        return {Kind::Unauthorized, reply.error.message.isEmpty()
                                        ? u"the server refused the login token."_s
                                        : reply.error.message};
    case TransportReply::Kind::Refused:
        return {Kind::Failed, u"%1 was refused: %2."_s.arg(what, reply.reason)};
    case TransportReply::Kind::Transient:
        break;
    }
    return {Kind::Transient, u"%1 failed: %2."_s.arg(what, reply.reason)};
}

} // namespace gx
