#include "syncclient/syncstatus.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace gx {

QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::Idle:
        return u"idle"_s;
    case SyncState::Syncing:
        return u"syncing"_s;
    case SyncState::WaitingForNetwork:
        return u"waiting_for_network"_s;
    case SyncState::Failed:
        return u"failed"_s;
    case SyncState::NeedsLogin:
        return u"needs_login"_s;
    }
    return {};
}

QString syncPhaseName(SyncPhase phase)
{
    switch (phase) {
    case SyncPhase::None:
        return {};
    case SyncPhase::Push:
        return u"push"_s;
    case SyncPhase::Pull:
        return u"pull"_s;
    case SyncPhase::Forms:
        return u"forms"_s;
    case SyncPhase::Fold:
        return u"fold"_s;
    case SyncPhase::Upload:
        return u"upload"_s;
    }
    return {};
}

bool SyncStatus::moveTo(SyncState state, const QString &reason)
{
    if (m_state == state && m_reason == reason)
        return false;
    m_state = state;
    m_reason = reason;
    return true;
}

bool SyncStatus::begin()
{
    if (m_state == SyncState::NeedsLogin || m_state == SyncState::Syncing)
        return false;
    m_done = 0;
    m_total = 0;
    m_phase = SyncPhase::None;
    return moveTo(SyncState::Syncing, {});
}

bool SyncStatus::resume()
{
    if (m_state != SyncState::WaitingForNetwork)
        return false;
    return moveTo(SyncState::Syncing, {});
}

bool SyncStatus::waitForNetwork(const QString &reason)
{
    if (m_state == SyncState::NeedsLogin)
        return false;
    return moveTo(SyncState::WaitingForNetwork, reason);
}

bool SyncStatus::fail(const QString &reason)
{
    if (m_state == SyncState::NeedsLogin)
        return false;
    m_phase = SyncPhase::None;
    return moveTo(SyncState::Failed, reason);
}

bool SyncStatus::needLogin(const QString &reason)
{
    m_phase = SyncPhase::None;
    return moveTo(SyncState::NeedsLogin, reason);
}

bool SyncStatus::loggedIn()
{
    if (m_state != SyncState::NeedsLogin)
        return false;
    return moveTo(SyncState::Idle, {});
}

bool SyncStatus::succeed(qint64 nowMillis)
{
    if (m_state != SyncState::Syncing)
        return false;
    m_lastSuccess = nowMillis;
    m_phase = SyncPhase::None;
    moveTo(SyncState::Idle, {});
    return true;
}

bool SyncStatus::setPhase(SyncPhase phase)
{
    if (m_phase == phase)
        return false;
    m_phase = phase;
    return true;
}

bool SyncStatus::setProgress(int done, int total)
{
    if (m_done == done && m_total == total)
        return false;
    m_done = done;
    m_total = total;
    return true;
}

QString SyncStatus::summary() const
{
    const QString last =
        m_lastSuccess > 0
            ? QDateTime::fromMSecsSinceEpoch(m_lastSuccess, Qt::UTC).toString(Qt::ISODate)
            : u"never"_s;
    switch (m_state) {
    case SyncState::Idle:
        return u"Idle; last synced %1."_s.arg(last);
    case SyncState::Syncing:
        return u"Syncing (%1): %2 of %3."_s.arg(syncPhaseName(m_phase)).arg(m_done).arg(m_total);
    case SyncState::WaitingForNetwork:
        return u"Waiting for the network: %1 Last synced %2."_s.arg(m_reason, last);
    case SyncState::Failed:
        return u"Sync failed: %1 Last synced %2."_s.arg(m_reason, last);
    case SyncState::NeedsLogin:
        return u"Log in again to sync: %1"_s.arg(m_reason);
    }
    return {};
}

} // namespace gx
