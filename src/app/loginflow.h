#pragma once

#include "app/credentialstore.h"
#include "syncclient/secretstore.h"
#include "syncclient/tokenfile.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QJsonObject;

namespace gx {

class SyncTransport;
struct TransportReply;

/** How a login ended: the user it let in (at the server or offline), or why not. */
struct LoginOutcome
{
    std::optional<StoredCredential> who; ///< set when the login succeeded
    bool offline = false;                ///< checked against the kept hash, not at the server
    QString error;                       ///< for a person, when it failed
    QString unreachable;                 ///< offline: why the server could not be reached
    /** The password was a one-time password (made or reset by the office): the user must set
     * their own before anything else; `token` serves only for that (POST /api/v1/password).
     * Nothing was written (no token file, no offline hash): the user is not let in yet. */
    bool mustChangePassword = false;
    QString token;
    std::optional<SessionToken> kept; ///< online: the token the server gave (and was kept)

    [[nodiscard]] static LoginOutcome failed(QString message)
    {
        return {std::nullopt, false, std::move(message), {}, false, {}, std::nullopt};
    }
    [[nodiscard]] static LoginOutcome admitted(StoredCredential who, bool offline = false,
                                               QString unreachable = {},
                                               std::optional<SessionToken> token = std::nullopt)
    {
        return {std::move(who), offline, {}, std::move(unreachable), false, {}, std::move(token)};
    }
};

/**
 * One login: the password is checked at the server when it answers (the role, region and
 * enterprise come from it; the token goes to the user's TokenStore, where the sync client reads
 * it, and an Argon2id hash of the password to the CredentialStore: both in the OS keychain, or
 * their 0600 files beside the user's store where the keychain cannot take them), and against
 * that hash when the server cannot be reached. Only when neither the keychain nor the file can
 * keep the token does the login fail, with a message saying so; a verifier that cannot be kept
 * anywhere is logged (the next offline login will not work) and the login goes on. A server that
 * says no is final: a kept hash never lets the user in anyway. The password itself is never
 * written.
 *
 * Session runs it and opens the store of whoever it lets in; the messages are the UI's.
 */
class LoginFlow : public QObject
{
    Q_OBJECT

public:
    /** Where a login of one user on one server keeps its files (Preferences names them). */
    struct Files
    {
        QString store;
        QString credential;
    };
    using Done = std::function<void(const LoginOutcome &)>;

    explicit LoginFlow(QNetworkAccessManager *network, std::function<qint64()> now,
                       SecretStore secrets = SecretStore(), QObject *parent = nullptr);
    ~LoginFlow() override;

    /** Why a login with what was typed cannot start (empty name or password), for a person. */
    [[nodiscard]] static std::optional<QString> typedProblem(const QString &username,
                                                             const QString &password);
    /** Why a server address cannot be logged in at, for a person. */
    [[nodiscard]] static std::optional<QString> serverProblem(const QUrl &server);
    /** Why a new password cannot be set (the server's rules: 8-256 characters, no control
     * characters, not the one-time password; typed twice the same), for a person. */
    [[nodiscard]] static std::optional<QString> newPasswordProblem(const QString &oldPassword,
                                                                   const QString &newPassword,
                                                                   const QString &repeated);

    /** Sets the user's own password at the server (POST /api/v1/password with `token`);
     * `done` gets "" when it was set, else why not, for a person. */
    void changePassword(const QString &serverUrl, const QString &token, const QString &oldPassword,
                        const QString &newPassword, std::function<void(const QString &error)> done);

    /** Starts a login (one at a time; a running one is dropped); done is called once. */
    void start(const QString &serverUrl, const QString &username, const QString &password,
               Files files, Done done);
    [[nodiscard]] bool isRunning() const { return static_cast<bool>(m_done); }

private:
    [[nodiscard]] static QString passwordChangeError(const TransportReply &reply);
    void answered(int kind, const QJsonObject &json, const QString &reason);
    void keep(const StoredCredential &who, const SessionToken &session);
    void checkOffline(const QString &unreachable);
    void offlineChecked(const Result<StoredCredential, CredentialError> &verified,
                        const QString &unreachable);
    void finish(LoginOutcome outcome);

    QNetworkAccessManager *m_network;
    std::function<qint64()> m_now;
    SecretStore m_secrets;
    std::unique_ptr<SyncTransport> m_transport;
    QString m_serverUrl;
    QString m_username;
    QString m_password;
    Files m_files;
    Done m_done;
    int m_run = 0; ///< moves on with each start(): answers of a dropped login are ignored
};

} // namespace gx
