#pragma once

#include "app/session.h"

#include <QDateTime>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

class Session;
class SyncClient;

/**
 * The sync state as the status line and the sync screen show it: the engine's state, a readable
 * summary in the UI's language and the reason of a failure, the phase and progress of a running
 * cycle, the last success, and the store's badge counts (pending, rejected, conflicts, review
 * tasks), refreshed when the data or the sync progress changes. syncNow() starts a cycle.
 */
class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString state READ state NOTIFY statusChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY statusChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY statusChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY statusChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY statusChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY statusChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY statusChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY statusChanged)
    Q_PROPERTY(QString lastSuccessText READ lastSuccessText NOTIFY statusChanged)
    Q_PROPERTY(int pending READ pending NOTIFY countsChanged)
    Q_PROPERTY(int rejected READ rejected NOTIFY countsChanged)
    Q_PROPERTY(int conflicts READ conflicts NOTIFY countsChanged)
    Q_PROPERTY(int reviewTasks READ reviewTasks NOTIFY countsChanged)

public:
    explicit SyncController(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);

    /** idle | syncing | waiting_for_network | failed | needs_login | offline (no user). */
    [[nodiscard]] QString state() const;
    [[nodiscard]] bool isSyncing() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString reason() const;
    [[nodiscard]] QString phase() const;
    [[nodiscard]] int progressDone() const;
    [[nodiscard]] int progressTotal() const;
    [[nodiscard]] QDateTime lastSuccess() const;
    [[nodiscard]] QString lastSuccessText() const;
    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] int rejected() const { return m_rejected; }
    [[nodiscard]] int conflicts() const { return m_conflicts; }
    [[nodiscard]] int reviewTasks() const { return m_reviewTasks; }

    /** Starts a sync now (see Session::syncNow()). */
    Q_INVOKABLE void syncNow();
    /** Re-reads the badge counts from the store. */
    Q_INVOKABLE void refreshCounts();

signals:
    void sessionChanged();
    void statusChanged();
    void countsChanged();

private:
    void follow();
    [[nodiscard]] SyncClient *client() const;
    [[nodiscard]] QString phaseText() const;

    QPointer<Session> m_session;
    QPointer<SyncClient> m_client;
    QList<QMetaObject::Connection> m_clientConnections;
    int m_pending = 0;
    int m_rejected = 0;
    int m_conflicts = 0;
    int m_reviewTasks = 0;
};

} // namespace gx
