#include "app/synccontroller.h"

#include "app/session.h"
#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace gx {

SyncController::SyncController(QObject *parent)
    : QObject(parent)
{}

void SyncController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::sessionChanged,
                         [this] {
                             follow();
                         }},
                        {&Session::dataChanged,
                         [this] {
                             refreshCounts();
                         }},
                        {&Session::languageChanged, [this] {
                             emit statusChanged();
                         }}}))
        return;
    follow();
    emit sessionChanged();
}

SyncClient *SyncController::client() const
{
    return m_session ? m_session->syncClient() : nullptr;
}

void SyncController::follow()
{
    SyncClient *current = client();
    if (current != m_client) {
        for (const auto &connection : std::as_const(m_clientConnections))
            disconnect(connection);
        m_clientConnections.clear();
        m_client = current;
        if (current) {
            m_clientConnections = {
                connect(current, &SyncClient::stateChanged, this, &SyncController::statusChanged),
                connect(current, &SyncClient::lastSuccessChanged, this,
                        &SyncController::statusChanged),
                connect(current, &SyncClient::progressChanged, this,
                        [this] {
                            emit statusChanged();
                            refreshCounts();
                        }),
            };
        }
    }
    emit statusChanged();
    refreshCounts();
}

void SyncController::refreshCounts()
{
    BadgeCounts counts;
    if (m_session && m_session->store()) {
        auto read = m_session->store()->queries().badgeCounts();
        if (read)
            counts = read.value();
    }
    if (counts.pending == m_pending && counts.rejected == m_rejected &&
        counts.conflicts == m_conflicts && counts.reviewTasks == m_reviewTasks)
        return;
    m_pending = counts.pending;
    m_rejected = counts.rejected;
    m_conflicts = counts.conflicts;
    m_reviewTasks = counts.reviewTasks;
    emit countsChanged();
}

QString SyncController::state() const
{
    const SyncClient *c = client();
    return c ? c->stateName() : u"offline"_s;
}

bool SyncController::isSyncing() const
{
    const SyncClient *c = client();
    return c && c->state() == SyncState::Syncing;
}

QString SyncController::reason() const
{
    const SyncClient *c = client();
    return c ? c->reason() : QString();
}

QString SyncController::phase() const
{
    const SyncClient *c = client();
    return c ? c->phaseName() : QString();
}

int SyncController::progressDone() const
{
    const SyncClient *c = client();
    return c ? c->progressDone() : 0;
}

int SyncController::progressTotal() const
{
    const SyncClient *c = client();
    return c ? c->progressTotal() : 0;
}

QDateTime SyncController::lastSuccess() const
{
    const SyncClient *c = client();
    return c ? c->lastSuccess() : QDateTime();
}

QString SyncController::lastSuccessText() const
{
    const QDateTime at = lastSuccess();
    if (!at.isValid())
        return tr("not yet");
    return QLocale().toString(at.toLocalTime(), u"yyyy-MM-dd HH:mm"_s);
}

QString SyncController::phaseText() const
{
    const QString p = phase();
    if (p == u"push"_s)
        return tr("sending changes");
    if (p == u"pull"_s)
        return tr("receiving changes");
    if (p == u"forms"_s)
        return tr("fetching survey versions");
    if (p == u"fold"_s)
        return tr("merging duplicate surveys");
    if (p == u"upload"_s)
        return tr("uploading photos");
    return {};
}

QString SyncController::summary() const
{
    const SyncClient *c = client();
    if (!c)
        return tr("Not logged in.");
    switch (c->state()) {
    case SyncState::Idle:
        return c->lastSuccess().isValid() ? tr("Synced at %1.").arg(lastSuccessText())
                                          : tr("Not synced yet in this run.");
    case SyncState::Syncing:
        return progressTotal() > 0 ? tr("Syncing: %1 (%2 of %3).")
                                         .arg(phaseText())
                                         .arg(progressDone())
                                         .arg(progressTotal())
                                   : tr("Syncing: %1.").arg(phaseText());
    case SyncState::WaitingForNetwork:
        return tr("The server cannot be reached; retrying soon.");
    case SyncState::Failed:
        return tr("Sync failed; your changes are kept on this device.");
    case SyncState::NeedsLogin:
        return tr("Log in again (online) to sync; your changes are kept.");
    }
    return {};
}

void SyncController::syncNow()
{
    if (m_session)
        m_session->syncNow();
}

} // namespace gx
