#pragma once

#include "syncclient/backoff.h"
#include "syncclient/blobuploader.h"
#include "syncclient/changepuller.h"
#include "syncclient/formfetcher.h"
#include "syncclient/outboxpusher.h"
#include "syncclient/syncoptions.h"
#include "syncclient/syncstatus.h"
#include "syncclient/syncstep.h"
#include "syncclient/synctransport.h"
#include "syncclient/tokenstore.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace gx {

class DeviceStore;
class NetworkWatcher;

/**
 * The device side of sync (docs/design.md "Sync"): logs in, then in each cycle pushes the outbox in
 * batches, pulls the change feed page by page, folds surveys the server refused as
 * `duplicate_survey` into the existing one (and pushes and pulls once more), and uploads
 * pending photos with resume, in that order.
 *
 * Everything it depends on is injected: the store, the QNetworkAccessManager, the server's base
 * URL, the wall clock (Unix ms) and the random source of the backoff, so that tests drive it
 * against a real server with known timings. Use it from the store's thread.
 *
 * Failures: no answer, a cut or garbled answer, 5xx, 408 and 429 are retried with exponential
 * backoff and jitter (state `waiting_for_network`) up to SyncOptions::maxAttempts consecutive
 * failures, then the cycle ends `failed` with the reason; each step resumes where it stood
 * (the outbox's ids make a resent push harmless, the cursor moves only with an applied page,
 * an upload continues from the bytes the server holds). A 401 forgets the token and ends in
 * `needs_login`, the outbox untouched. A rejected mutation is not retried; it stays in the
 * outbox with its reason until its record is edited again.
 *
 * The token: read from the TokenStore (the keychain, or the 0600 file beside the store) when
 * the client is made. That read answers later when the keychain is asked: until then the
 * client is not logged in but its state stays `idle` (only a read that found no token makes
 * it `needs_login`), and a sync() asked for meanwhile starts once it is known.
 *
 * Triggers: sync() on demand; a timer (SyncOptions::periodicMillis) while online and logged
 * in; and the network coming back, when a NetworkWatcher is set.
 */
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString state READ stateName NOTIFY stateChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(QString phase READ phaseName NOTIFY progressChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY progressChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY lastSuccessChanged)
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY loggedInChanged)

public:
    /**
     * tokens: where the login token is kept (TokenStore::fileOnly(store.path()) for the file
     * alone); random: uniform in [0, 1) for the backoff's jitter (empty: QRandomGenerator).
     */
    SyncClient(DeviceStore &store, TokenStore tokens, QNetworkAccessManager *network,
               const QUrl &serverUrl, std::function<qint64()> wallClockMillis,
               SyncOptions options = {}, std::function<double()> random = {},
               QObject *parent = nullptr);
    ~SyncClient() override;

    [[nodiscard]] SyncState state() const { return m_status.state(); }
    [[nodiscard]] QString stateName() const { return syncStateName(m_status.state()); }
    [[nodiscard]] QString reason() const { return m_status.reason(); }
    [[nodiscard]] QString summary() const { return m_status.summary(); }
    [[nodiscard]] QString phaseName() const { return syncPhaseName(m_status.phase()); }
    [[nodiscard]] int progressDone() const { return m_status.done(); }
    [[nodiscard]] int progressTotal() const { return m_status.total(); }
    /** Invalid until a cycle succeeded in this run. */
    [[nodiscard]] QDateTime lastSuccess() const;
    [[nodiscard]] bool isLoggedIn() const { return m_session.has_value(); }
    /** The logged-in user's session, when there is one. */
    [[nodiscard]] const std::optional<SessionToken> &session() const { return m_session; }
    /** What the latest cycle did (the running one while it runs). */
    [[nodiscard]] const SyncReport &lastReport() const { return m_report; }
    /** The token file (used when the keychain cannot take the token). */
    [[nodiscard]] const QString &tokenFilePath() const { return m_tokens.slot().file; }
    /** Whether the saved token is still being read (the keychain answers asynchronously). */
    [[nodiscard]] bool isLoadingToken() const { return m_loadingToken; }

    /** Follows the watcher: no attempts while offline, a sync when it comes back. */
    void setNetworkWatcher(NetworkWatcher *watcher);

public slots:
    /** POST /api/v1/login; the token goes to the token file. Answers with loginFinished(). */
    void login(const QString &username, const QString &password);
    /**
     * Uses a token a login elsewhere (the app's LoginFlow) has just saved in the same
     * TokenStore; a read of the saved token still under way is dropped.
     */
    void adoptSession(const SessionToken &session);
    /** Forgets the token on this device (the outbox stays). */
    void forgetLogin();
    /** Starts a cycle, or asks for one more after the running one. Answers with syncFinished(). */
    void sync();

signals:
    void stateChanged();
    void progressChanged();
    void lastSuccessChanged();
    void loggedInChanged();
    /** A phase of the cycle begins ("push", "pull", "forms", "fold", "upload"). */
    void phaseStarted(const QString &phase);
    void loginFinished(bool ok, const QString &message);
    /** A cycle (with any asked for meanwhile) ended: idle (true), failed or needs_login. */
    void syncFinished(bool ok);

private:
    void tokenLoaded(int generation,
                     const Result<std::optional<SessionToken>, TokenFileError> &read);
    void forgetToken();
    void runPhase(SyncPhase phase);
    void stepFinished(SyncPhase phase, const StepOutcome &outcome);
    void afterPull();
    [[nodiscard]] StepCallbacks callbacks(SyncPhase phase);
    [[nodiscard]] std::optional<StepOutcome> foldDuplicates(int &folded);
    void retryLater(SyncPhase phase, const QString &reason);
    void retryNow();
    void endCycle(bool ok, const QString &reason = {});
    void unauthorized(const QString &reason);
    void onlineChanged(bool online);
    void updatePeriodicTimer();
    [[nodiscard]] bool isOnline() const;
    void progressed(int done, int known);
    void mergeReport();

    DeviceStore &m_store;
    std::function<qint64()> m_wallClockMillis;
    SyncOptions m_options;
    SyncTransport m_transport;
    TokenStore m_tokens;
    std::optional<SessionToken> m_session;
    SyncStatus m_status;
    Backoff m_backoff;
    OutboxPusher m_pusher;
    ChangePuller m_puller;
    FormFetcher m_forms;
    BlobUploader m_uploader;
    QTimer m_retryTimer;
    QTimer m_periodicTimer;
    QPointer<NetworkWatcher> m_watcher;
    SyncReport m_report;
    SyncPhase m_retryPhase = SyncPhase::None;
    bool m_again = false;
    bool m_foldedThisCycle = false;
    bool m_loadingToken = false;
    bool m_syncWhenLoaded = false;
    int m_tokenGeneration = 0; ///< moves on at a login or a logout: a late read is stale
};

} // namespace gx
