#include "syncclient/syncclient.h"

#include "store/devicestore.h"
#include "syncclient/logging.h"
#include "syncclient/networkwatcher.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kLoginPath = u"/api/v1/login"_s;

} // namespace

SyncClient::SyncClient(DeviceStore &store, TokenStore tokens, QNetworkAccessManager *network,
                       const QUrl &serverUrl, std::function<qint64()> wallClockMillis,
                       SyncOptions options, std::function<double()> random, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_wallClockMillis(std::move(wallClockMillis))
    , m_options(options)
    , m_transport(network, serverUrl, options.timeoutMillis, this)
    , m_tokens(std::move(tokens))
    , m_backoff(options.backoff, std::move(random))
    , m_pusher(store, m_transport, store.deviceId(), options.pushBatchSize)
    , m_puller(store, m_transport, options.pullPageSize)
    , m_forms(store, m_transport)
    , m_uploader(store, m_transport, options.uploadChunkBytes)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncClient::retryNow);
    connect(&m_periodicTimer, &QTimer::timeout, this, [this] {
        if (m_status.state() != SyncState::Syncing &&
            m_status.state() != SyncState::WaitingForNetwork)
            sync();
    });

    m_loadingToken = true;
    const int generation = m_tokenGeneration;
    m_tokens.read(this, [this, generation](const auto &read) { tokenLoaded(generation, read); });
}

void SyncClient::tokenLoaded(int generation,
                             const Result<std::optional<SessionToken>, TokenFileError> &read)
{
    if (generation != m_tokenGeneration)
        return; // a login or a logout came first
    m_loadingToken = false;
    if (!read)
        qCWarning(lcSync) << "the saved login is unusable:" << read.error().message;
    m_session = read ? read.value() : std::nullopt;
    if (m_session) {
        m_transport.setToken(m_session->token);
        emit loggedInChanged();
    } else {
        m_status.needLogin(u"Not logged in on this device."_s);
        emit stateChanged();
    }
    updatePeriodicTimer();
    if (std::exchange(m_syncWhenLoaded, false))
        sync();
}

void SyncClient::adoptSession(const SessionToken &session)
{
    ++m_tokenGeneration;
    m_loadingToken = false;
    m_session = session;
    m_transport.setToken(session.token);
    if (m_status.loggedIn())
        emit stateChanged();
    emit loggedInChanged();
    updatePeriodicTimer();
    if (std::exchange(m_syncWhenLoaded, false))
        sync();
}

void SyncClient::forgetToken()
{
    ++m_tokenGeneration;
    m_loadingToken = false;
    m_tokens.remove(this, [](const Status<TokenFileError> &removed) {
        if (!removed)
            qCWarning(lcSync) << "the token could not be forgotten:" << removed.error().message;
    });
}

SyncClient::~SyncClient()
{
    m_transport.abortAll();
}

QDateTime SyncClient::lastSuccess() const
{
    const qint64 at = m_status.lastSuccessMillis();
    return at > 0 ? QDateTime::fromMSecsSinceEpoch(at, Qt::UTC) : QDateTime();
}

void SyncClient::setNetworkWatcher(NetworkWatcher *watcher)
{
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    m_watcher = watcher;
    if (watcher)
        connect(watcher, &NetworkWatcher::onlineChanged, this, &SyncClient::onlineChanged);
    updatePeriodicTimer();
}

bool SyncClient::isOnline() const
{
    return !m_watcher || m_watcher->isOnline();
}

void SyncClient::updatePeriodicTimer()
{
    if (m_options.periodicMillis > 0 && m_session && isOnline()) {
        if (!m_periodicTimer.isActive())
            m_periodicTimer.start(m_options.periodicMillis);
    } else {
        m_periodicTimer.stop();
    }
}

void SyncClient::onlineChanged(bool online)
{
    qCInfo(lcSync) << (online ? "the network is back" : "the network is gone");
    updatePeriodicTimer();
    if (!online)
        return;
    if (m_status.state() == SyncState::WaitingForNetwork) {
        m_retryTimer.stop();
        retryNow();
    } else if (m_session) {
        sync();
    }
}

// ---- Login --------------------------------------------------------------------------------

