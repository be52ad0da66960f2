#include "app/session.h"

#include "app/logging.h"
#include "core/setupcode.h"
#include "store/devicestore.h"
#include "syncclient/networkwatcher.h"
#include "syncclient/syncclient.h"

#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QJSEngine>
#include <QNetworkAccessManager>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
Session *s_current = nullptr;

bool isLoopbackServer(const QString &url)
{
    const QString host = QUrl(url).host();
    return host == "localhost"_L1 || QHostAddress(host).isLoopback();
}
} // namespace

Session::Session(AppEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_network(m_env.network)
    , m_networkWatcher(m_env.networkWatcher)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    if (!m_networkWatcher)
        m_networkWatcher = new NetworkWatcher(true, this);
    QDir().mkpath(m_env.dataDir);
    // Every copy of the secret store (the login's, each user's token store) tells this session.
    m_env.secrets.setFallbackObserver([self = QPointer<Session>(this)](KeychainFallback why) {
        if (self)
            self->noteKeychainFallback(why);
    });
    auto form = FormDefinition::load(m_env.assetsDir + u"/forms/survey.v1.json"_s);
    if (!form)
        qFatal("the survey definition does not load: %s", qPrintable(form.error().toString()));
    const int bundled = form.value().version();
    m_bundledForm =
        &m_forms.insert_or_assign({QString(), bundled}, std::move(form.value())).first->second;
    m_form = m_bundledForm;
    auto regions = RegionCatalog::load(m_env.assetsDir + u"/regions/lishui.json"_s);
    if (!regions)
        qFatal("the region catalog does not load: %s", qPrintable(regions.error().toString()));
    m_regions = std::move(regions.value());
    m_preferences = std::make_unique<Preferences>(m_env.dataDir, m_env.defaultServerUrl);
    m_login = std::make_unique<LoginFlow>(
        m_network, [this] { return m_env.now(); }, m_env.secrets);
    m_serverUrl = m_preferences->serverUrl();
    m_lastUsername = m_preferences->lastUsername();
    m_language = m_preferences->language();
    m_translator.apply(language());
}

Session::~Session()
{
    m_login.reset();
    m_sync.reset();
    m_store.reset();
    if (s_current == this)
        s_current = nullptr;
}

void Session::setCurrent(Session *session)
{
    s_current = session;
}

Session *Session::current()
{
    return s_current;
}

Session *Session::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_ASSERT(s_current);
    QJSEngine::setObjectOwnership(s_current, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine)
    s_current->m_translator.attach(qmlEngine);
    return s_current;
}

void Session::setServerUrl(const QString &url)
{
    const QString normalized = Preferences::normalizedServer(url);
    if (normalized == m_serverUrl)
        return;
    m_serverUrl = normalized;
    emit serverUrlChanged();
}

QString Session::regionName() const
{
    const Region *r = m_regions->region(m_region);
    return r ? r->name.text(m_language) : QString();
}

void Session::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
    emit periodsChanged();
}

QVariantList Session::periods() const
{
    int first = kDefaultPeriod;
    int last = std::max(QDateTime::fromMSecsSinceEpoch(now()).date().year(), m_period);
    const EntityDefinition *survey = m_form ? m_form->entity(u"survey"_s) : nullptr;
    if (const FieldDefinition *field = survey ? survey->field(u"period"_s) : nullptr) {
        if (field->minimum.kind == Bound::Kind::Number)
            first = static_cast<int>(field->minimum.number);
        if (field->maximum.kind == Bound::Kind::Number)
            last = std::min(last, static_cast<int>(field->maximum.number));
    }
    QVariantList years;
    for (int year = std::min(first, m_period); year <= std::max(last, m_period); ++year)
        years.append(year);
    return years;
}

QString Session::language() const
{
    return m_language == Language::En ? u"en"_s : u"zh_CN"_s;
}

void Session::setLanguage(const QString &language)
{
    const Language next = language == u"en"_s ? Language::En : Language::Zh;
    if (next == m_language)
        return;
    m_language = next;
    m_preferences->setLanguage(next);
    m_translator.apply(this->language());
    emit languageChanged();
    emit sessionChanged(); // the region's name is in the language
    if (m_keychainFallback)
        emit keychainNoticeChanged();
}

void Session::login(const QString &serverUrl, const QString &username, const QString &password)
{
    if (m_busy)
        return;
    const QString user = username.trimmed();
    std::optional<QString> problem = LoginFlow::typedProblem(user, password);
    if (!problem) {
        setServerUrl(serverUrl);
        problem = LoginFlow::serverProblem(QUrl(m_serverUrl));
    }
    if (problem) {
        setError(*problem);
        emit loginFinished(false);
        return;
    }
    setError({});
    setOneTimeLogin({}, {}, {});
    setBusy(true);
    const LoginFlow::Files files{m_preferences->storePath(m_serverUrl, user),
                                 m_preferences->credentialPath(m_serverUrl, user)};
    m_login->start(m_serverUrl, user, password, files,
                   [this, user, password](const LoginOutcome &outcome) {
                       loginEnded(outcome, user, password);
                   });
}

