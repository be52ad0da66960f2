#include "app/session.h"

#include "app/credentialstore.h"
#include "app/logging.h"
#include "store/devicestore.h"
#include "syncclient/networkwatcher.h"
#include "syncclient/syncclient.h"
#include "syncclient/synctransport.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJSEngine>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
Session *s_current = nullptr;

constexpr int kLoginTimeoutMillis = 15'000;

/** A file-name-safe form of a user name or server address. */
QString safeName(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' ? c : u'_';
    return out.isEmpty() ? u"local"_s : out;
}

/** "host:port" typed without a scheme becomes http://host:port; trailing slashes go. */
QString normalizedServer(const QString &typed)
{
    QString url = typed.trimmed();
    if (!url.isEmpty() && !url.contains(u"://"_s))
        url.prepend(u"http://"_s);
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}
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
    auto form = FormDefinition::load(m_env.assetsDir + u"/forms/survey.v1.json"_s);
    if (!form)
        qFatal("the survey definition does not load: %s", qPrintable(form.error().toString()));
    m_form = std::move(form.value());
    auto regions = RegionCatalog::load(m_env.assetsDir + u"/regions/lishui.json"_s);
    if (!regions)
        qFatal("the region catalog does not load: %s", qPrintable(regions.error().toString()));
    m_regions = std::move(regions.value());
    m_settings =
        std::make_unique<QSettings>(m_env.dataDir + u"/settings.ini"_s, QSettings::IniFormat);
    m_serverUrl = m_settings->value("server"_L1, m_env.defaultServerUrl).toString();
    m_lastUsername = m_settings->value("last_user"_L1).toString();
    m_language =
        m_settings->value("language"_L1).toString() == u"en"_s ? Language::En : Language::Zh;
    m_translator.apply(language());
}

Session::~Session()
{
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
    const QString normalized = normalizedServer(url);
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
    m_settings->setValue("language"_L1, this->language());
    m_settings->sync();
    m_translator.apply(this->language());
    emit languageChanged();
    emit sessionChanged(); // the region's name is in the language
}

void Session::login(const QString &serverUrl, const QString &username, const QString &password)
{
    if (m_busy)
        return;
    const QString user = username.trimmed();
    if (user.isEmpty() || password.isEmpty()) {
        setError(tr("Enter your user name and password."));
        emit loginFinished(false);
        return;
    }
    setServerUrl(serverUrl);
    const QUrl url(m_serverUrl);
    if (!url.isValid() || url.host().isEmpty()) {
        setError(tr("The server address is not valid, e.g. http://192.168.1.10:8470"));
        emit loginFinished(false);
        return;
    }
    setError({});
    setBusy(true);
    m_loginTransport = std::make_unique<SyncTransport>(m_network, url, kLoginTimeoutMillis, this);
    const QJsonObject body{{u"username"_s, user}, {u"password"_s, password}};
    m_loginTransport->postJson(
        u"/api/v1/login"_s, body, [this, user, password](const TransportReply &reply) {
            const QString reason =
                reply.error.message.isEmpty() ? reply.reason : reply.error.message;
            loginAnswered(user, password, static_cast<int>(reply.kind), reply.json, reason);
        });
}

void Session::loginAnswered(const QString &username, const QString &password, int kind,
                            const QJsonObject &json, const QString &reason)
{
    switch (static_cast<TransportReply::Kind>(kind)) {
    case TransportReply::Kind::Unauthorized:
        // The server said no: a stored hash must not let the user in anyway.
        setError(tr("Wrong user name or password."));
        finishLogin(false);
        return;
    case TransportReply::Kind::Refused:
        setError(tr("The server refused the login: %1").arg(reason));
        finishLogin(false);
        return;
    case TransportReply::Kind::Transient:
        loginOffline(username, password, reason);
        return;
    case TransportReply::Kind::Ok:
        break;
    }
    const StoredCredential who{username, m_serverUrl, json.value("role"_L1).toString(),
                               json.value("region"_L1).toString(),
                               json.value("enterprise"_L1).toString()};
    const QString token = json.value("token"_L1).toString();
    if (token.isEmpty() || who.role.isEmpty()) {
        setError(tr("The server's answer to the login is incomplete."));
        finishLogin(false);
        return;
    }
    // The sync client reads its token from the file next to the store when it starts.
    const SessionToken session{token,          username,    who.role,   who.region,
                               who.enterprise, m_serverUrl, m_env.now()};
    if (auto error = TokenFile(TokenFile::pathFor(storePath(username))).write(session)) {
        setError(tr("The login could not be saved: %1").arg(error->message));
        finishLogin(false);
        return;
    }
    if (auto error = CredentialStore(credentialPath(username)).save(who, password))
        qCWarning(lcApp) << "the offline login could not be kept:" << error->message;
    if (auto error = openUser(who, false)) {
        setError(*error);
        finishLogin(false);
        return;
    }
    m_heldPassword.clear();
    finishLogin(true);
    m_sync->sync();
}