void SyncClient::login(const QString &username, const QString &password)
{
    const QJsonObject body{{u"username"_s, username}, {u"password"_s, password}};
    m_transport.postJson(kLoginPath, body, [this, username](const TransportReply &reply) {
        if (!reply.ok()) {
            const QString message = reply.error.message.isEmpty()
                                        ? u"The login failed: %1."_s.arg(reply.reason)
                                        : reply.error.message;
            qCInfo(lcSync) << "login refused:" << message;
            emit loginFinished(false, message);
            return;
        }
        const auto text = [&reply](QLatin1StringView name) {
            return reply.json.value(name).toString();
        };
        SessionToken session{text("token"_L1),      username,
                             text("role"_L1),       text("region"_L1),
                             text("enterprise"_L1), m_transport.baseUrl().toString(),
                             m_wallClockMillis()};
        if (session.token.isEmpty()) {
            emit loginFinished(false, u"The server's answer to the login held no token."_s);
            return;
        }
        m_tokens.write(session, this, [this, session](const Status<TokenFileError> &done) {
            if (!done) {
                emit loginFinished(false,
                                   u"The login could not be saved: %1"_s.arg(done.error().message));
                return;
            }
            qCInfo(lcSync) << "logged in as" << session.username << "(" << session.role << ")";
            adoptSession(session);
            emit loginFinished(true, {});
        });
    });
}

void SyncClient::forgetLogin()
{
    forgetToken();
    const bool was = m_session.has_value();
    m_session.reset();
    m_transport.setToken({});
    updatePeriodicTimer();
    if (m_status.needLogin(u"Logged out on this device."_s))
        emit stateChanged();
    if (was)
        emit loggedInChanged();
}

void SyncClient::unauthorized(const QString &reason)
{
    qCInfo(lcSync) << "the server refused the token:" << reason;
    m_retryTimer.stop();
    m_again = false;
    forgetToken();
    m_session.reset();
    m_transport.setToken({});
    updatePeriodicTimer();
    m_status.needLogin(reason);
    emit stateChanged();
    emit progressChanged();
    emit loggedInChanged();
    emit syncFinished(false);
}

// ---- The cycle ----------------------------------------------------------------------------

void SyncClient::sync()
{
    if (m_loadingToken) {
        m_syncWhenLoaded = true;
        return;
    }
    if (!m_session) {
        m_status.needLogin(m_status.reason().isEmpty() ? u"Not logged in on this device."_s
                                                       : m_status.reason());
        emit stateChanged();
        emit syncFinished(false);
        return;
    }
    if (m_status.state() == SyncState::Syncing) {
        m_again = true;
        return;
    }
    if (m_status.state() == SyncState::WaitingForNetwork) {
        // Asked for now: try at once rather than at the end of the wait.
        m_again = true;
        m_retryTimer.stop();
        retryNow();
        return;
    }
    if (!m_status.begin())
        return;
    m_report = {};
    m_pusher.report() = {};
    m_puller.report() = {};
    m_uploader.report() = {};
    m_foldedThisCycle = false;
    m_backoff.reset();
    emit stateChanged();
    emit progressChanged();
    if (!isOnline()) {
        m_retryPhase = SyncPhase::Push;
        m_status.waitForNetwork(u"The device is offline."_s);
        emit stateChanged();
        return;
    }
    runPhase(SyncPhase::Push);
}

StepCallbacks SyncClient::callbacks(SyncPhase phase)
{
    return {[this] { m_backoff.reset(); }, [this](int done, int known) { progressed(done, known); },
            [this, phase](const StepOutcome &outcome) {
                stepFinished(phase, outcome);
            }};
}

void SyncClient::progressed(int done, int known)
{
    const int newDone = m_status.done() + done;
    const int newTotal = std::max(m_status.total() + known, newDone);
    if (m_status.setProgress(newDone, newTotal))
        emit progressChanged();
}

void SyncClient::runPhase(SyncPhase phase)
{
    m_status.setPhase(phase);
    emit progressChanged();
    emit phaseStarted(syncPhaseName(phase));
    switch (phase) {
    case SyncPhase::Push:
        m_pusher.start(callbacks(phase));
        return;
    case SyncPhase::Pull:
        m_puller.start(callbacks(phase));
        return;
    case SyncPhase::Forms:
        m_forms.start(callbacks(phase));
        return;
    case SyncPhase::Upload:
        m_uploader.start(callbacks(phase));
        return;
    case SyncPhase::Fold:
    case SyncPhase::None:
        break;
    }
    afterPull();
}

void SyncClient::mergeReport()
{
    m_report.pushed = m_pusher.report().pushed;
    m_report.conflicts = m_pusher.report().conflicts;
    m_report.rejected = m_pusher.report().rejected;
    m_report.pulled = m_puller.report().pulled;
    m_report.forms = m_forms.fetched();
    m_report.uploaded = m_uploader.report().uploaded;
}

