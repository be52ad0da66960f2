#include "sync/http/httprequestreader.h"

#include <QUrl>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

constexpr qsizetype kMaxMethodLength = 16;
constexpr qsizetype kMaxContentLengthDigits = 18;
constexpr std::array kMethods{"GET"_L1,    "HEAD"_L1,    "POST"_L1, "PUT"_L1,
                              "DELETE"_L1, "OPTIONS"_L1, "PATCH"_L1};

/** RFC 9110 tchar: what a method or a field name is made of. */
bool isTokenChar(char c)
{
    static constexpr QByteArrayView others("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           others.contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

/** RFC 9110 field-vchar, SP and HTAB: no control character but tab. */
bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

/** A Host value: a name or address and an optional port, nothing that QUrl reads otherwise. */
bool isHostValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
    });
}

} // namespace

HttpRequestReader::HttpRequestReader(const HttpLimits &limits, BodyLimit bodyLimit)
    : m_limits(limits)
    , m_bodyLimit(std::move(bodyLimit))
{
    // Never let through more than QHttpServer's header parser reads in full.
    m_limits.maxHeaderFields = std::clamp(m_limits.maxHeaderFields, 0, kQtMaxHeaderFields);
    m_limits.maxHeadBytes = std::clamp<qint64>(m_limits.maxHeadBytes, 64, kQtMaxFieldBytes - 1024);
}

QByteArray HttpRequestReader::escapedForLog(QByteArrayView bytes, qsizetype max)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    const QByteArrayView shown = bytes.first(std::min(bytes.size(), max));
    out.reserve(shown.size() + 8);
    for (char c : shown) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\' && c != '"') {
            out.append(c);
        } else {
            out.append("\\x");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    }
    if (shown.size() < bytes.size())
        out.append("...");
    return out;
}

QByteArray HttpRequestReader::currentMethod() const
{
    if (m_requestLineDone)
        return m_current.method;
    return m_line.left(m_line.indexOf(' ')).left(kMaxMethodLength + 1);
}

QByteArray HttpRequestReader::currentTarget() const
{
    if (m_requestLineDone)
        return m_current.target;
    const qsizetype start = m_line.indexOf(' ');
    if (start < 0)
        return {};
    const qsizetype end = m_line.indexOf(' ', start + 1);
    return m_line.mid(start + 1, end < 0 ? -1 : end - start - 1);
}

void HttpRequestReader::refuse(int status, const QString &code, const QString &message,
                               const QString &field)
{
    m_state = State::Refused;
    m_refusal = HttpRefusal{status, code, message, field};
}

bool HttpRequestReader::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n && m_state != State::Refused) {
        switch (m_state) {
        case State::Refused:
            break;
        case State::Between: {
            const char c = bytes[i];
            if (c == '\r' || c == '\n') { // empty lines between requests (RFC 9112, 2.2)
                ++i;
                ++m_offset;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
                refuse(400, u"bad_request"_s, u"A request starts with its method, not a space."_s);
                continue;
            }
            m_state = State::Head;
            m_headStart = m_offset;
            m_line.clear();
            m_sawCr = false;
            m_current = RequestHead{};
            m_requestLineDone = false;
            m_contentLength.reset();
            m_sawHost = m_upgradeConnection = m_websocket = false;
            continue;
        }
        case State::Body: {
            const qint64 take = std::min<qint64>(m_bodyLeft, n - i);
            i += qsizetype(take);
            m_offset += take;
            m_bodyLeft -= take;
            if (m_bodyLeft == 0)
                m_state = State::Between;
            continue;
        }
        case State::Head: {
            const char c = bytes[i];
            if (m_sawCr) {
                if (c != '\n') {
                    refuse(400, u"bad_request"_s,
                           u"A CR in the request head must be followed by LF."_s);
                    continue;
                }
                ++i;
                ++m_offset;
                m_sawCr = false;
                const QByteArray line = m_line;
                m_line.clear();
                takeLine(line);
                continue;
            }
            if (c == '\n') {
                refuse(400, u"bad_request"_s,
                       u"Lines of the request head end with CRLF, not a bare LF."_s);
                continue;
            }
            if (c == '\r') {
                m_sawCr = true;
                ++i;
                ++m_offset;
            } else {
                qsizetype j = i;
                while (j < n && bytes[j] != '\r' && bytes[j] != '\n')
                    ++j;
                // Up to the byte that crosses a limit, so that a refusal is at the same offset
                // however the stream was cut.
                qint64 room = m_headStart + m_limits.maxHeadBytes + 1 - m_offset;
                if (!m_requestLineDone)
                    room = std::min<qint64>(room, maxRequestLine() + 1 - m_line.size());
                j = std::min<qsizetype>(j, i + qsizetype(std::max<qint64>(room, 1)));
                m_line.append(bytes.sliced(i, j - i));
                m_offset += j - i;
                i = j;
            }
            if (m_offset - m_headStart > m_limits.maxHeadBytes) {
                refuse(431, u"headers_too_large"_s,
                       u"The request line and headers exceed the limit of %1 bytes."_s.arg(
                           m_limits.maxHeadBytes));
                continue;
            }
            checkOpenLine();
            continue;
        }
        }
    }
    return m_state != State::Refused;
}

void HttpRequestReader::checkOpenLine()
{
    if (!m_requestLineDone && m_line.size() > maxRequestLine()) {
        refuse(414, u"uri_too_long"_s,
               u"The request target is longer than %1 bytes."_s.arg(m_limits.maxTargetBytes));
    }
}

