#include "syncclient/tokenfile.h"

#include "syncclient/privatefile.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

TokenFile::TokenFile(QString path)
    : m_path(std::move(path))
{}

QString TokenFile::pathFor(const QString &storePath)
{
    return storePath + u".token"_s;
}

QByteArray TokenFile::encode(const SessionToken &token)
{
    const QJsonObject json{{u"token"_s, token.token},
                           {u"username"_s, token.username},
                           {u"role"_s, token.role},
                           {u"region"_s, token.region},
                           {u"enterprise"_s, token.enterprise},
                           {u"server"_s, token.server},
                           {u"saved_at"_s, double(token.savedAtMillis)}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<SessionToken> TokenFile::decode(const QByteArray &bytes, const QString &where,
                                              TokenFileError *error)
{
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    SessionToken token{json.value("token"_L1).toString(),
                       json.value("username"_L1).toString(),
                       json.value("role"_L1).toString(),
                       json.value("region"_L1).toString(),
                       json.value("enterprise"_L1).toString(),
                       json.value("server"_L1).toString(),
                       qint64(json.value("saved_at"_L1).toDouble())};
    if (token.token.isEmpty()) {
        if (error)
            *error = {u"%1 holds no token"_s.arg(where)};
        return std::nullopt;
    }
    return token;
}

std::optional<SessionToken> TokenFile::read(TokenFileError *error) const
{
    auto bytes = PrivateFile(m_path).read();
    if (!bytes) {
        if (error)
            *error = {bytes.error()};
        return std::nullopt;
    }
    if (!bytes.value())
        return std::nullopt;
    return decode(*bytes.value(), m_path, error);
}

Status<TokenFileError> TokenFile::write(const SessionToken &token) const
{
    if (auto done = PrivateFile(m_path).write(encode(token)); !done)
        return TokenFileError{done.error()};
    return Done{};
}

Status<TokenFileError> TokenFile::remove() const
{
    if (auto done = PrivateFile(m_path).remove(); !done)
        return TokenFileError{done.error()};
    return Done{};
}

} // namespace gx
