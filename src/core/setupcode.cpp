#include "core/setupcode.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

bool validUser(const QString &user)
{
    if (user.isEmpty() || user.size() > SetupCode::kMaxUserLength)
        return false;
    for (QChar c : user) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool validServer(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == u"http"_s || scheme == u"https"_s) &&
           !url.host().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
           url.userInfo().isEmpty();
}

} // namespace

QString SetupCode::toText() const
{
    QUrlQuery query;
    query.addQueryItem(u"server"_s,
                       QString::fromLatin1(QUrl::toPercentEncoding(server.toString())));
    query.addQueryItem(u"user"_s, QString::fromLatin1(QUrl::toPercentEncoding(user)));
    return u"gengxin://setup?"_s + query.query(QUrl::FullyEncoded);
}

Result<SetupCode, SetupCode::Error> SetupCode::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() > kMaxLength)
        return Error::TooLong;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"gengxin"_s || url.host() != u"setup"_s ||
        !url.path().isEmpty() || !url.hasQuery())
        return Error::NotACode;
    const QUrlQuery query(url.query(QUrl::FullyEncoded));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (key.compare(u"password"_s, Qt::CaseInsensitive) == 0 ||
            key.compare(u"pass"_s, Qt::CaseInsensitive) == 0)
            return Error::HasPassword;
    }
    if (!query.hasQueryItem(u"server"_s))
        return Error::MissingServer;
    if (!query.hasQueryItem(u"user"_s))
        return Error::MissingUser;
    SetupCode code;
    code.server = QUrl(query.queryItemValue(u"server"_s, QUrl::FullyDecoded), QUrl::StrictMode);
    if (!validServer(code.server))
        return Error::BadServer;
    code.user = query.queryItemValue(u"user"_s, QUrl::FullyDecoded);
    if (!validUser(code.user))
        return Error::BadUser;
    return code;
}

LocalizedText SetupCode::describe(Error error)
{
    switch (error) {
    case Error::NotACode:
        return {u"这不是设置码：设置码以 gengxin://setup? 开头。"_s,
                u"This is not a setup code: a setup code begins with gengxin://setup?."_s};
    case Error::MissingServer:
        return {u"设置码缺少服务器地址（server）。"_s,
                u"The setup code has no server address (server)."_s};
    case Error::BadServer:
        return {u"设置码中的服务器地址不是有效的 http 或 https 地址。"_s,
                u"The server address in the setup code is not a valid http or https address."_s};
    case Error::MissingUser:
        return {u"设置码缺少用户名（user）。"_s, u"The setup code has no user name (user)."_s};
    case Error::BadUser:
        return {u"设置码中的用户名无效（1 至 64 个字符，不含空格）。"_s,
                u"The user name in the setup code is not valid (1 to 64 characters, no spaces)."_s};
    case Error::HasPassword:
        return {
            u"设置码不应包含密码，已拒绝；请向经信局索取新的设置码。"_s,
            u"A setup code never holds a password: refused; ask the office for a new setup code."_s};
    case Error::TooLong:
        return {u"设置码太长。"_s, u"The setup code is too long."_s};
    }
    return {};
}

} // namespace gx
