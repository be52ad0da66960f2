#include "core/hlc.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr quint32 kMaxCounter = std::numeric_limits<quint32>::max();

bool isDeviceIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'.' || u == u'_' || u == u'-';
}

/** An unsigned decimal in 0..max with no sign and no leading zero, or the reason it is not. */
Result<quint64, HlcParseError> parseDecimal(QStringView text, quint64 max, QLatin1StringView what)
{
    if (text.isEmpty())
        return HlcParseError{what + u" is empty"_s};
    if (text.size() > 1 && text.front() == u'0')
        return HlcParseError{what + u" has a leading zero"_s};
    quint64 value = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < u'0' || u > u'9')
            return HlcParseError{what + u" has a character that is not a decimal digit"_s};
        const quint64 digit = u - u'0';
        if (value > (max - digit) / 10)
            return HlcParseError{what + u" is out of range (at most "_s + QString::number(max) +
                                 u')'};
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

QString Hlc::toString() const
{
    return QString::number(millis) + u':' + QString::number(counter) + u':' + device;
}

bool Hlc::isValidDeviceId(QStringView deviceId)
{
    return !deviceId.isEmpty() && deviceId.size() <= kMaxDeviceIdLength &&
           std::all_of(deviceId.begin(), deviceId.end(), isDeviceIdChar);
}

bool Hlc::isValid() const
{
    return millis >= 0 && millis <= kMaxMillis && isValidDeviceId(device);
}

Result<Hlc, HlcParseError> Hlc::parse(QStringView text)
{
    if (text.isEmpty())
        return HlcParseError{u"empty clock string"_s};
    const qsizetype first = text.indexOf(u':');
    const qsizetype second = first < 0 ? -1 : text.indexOf(u':', first + 1);
    if (second < 0)
        return HlcParseError{u"expected MILLIS:COUNTER:DEVICE_ID"_s};

    const auto millis = parseDecimal(text.first(first), quint64(kMaxMillis), "millis"_L1);
    if (!millis)
        return millis.error();
    const auto counter =
        parseDecimal(text.sliced(first + 1, second - first - 1), kMaxCounter, "counter"_L1);
    if (!counter)
        return counter.error();

    const QStringView device = text.sliced(second + 1);
    if (device.isEmpty())
        return HlcParseError{u"device id is empty"_s};
    if (device.size() > kMaxDeviceIdLength)
        return HlcParseError{u"device id is longer than %1 characters"_s.arg(kMaxDeviceIdLength)};
    if (!std::all_of(device.begin(), device.end(), isDeviceIdChar))
        return HlcParseError{u"device id has a character outside [A-Za-z0-9._-]"_s};

    return Hlc{static_cast<qint64>(millis.value()), static_cast<quint32>(counter.value()),
               device.toString()};
}

std::strong_ordering operator<=>(const Hlc &a, const Hlc &b)
{
    if (const auto c = a.millis <=> b.millis; c != 0)
        return c;
    if (const auto c = a.counter <=> b.counter; c != 0)
        return c;
    const int d = QStringView(a.device).compare(QStringView(b.device), Qt::CaseSensitive);
    return d <=> 0;
}

QString HlcDriftError::message() const
{
    return u"remote clock %1 ms is %2 ms ahead of the local wall clock %3 ms (at most %4 ms allowed)"_s
        .arg(remoteMillis)
        .arg(remoteMillis - wallMillis)
        .arg(wallMillis)
        .arg(maxDriftMillis);
}

HlcClock::HlcClock(QString deviceId, std::function<qint64()> wallClockMillis)
    : m_deviceId(std::move(deviceId))
    , m_wallClockMillis(std::move(wallClockMillis))
{}

qint64 HlcClock::wallMillis() const
{
    return std::clamp<qint64>(m_wallClockMillis(), 0, Hlc::kMaxMillis);
}

void HlcClock::advance(qint64 millis, quint32 counter, bool increment)
{
    m_millis = millis;
    m_counter = counter;
    if (!increment)
        return;
    if (m_counter == kMaxCounter) {
        // The counter is spent: borrow the next millisecond, which keeps the order total.
        ++m_millis;
        m_counter = 0;
    } else {
        ++m_counter;
    }
}

Hlc HlcClock::now()
{
    const qint64 wall = wallMillis();
    if (wall > m_millis)
        advance(wall, 0, false);
    else
        advance(m_millis, m_counter, true);
    return last();
}

Result<Hlc, HlcDriftError> HlcClock::receive(const Hlc &remote)
{
    const qint64 wall = wallMillis();
    if (remote.millis - wall > m_maxDriftMillis)
        return HlcDriftError{remote.millis, wall, m_maxDriftMillis};

    const qint64 top = std::max({m_millis, remote.millis, wall});
    if (top == m_millis && top == remote.millis)
        advance(top, std::max(m_counter, remote.counter), true);
    else if (top == m_millis)
        advance(top, m_counter, true);
    else if (top == remote.millis)
        advance(top, remote.counter, true);
    else
        advance(top, 0, false);
    return last();
}

Hlc HlcClock::last() const
{
    return Hlc{m_millis, m_counter, m_deviceId};
}

void HlcClock::restore(const Hlc &stored)
{
    if (std::pair(stored.millis, stored.counter) > std::pair(m_millis, m_counter)) {
        m_millis = stored.millis;
        m_counter = stored.counter;
    }
}

} // namespace gx
