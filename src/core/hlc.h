#pragma once

#include "core/result.h"

#include <QString>
#include <QStringView>

#include <compare>
#include <functional>

namespace gx {

/** Why a clock string was refused by Hlc::parse(). */
struct HlcParseError
{
    QString reason;
};

/**
 * A hybrid logical clock timestamp (Kulkarni et al., "Logical Physical Clocks", 2014): wall-clock
 * milliseconds, a counter that orders events within the same millisecond, and the device that
 * made the event, which breaks the remaining ties. Sync uses it to decide which of two concurrent
 * edits of one field is the later one.
 *
 * Its string form is "MILLIS:COUNTER:DEVICE_ID", e.g. "1732800000000:0:tablet-7". MILLIS is in
 * 0..kMaxMillis (2^53 - 1, so that it survives any JSON or JavaScript number), COUNTER in
 * 0..4294967295, both written in decimal without sign and without leading zeros. A device id is
 * 1..64 characters from [A-Za-z0-9._-]: no ':' (the separator), no spaces, nothing that needs
 * escaping in a URL, a file name or a log line.
 *
 * Timestamps are totally ordered by (millis, counter, device); devices compare by their ASCII
 * bytes. A default-constructed Hlc (empty device) is not valid and never comes out of parse().
 */
struct Hlc
{
    static constexpr qint64 kMaxMillis = (qint64(1) << 53) - 1;
    static constexpr int kMaxDeviceIdLength = 64;

    qint64 millis = 0;
    quint32 counter = 0;
    QString device;

    /** The string form "MILLIS:COUNTER:DEVICE_ID". */
    [[nodiscard]] QString toString() const;
    /** Reads the string form strictly; any deviation is an error with the reason. */
    [[nodiscard]] static Result<Hlc, HlcParseError> parse(QStringView text);
    /** Whether the text is a well-formed device id (see the class comment for the charset). */
    [[nodiscard]] static bool isValidDeviceId(QStringView deviceId);
    /** Whether this timestamp could have come out of parse(). */
    [[nodiscard]] bool isValid() const;

    friend bool operator==(const Hlc &, const Hlc &) = default;
    friend std::strong_ordering operator<=>(const Hlc &a, const Hlc &b);
};

/** Why HlcClock::receive() refused a remote timestamp. */
struct HlcDriftError
{
    qint64 remoteMillis = 0;
    qint64 wallMillis = 0;
    qint64 maxDriftMillis = 0;

    /** A sentence for logs and error answers. */
    [[nodiscard]] QString message() const;
};

/**
 * The clock of one device: hands out strictly increasing timestamps for local events and merges
 * timestamps received from elsewhere, so that an event caused by a received one always orders
 * after it, even when wall clocks disagree or step backwards.
 *
 * The wall clock is injected so that tests can stop it or move it back. A remote timestamp more
 * than maxDriftMillis() ahead of the local wall clock is refused rather than merged: merging it
 * would drag this clock (and everything it later stamps) into the far future for good.
 * When the counter would overflow, the clock moves to the next millisecond with counter 0.
 */
class HlcClock
{
public:
    static constexpr qint64 kDefaultMaxDriftMillis = 24 * 60 * 60 * 1000;

    /** deviceId should satisfy Hlc::isValidDeviceId(); wallClockMillis returns Unix ms. */
    explicit HlcClock(QString deviceId, std::function<qint64()> wallClockMillis);

    /** A timestamp for a new local event, greater than every one handed out or received. */
    [[nodiscard]] Hlc now();
    /**
     * Merges a timestamp received from another device and returns the timestamp of the receipt,
     * greater than both last() and remote; refused when remote is too far ahead of the wall clock.
     */
    [[nodiscard]] Result<Hlc, HlcDriftError> receive(const Hlc &remote);
    /** The latest timestamp handed out (millis 0, counter 0 before the first event). */
    [[nodiscard]] Hlc last() const;
    /**
     * Carries the clock over a restart: takes the millis and counter of a timestamp read back from
     * storage, so that new timestamps order after it. Never moves the clock backwards.
     */
    void restore(const Hlc &stored);

    [[nodiscard]] qint64 maxDriftMillis() const { return m_maxDriftMillis; }
    void setMaxDriftMillis(qint64 millis) { m_maxDriftMillis = millis; }
    [[nodiscard]] QString deviceId() const { return m_deviceId; }

private:
    [[nodiscard]] qint64 wallMillis() const;
    void advance(qint64 millis, quint32 counter, bool increment);

    QString m_deviceId;
    std::function<qint64()> m_wallClockMillis;
    qint64 m_millis = 0;
    quint32 m_counter = 0;
    qint64 m_maxDriftMillis = kDefaultMaxDriftMillis;
};

} // namespace gx