qint64 HttpRequestReader::maxRequestLine() const
{
    // The longest acceptable request line: method, two spaces, the target and "HTTP/1.1".
    return m_limits.maxTargetBytes + kMaxMethodLength + 10;
}

void HttpRequestReader::takeLine(QByteArrayView line)
{
    if (!m_requestLineDone)
        takeRequestLine(line);
    else if (line.isEmpty())
        finishHead();
    else
        takeHeader(line);
}

void HttpRequestReader::takeRequestLine(QByteArrayView line)
{
    m_requestLineDone = true;
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 > 0)
        m_current.method = line.first(sp1).toByteArray();
    if (sp2 > sp1 + 1)
        m_current.target = line.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 + 1 == line.size()) {
        refuse(400, u"bad_request"_s,
               u"The request line must read 'METHOD TARGET HTTP/1.1', single spaces between."_s);
        return;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (method.size() > kMaxMethodLength || !isToken(method)) {
        refuse(400, u"bad_request"_s, u"The method is not a token."_s);
        return;
    }
    if (std::none_of(kMethods.begin(), kMethods.end(),
                     [&](QLatin1StringView known) { return known == method; })) {
        refuse(501, u"not_implemented"_s, u"This server does not implement that method."_s);
        return;
    }
    if (target.size() > m_limits.maxTargetBytes) {
        refuse(414, u"uri_too_long"_s,
               u"The request target is longer than %1 bytes."_s.arg(m_limits.maxTargetBytes));
        return;
    }
    const bool visible = std::all_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (target.front() != '/' || !visible) {
        refuse(400, u"bad_request"_s,
               u"The request target must be a path starting with '/', in visible ASCII "
               "(percent-encode the rest)."_s);
        return;
    }
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        m_current.minorVersion = version.back() - '0';
    } else if (version.size() == 8 && version.startsWith("HTTP/") &&
               isDigits(version.sliced(5, 1)) && version[6] == '.' && isDigits(version.sliced(7))) {
        refuse(505, u"http_version_not_supported"_s, u"This server speaks HTTP/1.1 and 1.0."_s);
        return;
    } else {
        refuse(400, u"bad_request"_s, u"The request line must end with HTTP/1.1."_s);
        return;
    }
    m_current.path = QUrl::fromEncoded(m_current.target).path();
}

void HttpRequestReader::takeHeader(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        refuse(400, u"bad_request"_s,
               u"A header line may not start with a space (folded lines are not accepted)."_s);
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
    if (!isToken(name)) {
        refuse(400, u"bad_request"_s,
               u"Each header line must read 'Name: value', the name a token with no space "
               "before the colon."_s);
        return;
    }
    const QString field = QString::fromLatin1(name);
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!std::all_of(value.begin(), value.end(), isFieldValueChar)) {
        refuse(400, u"bad_request"_s, u"The value of %1 contains a control character."_s.arg(field),
               field);
        return;
    }
    if (++m_current.fieldCount > m_limits.maxHeaderFields) {
        refuse(431, u"headers_too_large"_s,
               u"The request has more than %1 header fields."_s.arg(m_limits.maxHeaderFields));
        return;
    }
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "content-length") {
        if (!isDigits(value) || value.size() > kMaxContentLengthDigits) {
            refuse(400, u"bad_request"_s, u"The Content-Length is not a number."_s,
                   u"Content-Length"_s);
            return;
        }
        const qint64 length = value.toLongLong();
        if (m_contentLength && *m_contentLength != length) {
            refuse(400, u"bad_request"_s, u"The request has two different Content-Length values."_s,
                   u"Content-Length"_s);
            return;
        }
        m_contentLength = length;
    } else if (lower == "transfer-encoding") {
        if (value.toByteArray().toLower() != "identity") {
            refuse(411, u"length_required"_s,
                   u"Send the body with a Content-Length; chunked bodies are not accepted."_s,
                   u"Transfer-Encoding"_s);
        }
    } else if (lower == "host") {
        if (m_sawHost || !isHostValue(value)) {
            refuse(400, u"bad_request"_s, u"The request needs one Host, a name and a port."_s,
                   u"Host"_s);
            return;
        }
        m_sawHost = true;
    } else if (lower == "connection") {
        const QByteArray tokens = value.toByteArray().toLower();
        // QHttpServer looks for "upgrade" anywhere in the value.
        m_upgradeConnection = m_upgradeConnection || tokens.contains("upgrade");
        for (const QByteArray &token : tokens.split(',')) {
            if (trimmedOws(token) == "close")
                m_current.closeAfter = true;
        }
    } else if (lower == "upgrade") {
        m_websocket = m_websocket || value.toByteArray().toLower().contains("websocket");
    }
}

void HttpRequestReader::finishHead()
{
    if (m_upgradeConnection && m_websocket) {
        refuse(400, u"bad_request"_s, u"This server does not speak WebSocket."_s, u"Upgrade"_s);
        return;
    }
    const qint64 length = m_contentLength.value_or(0);
    const qint64 limit = m_bodyLimit ? m_bodyLimit(m_current) : m_limits.maxBodyBytes;
    if (length > limit) {
        refuse(413, u"payload_too_large"_s,
               u"The request body of %1 bytes exceeds the limit of %2 bytes for this call."_s
                   .arg(length)
                   .arg(limit),
               u"Content-Length"_s);
        return;
    }
    m_current.contentLength = length;
    m_current.closeAfter = m_current.closeAfter || m_current.minorVersion == 0;
    m_framed.append(FramedRequest{m_current, m_offset, m_offset + length});
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Between;
}

} // namespace gx::server
