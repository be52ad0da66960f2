#include "app/session.h"

#include "app/logging.h"
#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
Session *s_current = nullptr;

/** A file-name-safe form of a user name or server address. */
QString safeName(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' ? c : u'_';
    return out.isEmpty() ? u"local"_s : out;
}
} // namespace

Session::Session(AppEnvironment environment, QObject *parent)
    : QObject(parent), m_env(std::move(environment)), m_network(m_env.network)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QDir().mkpath(m_env.dataDir);
    auto form = FormDefinition::load(m_env.assetsDir + u"/forms/survey.v1.json"_s);
    if (!form)
        qFatal("the survey definition does not load: %s", qPrintable(form.error().toString()));
    m_form = std::move(form.value());
    auto regions = RegionCatalog::load(m_env.assetsDir + u"/regions/lishui.json"_s);
    if (!regions)
        qFatal("the region catalog does not load: %s", qPrintable(regions.error().toString()));
    m_regions = std::move(regions.value());
    m_serverUrl = m_env.defaultServerUrl;
}

Session::~Session()
{
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
    Q_UNUSED(qmlEngine)
    Q_ASSERT(s_current);
    QJSEngine::setObjectOwnership(s_current, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine)
    return s_current;
}

void Session::setServerUrl(const QString &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
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
    emit languageChanged();
}

void Session::login(const QString &serverUrl, const QString &username, const QString &password)
{
    Q_UNUSED(serverUrl)
    Q_UNUSED(username)
    Q_UNUSED(password)
    setError(tr("Login is not built yet."));
    emit loginFinished(false);
}

void Session::logout()
{
    m_sync.reset();
    m_store.reset();
    m_username.clear();
    m_role.clear();
    m_region.clear();
    m_enterprise.clear();
    m_offline = false;
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
    logout();
    auto store = DeviceStore::open(storePath(username), deviceId(),
                                   [this] { return m_env.now(); });
    if (!store)
        return store.error().message;
    m_store = std::move(store.value());
    m_username = username;
    m_role = role;
    m_region = region;
    m_enterprise = enterprise;
    m_offline = true;
    emit sessionChanged();
    notifyDataChanged();
    return std::nullopt;
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
    const QString id =
        u"app-"_s + QString::number(QRandomGenerator::system()->generate64(), 36);
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

} // namespace gx