void SyncClient::stepFinished(SyncPhase phase, const StepOutcome &outcome)
{
    mergeReport();
    switch (outcome.kind) {
    case StepOutcome::Kind::Complete:
        break;
    case StepOutcome::Kind::Transient:
        retryLater(phase, outcome.reason);
        return;
    case StepOutcome::Kind::Unauthorized:
        unauthorized(outcome.reason);
        return;
    case StepOutcome::Kind::Failed:
        endCycle(false, outcome.reason);
        return;
    }
    switch (phase) {
    case SyncPhase::Push:
        runPhase(SyncPhase::Pull);
        return;
    case SyncPhase::Pull:
        runPhase(SyncPhase::Forms);
        return;
    case SyncPhase::Forms:
        afterPull();
        return;
    case SyncPhase::Upload:
        endCycle(true);
        return;
    case SyncPhase::Fold:
    case SyncPhase::None:
        break;
    }
    endCycle(false, u"internal: a step ended out of order."_s);
}

void SyncClient::afterPull()
{
    // After the pull, so that the existing survey is on the device when its duplicate folds
    // into it: the fold's edits then build on the server's revision.
    m_status.setPhase(SyncPhase::Fold);
    emit progressChanged();
    emit phaseStarted(syncPhaseName(SyncPhase::Fold));
    int folded = 0;
    if (auto failure = foldDuplicates(folded)) {
        endCycle(false, failure->reason);
        return;
    }
    m_report.folded += folded;
    if (folded > 0 && !m_foldedThisCycle) {
        m_foldedThisCycle = true;
        runPhase(SyncPhase::Push);
        return;
    }
    runPhase(SyncPhase::Upload);
}

std::optional<StepOutcome> SyncClient::foldDuplicates(int &folded)
{
    const auto entries = m_store.outbox().entries();
    if (!entries) {
        return StepOutcome{StepOutcome::Kind::Failed,
                           u"the outbox could not be read: %1"_s.arg(entries.error().toString())};
    }
    QSet<QString> done;
    for (const OutboxEntry &entry : entries.value()) {
        if (entry.status != OutboxStatus::Rejected || !entry.error ||
            entry.error->code != SyncErrorCode::DuplicateSurvey ||
            entry.mutation.entity != SyncEntity::Survey || entry.error->existingId.isEmpty() ||
            entry.error->existingId == entry.mutation.id || done.contains(entry.mutation.id))
            continue;
        done.insert(entry.mutation.id);
        const auto outcome = m_store.foldSurvey(entry.mutation.id, entry.error->existingId);
        if (!outcome) {
            return StepOutcome{
                StepOutcome::Kind::Failed,
                u"the survey %1 could not be folded into %2: %3"_s.arg(
                    entry.mutation.id, entry.error->existingId, outcome.error().toString())};
        }
        qCInfo(lcSync) << "folded survey" << entry.mutation.id << "into" << entry.error->existingId
                       << ":" << outcome.value().fieldsMoved << "fields,"
                       << outcome.value().rowsReparented << "rows";
        ++folded;
    }
    return std::nullopt;
}

void SyncClient::retryLater(SyncPhase phase, const QString &reason)
{
    if (m_backoff.failures() + 1 >= m_options.maxAttempts) {
        endCycle(false, u"%1 Gave up after %2 attempts."_s.arg(reason).arg(m_options.maxAttempts));
        return;
    }
    ++m_report.retries;
    const qint64 delay = m_backoff.nextDelay();
    m_retryPhase = phase;
    qCInfo(lcSync) << syncPhaseName(phase) << "failed:" << reason << "- retrying in" << delay
                   << "ms";
    m_status.waitForNetwork(
        u"%1 Retrying in %2 s."_s.arg(reason).arg(double(delay) / 1000.0, 0, 'f', 1));
    emit stateChanged();
    if (isOnline())
        m_retryTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void SyncClient::retryNow()
{
    if (m_status.state() != SyncState::WaitingForNetwork || !m_session)
        return;
    if (!isOnline())
        return;
    m_status.resume();
    emit stateChanged();
    runPhase(m_retryPhase == SyncPhase::None ? SyncPhase::Push : m_retryPhase);
}

void SyncClient::endCycle(bool ok, const QString &reason)
{
    m_retryTimer.stop();
    if (ok) {
        m_status.succeed(m_wallClockMillis());
        emit stateChanged();
        emit progressChanged();
        emit lastSuccessChanged();
        if (m_report.rejected > 0) {
            qCInfo(lcSync) << m_report.rejected
                           << "changes were refused by the server and wait for the user";
        }
        if (m_again) {
            m_again = false;
            QTimer::singleShot(0, this, &SyncClient::sync);
            return;
        }
        emit syncFinished(true);
        return;
    }
    qCWarning(lcSync) << "sync failed:" << reason;
    m_again = false;
    m_status.fail(reason);
    emit stateChanged();
    emit progressChanged();
    emit syncFinished(false);
}

} // namespace gx
