#pragma once

#include "core/localizedtext.h"

#include <QString>
#include <memory>

class QSettings;

namespace gx {

/**
 * What the app keeps about this device between runs, in its data folder: the server and the user
 * of the last login and the UI language (settings.ini), the device's id (device-id, made once and
 * carried by every change the device sends), and where each user's store and offline login are
 * kept (one store per user and server, so that two servers or two users never share data).
 */
class Preferences
{
public:
    /** dataDir: AppEnvironment::dataDir; defaultServerUrl: the server when none is remembered. */
    Preferences(QString dataDir, const QString &defaultServerUrl);
    ~Preferences();
    Preferences(const Preferences &) = delete;
    Preferences &operator=(const Preferences &) = delete;

    [[nodiscard]] QString serverUrl() const;
    [[nodiscard]] QString lastUsername() const;
    [[nodiscard]] Language language() const;
    /** Writes the language at once (settings.ini). */
    void setLanguage(Language language);
    /** Whether the user has read the notice that the keychain would not keep their login. */
    [[nodiscard]] bool keychainNoticeRead() const;
    /** Writes it at once (settings.ini), so the notice is shown once per device. */
    void setKeychainNoticeRead();
    /** Writes the server and user of a login at once, for the next start's login screen. */
    void rememberLogin(const QString &serverUrl, const QString &username);

    /** The device's id: read from device-id, or made and written when missing or not valid. */
    [[nodiscard]] QString deviceId() const;
    /** The store file of a user on a server. */
    [[nodiscard]] QString storePath(const QString &serverUrl, const QString &username) const;
    /** The offline login file (CredentialStore) beside that store. */
    [[nodiscard]] QString credentialPath(const QString &serverUrl, const QString &username) const;

    /** "host:port" typed without a scheme becomes http://host:port; trailing slashes go. */
    [[nodiscard]] static QString normalizedServer(const QString &typed);

private:
    QString m_dataDir;
    QString m_defaultServerUrl;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace gx
