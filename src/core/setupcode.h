#pragma once

#include "core/localizedtext.h"
#include "core/result.h"

#include <QString>
#include <QUrl>

namespace gx {

/**
 * The setup code the office's accounts screen shows (as a QR code and as text) after making an
 * account: where the server is and the user name, never a password. Its text is a URI:
 *
 *     gengxin://setup?server=https%3A%2F%2Fgx.example.cn%3A8443&user=wang.li
 *
 * `server` is the server's base URL (http or https, a host, no query), `user` the user name
 * (1-64 characters, no control characters or spaces), both percent-encoded UTF-8. The login
 * screen takes it typed or pasted (surrounding spaces ignored) to fill server and user.
 */
struct SetupCode
{
    QUrl server;
    QString user;

    enum class Error
    {
        NotACode,      ///< not gengxin://setup?...
        MissingServer, ///< no server=
        BadServer,     ///< not an http(s) URL with a host
        MissingUser,   ///< no user=
        BadUser,       ///< empty, too long, spaces or control characters
        HasPassword,   ///< a code never carries a password: refused rather than half-read
        TooLong,       ///< more than kMaxLength characters
    };

    static constexpr qsizetype kMaxLength = 2048;
    static constexpr qsizetype kMaxUserLength = 64;

    /** The code's text (what the QR code holds). */
    [[nodiscard]] QString toText() const;
    /** The code in `text`, or why it is none. */
    [[nodiscard]] static Result<SetupCode, Error> parse(const QString &text);
    /** A sentence for the person who typed it, in both languages. */
    [[nodiscard]] static LocalizedText describe(Error error);
};

} // namespace gx
