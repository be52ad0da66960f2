#include "app/preferences.h"

#include "core/hlc.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
/** A file-name-safe form of a user name or server address. */
QString safeName(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' ? c : u'_';
    return out.isEmpty() ? u"local"_s : out;
}
} // namespace

Preferences::Preferences(QString dataDir, const QString &defaultServerUrl)
    : m_dataDir(std::move(dataDir))
    , m_defaultServerUrl(defaultServerUrl)
    , m_settings(std::make_unique<QSettings>(m_dataDir + u"/settings.ini"_s, QSettings::IniFormat))
{}

Preferences::~Preferences() = default;

QString Preferences::serverUrl() const
{
    return m_settings->value("server"_L1, m_defaultServerUrl).toString();
}

QString Preferences::lastUsername() const
{
    return m_settings->value("last_user"_L1).toString();
}

Language Preferences::language() const
{
    return m_settings->value("language"_L1).toString() == u"en"_s ? Language::En : Language::Zh;
}

void Preferences::setLanguage(Language language)
{
    m_settings->setValue("language"_L1, language == Language::En ? u"en"_s : u"zh_CN"_s);
    m_settings->sync();
}

bool Preferences::keychainNoticeRead() const
{
    return m_settings->value("keychain_notice_read"_L1).toBool();
}

void Preferences::setKeychainNoticeRead()
{
    m_settings->setValue("keychain_notice_read"_L1, true);
    m_settings->sync();
}

void Preferences::rememberLogin(const QString &serverUrl, const QString &username)
{
    m_settings->setValue("server"_L1, serverUrl);
    m_settings->setValue("last_user"_L1, username);
    m_settings->sync();
}

QString Preferences::deviceId() const
{
    QFile file(m_dataDir + u"/device-id"_s);
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

QString Preferences::storePath(const QString &serverUrl, const QString &username) const
{
    const QUrl url(serverUrl);
    const QString server = url.isValid() && !url.host().isEmpty()
                               ? url.host() + u'_' + QString::number(url.port(80))
                               : u"local"_s;
    return m_dataDir + u'/' + safeName(server) + u'-' + safeName(username) + u".sqlite"_s;
}

QString Preferences::credentialPath(const QString &serverUrl, const QString &username) const
{
    return storePath(serverUrl, username) + u".login"_s;
}

QString Preferences::normalizedServer(const QString &typed)
{
    QString url = typed.trimmed();
    if (!url.isEmpty() && !url.contains(u"://"_s))
        url.prepend(u"http://"_s);
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace gx