void Session::loginEnded(const LoginOutcome &outcome, const QString &username,
                         const QString &password)
{
    if (outcome.mustChangePassword) {
        setOneTimeLogin(outcome.token, username, password);
        finishLogin(false);
        return;
    }
    if (!outcome.who) {
        setError(outcome.error);
        finishLogin(false);
        return;
    }
    if (auto done = openUser(*outcome.who, outcome.offline); !done) {
        setError(done.error());
        finishLogin(false);
        return;
    }
    if (outcome.offline) {
        m_heldPassword = password;
        qCInfo(lcApp) << "logged in offline as" << outcome.who->username << "("
                      << outcome.unreachable << ")";
        finishLogin(true);
        return;
    }
    m_heldPassword.clear();
    if (outcome.kept) // just kept: no need to wait for the keychain to give it back
        m_sync->adoptSession(*outcome.kept);
    finishLogin(true);
    m_sync->sync();
}

Status<QString> Session::openUser(const StoredCredential &who, bool offline)
{
    close();
    const QString storePath = m_preferences->storePath(m_serverUrl, who.username);
    auto store =
        DeviceStore::open(storePath, m_preferences->deviceId(), [this] { return m_env.now(); });
    if (!store)
        return tr("The data on this device cannot be opened: %1").arg(store.error().message);
    m_store = std::move(store.value());
    // The city's catalogue (provider, product, case) is the office's to change: read-only on
    // inspector and enterprise devices, refused in the store rather than queued to be rejected.
    m_store->setCityWideEditable(mayEditCatalogue(who.role));
    if (auto done = useNewestForm(); !done) {
        m_store.reset();
        return done;
    }
    TokenStore tokens(m_env.secrets, TokenStore::slotFor(storePath, m_serverUrl, who.username));
    m_sync = std::make_unique<SyncClient>(*m_store, std::move(tokens), m_network, QUrl(m_serverUrl),
                                          [this] { return m_env.now(); });
    connect(m_sync.get(), &SyncClient::syncFinished, this, &Session::syncFinished);
    // The system's reachability says nothing about a server on this machine (the demo): follow
    // it only for other servers, or when the embedder gave a watcher of its own.
    if (m_env.networkWatcher || !isLoopbackServer(m_serverUrl))
        m_sync->setNetworkWatcher(m_networkWatcher);
    m_username = who.username;
    m_role = who.role;
    m_region = who.region;
    m_enterprise = who.enterprise;
    m_offline = offline;
    rememberLogin();
    emit sessionChanged();
    notifyDataChanged();
    return Done{};
}

void Session::setOneTimeLogin(const QString &token, const QString &user, const QString &password)
{
    const bool was = isPasswordChangeRequired();
    m_oneTimeToken = token;
    m_oneTimeUser = user;
    m_oneTimePassword = password;
    if (was != isPasswordChangeRequired())
        emit passwordChangeRequiredChanged();
}

void Session::changePassword(const QString &newPassword, const QString &repeated)
{
    if (m_busy || !isPasswordChangeRequired())
        return;
    if (auto problem = LoginFlow::newPasswordProblem(m_oneTimePassword, newPassword, repeated)) {
        setError(*problem);
        emit loginFinished(false);
        return;
    }
    setError({});
    setBusy(true);
    m_login->changePassword(m_serverUrl, m_oneTimeToken, m_oneTimePassword, newPassword,
                            [this, newPassword](const QString &error) {
                                setBusy(false);
                                if (!error.isEmpty()) {
                                    setError(error);
                                    emit loginFinished(false);
                                    return;
                                }
                                const QString user = m_oneTimeUser;
                                setOneTimeLogin({}, {}, {});
                                login(m_serverUrl, user, newPassword);
                            });
}

void Session::cancelPasswordChange()
{
    setOneTimeLogin({}, {}, {});
    setError({});
}

bool Session::applySetupCode(const QString &text)
{
    auto code = SetupCode::parse(text);
    if (!code) {
        setError(SetupCode::describe(code.error()).text(m_language));
        return false;
    }
    setError({});
    setServerUrl(code.value().server.toString());
    if (m_lastUsername != code.value().user) {
        m_lastUsername = code.value().user;
        emit serverUrlChanged();
    }
    emit setupCodeApplied();
    return true;
}

QString Session::keychainNotice() const
{
    if (!m_keychainFallback)
        return {};
    if (*m_keychainFallback == KeychainFallback::Absent)
        return tr("This device has no system keychain: your login is kept in a protected file "
                  "on this device, readable by you alone. Nothing is lost.");
    return tr("The system keychain is locked or refused to keep your login: it is kept in a "
              "protected file on this device instead, readable by you alone. Nothing is lost.");
}

void Session::dismissKeychainNotice()
{
    if (!m_keychainFallback)
        return;
    m_keychainFallback.reset();
    m_preferences->setKeychainNoticeRead();
    emit keychainNoticeChanged();
}