void Session::loginOffline(const QString &username, const QString &password, const QString &why)
{
    auto verified = CredentialStore(credentialPath(username)).verify(password);
    if (!verified) {
        switch (verified.error().code) {
        case CredentialError::Code::WrongPassword:
            setError(tr("Wrong user name or password."));
            break;
        case CredentialError::Code::Missing:
            setError(tr("The server cannot be reached (%1), and this user has not logged in "
                        "on this device before. Connect to the server for the first login.")
                         .arg(why));
            break;
        case CredentialError::Code::Damaged:
        case CredentialError::Code::Io:
            setError(tr("The server cannot be reached (%1), and the saved login cannot be "
                        "read. Connect to the server to log in.")
                         .arg(why));
            break;
        }
        finishLogin(false);
        return;
    }
    if (auto error = openUser(verified.value(), true)) {
        setError(*error);
        finishLogin(false);
        return;
    }
    m_heldPassword = password;
    qCInfo(lcApp) << "logged in offline as" << username << "(" << why << ")";
    finishLogin(true);
}

std::optional<QString> Session::openUser(const StoredCredential &who, bool offline)
{
    close();
    auto store =
        DeviceStore::open(storePath(who.username), deviceId(), [this] { return m_env.now(); });
    if (!store)
        return tr("The data on this device cannot be opened: %1").arg(store.error().message);
    m_store = std::move(store.value());
    m_sync = std::make_unique<SyncClient>(*m_store, m_network, QUrl(m_serverUrl),
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
    return std::nullopt;
}

void Session::finishLogin(bool ok)
{
    m_loginTransport.reset();
    setBusy(false);
    emit loginFinished(ok);
}

void Session::syncFinished(bool ok)
{
    if (ok && m_offline) {
        m_offline = false;
        emit sessionChanged();
    }
    notifyDataChanged();
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
    m_settings->setValue("server"_L1, m_serverUrl);
    m_settings->setValue("last_user"_L1, m_username);
    m_settings->sync();
    if (m_lastUsername != m_username) {
        m_lastUsername = m_username;
        emit serverUrlChanged();
    }
}

void Session::logout()
{
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
    if (was)
        emit sessionChanged();
}

void Session::notifyDataChanged()
{
    ++m_dataRevision;
    emit dataChanged();
}

std::optional<QString> Session::openLocal(const QString &username, const QString &role,
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

QString Session::deviceId()
{
    QFile file(m_env.dataDir + u"/device-id"_s);
    if (file.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromUtf8(file.readAll()).trimmed();
        if (Hlc::isValidDeviceId(id))
            return id;
        file.close();
    }
    const QString id = u"app-"_s + QString::number(QRandomGenerator::system()->generate64(), 36);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(id.toUtf8());
    return id;
}

QString Session::storePath(const QString &username) const
{
    const QUrl url(m_serverUrl);
    const QString server = url.isValid() && !url.host().isEmpty()
                               ? url.host() + u'_' + QString::number(url.port(80))
                               : u"local"_s;
    return m_env.dataDir + u'/' + safeName(server) + u'-' + safeName(username) + u".sqlite"_s;
}

QString Session::credentialPath(const QString &username) const
{
    return storePath(username) + u".login"_s;
}

} // namespace gx
