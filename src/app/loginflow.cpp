#include "app/loginflow.h"

#include "app/logging.h"
#include "syncclient/synctransport.h"
#include "syncclient/tokenstore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
constexpr int kLoginTimeoutMillis = 15'000;
constexpr qsizetype kMinPasswordLength = 8; // POST /api/v1/password (docs/api.md)
constexpr qsizetype kMaxPasswordLength = 256;
} // namespace

LoginFlow::LoginFlow(QNetworkAccessManager *network, std::function<qint64()> now,
                     SecretStore secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_now(std::move(now))
    , m_secrets(std::move(secrets))
{}

LoginFlow::~LoginFlow() = default;

std::optional<QString> LoginFlow::typedProblem(const QString &username, const QString &password)
{
    if (username.trimmed().isEmpty() || password.isEmpty())
        return tr("Enter your user name and password.");
    return std::nullopt;
}

std::optional<QString> LoginFlow::serverProblem(const QUrl &server)
{
    if (!server.isValid() || server.host().isEmpty())
        return tr("The server address is not valid, e.g. http://192.168.1.10:8470");
    return std::nullopt;
}

std::optional<QString> LoginFlow::newPasswordProblem(const QString &oldPassword,
                                                     const QString &newPassword,
                                                     const QString &repeated)
{
    if (newPassword.size() < kMinPasswordLength || newPassword.size() > kMaxPasswordLength)
        return tr("The new password needs 8 to 256 characters.");
    for (const QChar c : newPassword) {
        if (c.category() == QChar::Other_Control)
            return tr("The new password may not hold control characters.");
    }
    if (newPassword != repeated)
        return tr("The two new passwords differ: type the same password twice.");
    if (newPassword == oldPassword)
        return tr("The new password must differ from the one-time password.");
    return std::nullopt;
}

void LoginFlow::changePassword(const QString &serverUrl, const QString &token,
                               const QString &oldPassword, const QString &newPassword,
                               std::function<void(const QString &error)> done)
{
    m_transport =
        std::make_unique<SyncTransport>(m_network, QUrl(serverUrl), kLoginTimeoutMillis, this);
    m_transport->setToken(token);
    const QJsonObject body{{u"old"_s, oldPassword}, {u"new"_s, newPassword}};
    m_transport->postJson(u"/api/v1/password"_s, body,
                          [this, done = std::move(done)](const TransportReply &reply) {
                              // Copies first: resetting the transport destroys this handler.
                              const auto answer = done;
                              const QString error = passwordChangeError(reply);
                              m_transport.reset();
                              answer(error);
                          });
}

QString LoginFlow::passwordChangeError(const TransportReply &reply)
{
    switch (reply.kind) {
    case TransportReply::Kind::Ok:
        return {};
    case TransportReply::Kind::Unauthorized:
        return tr("The login has expired: log in again with the one-time password.");
    case TransportReply::Kind::Refused:
        if (reply.error.code == "wrong_password"_L1)
            return tr("The one-time password is no longer valid: ask the office for a new one.");
        if (reply.error.code == "invalid_password"_L1)
            return tr("The server refused the new password: it needs 8 to 256 characters and "
                      "must differ from the one-time password.");
        return tr("The server refused the new password: %1").arg(reply.error.message);
    case TransportReply::Kind::Transient:
        break;
    }
    return tr("The server cannot be reached (%1). Try again.")
        .arg(reply.error.message.isEmpty() ? reply.reason : reply.error.message);
}

void LoginFlow::start(const QString &serverUrl, const QString &username, const QString &password,
                      Files files, Done done)
{
    ++m_run;
    m_serverUrl = serverUrl;
    m_username = username;
    m_password = password;
    m_files = std::move(files);
    m_done = std::move(done);
    m_transport =
        std::make_unique<SyncTransport>(m_network, QUrl(serverUrl), kLoginTimeoutMillis, this);
    const QJsonObject body{{u"username"_s, username}, {u"password"_s, password}};
    m_transport->postJson(u"/api/v1/login"_s, body, [this](const TransportReply &reply) {
        const QString reason = reply.error.message.isEmpty() ? reply.reason : reply.error.message;
        answered(static_cast<int>(reply.kind), reply.json, reason);
    });
}

void LoginFlow::answered(int kind, const QJsonObject &json, const QString &reason)
{
    switch (static_cast<TransportReply::Kind>(kind)) {
    case TransportReply::Kind::Unauthorized:
        finish(LoginOutcome::failed(tr("Wrong user name or password.")));
        return;
    case TransportReply::Kind::Refused:
        finish(LoginOutcome::failed(tr("The server refused the login: %1").arg(reason)));
        return;
    case TransportReply::Kind::Transient:
        checkOffline(reason);
        return;
    case TransportReply::Kind::Ok:
        break;
    }
    const StoredCredential who{m_username, m_serverUrl, json.value("role"_L1).toString(),
                               json.value("region"_L1).toString(),
                               json.value("enterprise"_L1).toString()};
    const QString token = json.value("token"_L1).toString();
    if (token.isEmpty() || who.role.isEmpty()) {
        finish(LoginOutcome::failed(tr("The server's answer to the login is incomplete.")));
        return;
    }
    if (json.value("must_change_password"_L1).toBool()) {
        // A one-time password: nothing is kept (an offline login must never accept it).
        LoginOutcome outcome;
        outcome.mustChangePassword = true;
        outcome.token = token;
        finish(std::move(outcome));
        return;
    }
    // The sync client reads its token from the same TokenStore when it starts.
    keep(who, SessionToken{token, m_username, who.role, who.region, who.enterprise, m_serverUrl,
                           m_now()});
}

void LoginFlow::keep(const StoredCredential &who, const SessionToken &session)
{
    const int run = m_run;
    const TokenStore tokens(m_secrets, TokenStore::slotFor(m_files.store, m_serverUrl, m_username));
    tokens.write(session, this, [this, run, who, session](const Status<TokenFileError> &kept) {
        if (run != m_run)
            return;
        if (!kept) {
            qCWarning(lcApp) << "the token could not be kept:" << kept.error().message;
            finish(LoginOutcome::failed(
                tr("The login could not be saved: neither the system keychain nor a private "
                   "file could take it (%1).")
                    .arg(kept.error().message)));
            return;
        }
        const CredentialStore verifier(
            m_secrets, CredentialStore::slotFor(m_files.credential, m_serverUrl, m_username));
        verifier.save(who, m_password, this,
                      [this, run, who, session](const Status<CredentialError> &saved) {
                          if (run != m_run)
                              return;
                          if (!saved)
                              qCWarning(lcApp) << "the offline login could not be kept:"
                                               << saved.error().message;
                          finish(LoginOutcome::admitted(who, false, {}, session));
                      });
    });
}

void LoginFlow::checkOffline(const QString &unreachable)
{
    const int run = m_run;
    const CredentialStore verifier(
        m_secrets, CredentialStore::slotFor(m_files.credential, m_serverUrl, m_username));
    verifier.verify(m_password, this, [this, run, unreachable](const auto &verified) {
        if (run == m_run)
            offlineChecked(verified, unreachable);
    });
}

void LoginFlow::offlineChecked(const Result<StoredCredential, CredentialError> &verified,
                               const QString &unreachable)
{
    if (verified) {
        finish(LoginOutcome::admitted(verified.value(), true, unreachable));
        return;
    }
    switch (verified.error().code) {
    case CredentialError::Code::WrongPassword:
        finish(LoginOutcome::failed(tr("Wrong user name or password.")));
        return;
    case CredentialError::Code::Missing:
        finish(LoginOutcome::failed(
            tr("The server cannot be reached (%1), and this user has not logged in "
               "on this device before. Connect to the server for the first login.")
                .arg(unreachable)));
        return;
    case CredentialError::Code::Damaged:
    case CredentialError::Code::Io:
        qCWarning(lcApp) << "the offline login cannot be read:" << verified.error().message;
        finish(LoginOutcome::failed(
            tr("The server cannot be reached (%1), and the saved login cannot be "
               "read. Connect to the server to log in.")
                .arg(unreachable)));
        return;
    }
}

void LoginFlow::finish(LoginOutcome outcome)
{
    m_password.clear();
    m_transport.reset();
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(outcome);
}

} // namespace gx