void Session::noteKeychainFallback(KeychainFallback why)
{
    qCInfo(lcApp) << "a secret of the login is in its 0600 file: the keychain"
                  << (why == KeychainFallback::Absent ? "is absent" : "refused");
    if (m_preferences->keychainNoticeRead() || m_keychainFallback == why)
        return;
    m_keychainFallback = why;
    emit keychainNoticeChanged();
}

void Session::finishLogin(bool ok)
{
    setBusy(false);
    emit loginFinished(ok);
}

void Session::syncFinished(bool ok)
{
    if (ok && m_offline) {
        m_offline = false;
        emit sessionChanged();
    }
    if (auto done = useNewestForm(); !done)
        qCWarning(lcApp) << "the survey definition stays version" << m_form->version() << ":"
                         << done.error();
    notifyDataChanged();
}

Status<QString> Session::useNewestForm()
{
    DeviceStore &store = *m_store;
    const auto held = store.forms().versions();
    if (!held)
        return tr("The data on this device cannot be read: %1").arg(held.error().message);
    if (!held.value().contains(m_bundledForm->version())) {
        StoredFormVersion bundled;
        bundled.version = m_bundledForm->version();
        bundled.definition = m_bundledForm->json();
        if (auto added = store.forms().add(bundled); !added)
            return tr("The survey definition cannot be stored: %1").arg(added.error().message);
    }
    const auto newest = store.forms().newest();
    if (!newest)
        return tr("The data on this device cannot be read: %1").arg(newest.error().message);
    const int version = newest.value();
    const FormDefinition *form = formOfVersion(version);
    if (!form)
        return tr("Version %1 of the survey definition cannot be read: %2")
            .arg(version)
            .arg(m_formError);
    useForm(form);
    return Done{};
}

const FormDefinition *Session::formOfVersion(int version)
{
    if (version == m_bundledForm->version())
        return m_bundledForm;
    if (!m_store) {
        m_formError = tr("not stored");
        return nullptr;
    }
    // Per store: another server's version N may be another document.
    const std::pair<QString, int> key{m_store->path(), version};
    if (auto known = m_forms.find(key); known != m_forms.end())
        return &known->second;
    auto loaded = m_store->forms().definition(version);
    if (!loaded || !loaded.value()) {
        m_formError = loaded ? tr("not stored") : loaded.error().message;
        return nullptr;
    }
    return &m_forms.insert_or_assign(key, std::move(*loaded.value())).first->second;
}

void Session::useForm(const FormDefinition *form)
{
    if (form == m_form)
        return;
    qCInfo(lcApp) << "survey definition version" << form->version() << "in use";
    m_form = form;
    emit formChanged();
    emit periodsChanged();
}

void Session::syncNow()
{
    if (!m_sync)
        return;
    if (m_sync->isLoggedIn() || m_heldPassword.isEmpty()) {
        m_sync->sync();
        return;
    }
    connect(
        m_sync.get(), &SyncClient::loginFinished, this,
        [this](bool ok, const QString &message) {
            if (!m_sync)
                return;
            if (ok)
                m_heldPassword.clear();
            else
                qCInfo(lcApp) << "login at the server failed:" << message;
            m_sync->sync();
        },
        Qt::SingleShotConnection);
    m_sync->login(m_username, m_heldPassword);
}

void Session::rememberLogin()
{
    m_preferences->rememberLogin(m_serverUrl, m_username);
    if (m_lastUsername != m_username) {
        m_lastUsername = m_username;
        emit serverUrlChanged();
    }
}

void Session::logout()
{
    setOneTimeLogin({}, {}, {});
    if (m_sync)
        m_sync->forgetLogin();
    close();
}

void Session::close()
{
    const bool was = m_store != nullptr;
    m_sync.reset();
    m_store.reset();
    m_heldPassword.clear();
    m_username.clear();
    m_role.clear();
    m_region.clear();
    m_enterprise.clear();
    m_offline = false;
    useForm(m_bundledForm);
    if (was)
        emit sessionChanged();
}

void Session::notifyDataChanged()
{
    ++m_dataRevision;
    emit dataChanged();
}

Status<QString> Session::openLocal(const QString &username, const QString &role,
                                   const QString &region, const QString &enterprise)
{
    return openUser(StoredCredential{username, m_serverUrl, role, region, enterprise}, true);
}

QString Session::token() const
{
    if (!m_sync || !m_sync->session())
        return {};
    return m_sync->session()->token;
}

void Session::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void Session::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

bool rebindSession(QPointer<Session> &current, Session *next, QObject *owner,
                   std::initializer_list<SessionReaction> reactions)
{
    if (next == current)
        return false;
    if (current)
        current->disconnect(owner);
    current = next;
    if (next) {
        for (const SessionReaction &reaction : reactions)
            QObject::connect(next, reaction.signal, owner, reaction.react);
    }
    return true;
}

} // namespace gx
