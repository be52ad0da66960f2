#include "syncclient/tokenfile.h"

#include "syncclient/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

TokenFile::TokenFile(QString path)
    : m_path(std::move(path))
{}

QString TokenFile::pathFor(const QString &storePath)
{
    return storePath + u".token"_s;
}

std::optional<SessionToken> TokenFile::read(TokenFileError *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if ((file.permissions() & kOthers) != 0) {
        qCWarning(lcSync) << "the token file" << m_path
                          << "was readable by others; its permissions are now 0600";
        file.setPermissions(kOwnerOnly);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {u"cannot read %1: %2"_s.arg(m_path, file.errorString())};
        return std::nullopt;
    }
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    SessionToken token{json.value("token"_L1).toString(),
                       json.value("username"_L1).toString(),
                       json.value("role"_L1).toString(),
                       json.value("region"_L1).toString(),
                       json.value("enterprise"_L1).toString(),
                       json.value("server"_L1).toString(),
                       qint64(json.value("saved_at"_L1).toDouble())};
    if (token.token.isEmpty()) {
        if (error)
            *error = {u"%1 holds no token"_s.arg(m_path)};
        return std::nullopt;
    }
    return token;
}

Status<TokenFileError> TokenFile::write(const SessionToken &token) const
{
    const QJsonObject json{{u"token"_s, token.token},
                           {u"username"_s, token.username},
                           {u"role"_s, token.role},
                           {u"region"_s, token.region},
                           {u"enterprise"_s, token.enterprise},
                           {u"server"_s, token.server},
                           {u"saved_at"_s, double(token.savedAtMillis)}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return TokenFileError{u"cannot write %1: %2"_s.arg(m_path, file.errorString())};
    // Before the first byte of the token: the temporary file is the user's alone.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return TokenFileError{u"cannot make %1 private: %2"_s.arg(m_path, file.errorString())};
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return TokenFileError{u"cannot write %1: %2"_s.arg(m_path, file.errorString())};
    return Done{};
}

Status<TokenFileError> TokenFile::remove() const
{
    QFile file(m_path);
    if (!file.exists() || file.remove())
        return Done{};
    return TokenFileError{u"cannot remove %1: %2"_s.arg(m_path, file.errorString())};
}

} // namespace gx
