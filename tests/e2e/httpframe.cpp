#include "httpframe.h"

#include <QList>

namespace gx::e2e {

namespace {

constexpr qsizetype kMaxHead = 64 * 1024;

} // namespace

HttpFrame::Status HttpFrame::take(QByteArray &buffer, HttpFrame &frame)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return buffer.size() > kMaxHead ? Status::Malformed : Status::Incomplete;
    HttpFrame found;
    found.head = buffer.left(end + 4);
    if (!found.header("Transfer-Encoding").isEmpty())
        return Status::Malformed;
    const QByteArray lengthText = found.header("Content-Length");
    qint64 length = 0;
    if (!lengthText.isEmpty()) {
        bool ok = false;
        length = lengthText.toLongLong(&ok);
        if (!ok || length < 0)
            return Status::Malformed;
    }
    if (buffer.size() < end + 4 + length)
        return Status::Incomplete;
    found.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    frame = found;
    return Status::Complete;
}

QByteArray HttpFrame::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray wanted = name.toLower() + ':';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).toLower().startsWith(wanted))
            return lines.at(i).mid(wanted.size()).trimmed();
    }
    return {};
}

QByteArray HttpFrame::headWithLength(qsizetype length) const
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            line = "Content-Length: " + QByteArray::number(length) + '\r';
    }
    return lines.join('\n');
}

int HttpFrame::status() const
{
    if (!head.startsWith("HTTP/"))
        return 0;
    const QList<QByteArray> parts = head.left(head.indexOf('\r')).split(' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

QByteArray HttpFrame::requestLine() const
{
    const QList<QByteArray> parts = head.left(head.indexOf('\r')).split(' ');
    return parts.size() >= 2 ? parts.at(0) + ' ' + parts.at(1) : QByteArray();
}

} // namespace gx::e2e
