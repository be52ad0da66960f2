#include "core/hlc.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using gx::Hlc;
using gx::HlcClock;

namespace gx {
char *toString(const Hlc &hlc)
{
    return QTest::toString(hlc.toString());
}
} // namespace gx

namespace {

constexpr quint32 kMaxCounter = std::numeric_limits<quint32>::max(); // 4294967295

/** A wall clock the test sets by hand. */
struct FakeWall
{
    qint64 now = 0;
    std::function<qint64()> source()
    {
        return [this] {
            return now;
        };
    }
};

} // namespace

class Tst_hlc : public QObject
{
    Q_OBJECT

private slots:
    void ordering_data();
    void ordering();
    void roundTrip_data();
    void roundTrip();
    void parseRejects_data();
    void parseRejects();
    void deviceIdCharset();
    void freshClockStartsAtZero();
    void nowIsMonotonic_data();
    void nowIsMonotonic();
    void nowCounterOverflow();
    void receive_data();
    void receive();
    void receiveRefusesFarFuture();
    void restore();
};

void Tst_hlc::ordering_data()
{
    QTest::addColumn<Hlc>("a");
    QTest::addColumn<Hlc>("b");
    QTest::addColumn<int>("expected"); // sign of a <=> b

    QTest::newRow("millis first") << Hlc{1, 0, u"a"_s} << Hlc{2, 0, u"a"_s} << -1;
    QTest::newRow("millis beats counter") << Hlc{2, 0, u"a"_s} << Hlc{1, 5, u"z"_s} << 1;
    QTest::newRow("millis numeric not textual") << Hlc{9, 0, u"a"_s} << Hlc{10, 0, u"a"_s} << -1;
    QTest::newRow("counter second") << Hlc{1, 1, u"a"_s} << Hlc{1, 2, u"a"_s} << -1;
    QTest::newRow("counter numeric") << Hlc{1, 10, u"a"_s} << Hlc{1, 2, u"a"_s} << 1;
    QTest::newRow("counter beats device") << Hlc{1, 3, u"zz"_s} << Hlc{1, 4, u"aa"_s} << -1;
    QTest::newRow("device breaks tie") << Hlc{1, 0, u"a"_s} << Hlc{1, 0, u"b"_s} << -1;
    QTest::newRow("device by ASCII: B < a") << Hlc{1, 0, u"B"_s} << Hlc{1, 0, u"a"_s} << -1;
    QTest::newRow("device prefix first") << Hlc{1, 0, u"a"_s} << Hlc{1, 0, u"aa"_s} << -1;
    QTest::newRow("equal") << Hlc{1732800000000, 0, u"tablet-7"_s}
                           << Hlc{1732800000000, 0, u"tablet-7"_s} << 0;
}

void Tst_hlc::ordering()
{
    QFETCH(Hlc, a);
    QFETCH(Hlc, b);
    QFETCH(int, expected);

    const auto forward = a <=> b;
    const auto backward = b <=> a;
    QCOMPARE(forward < 0 ? -1 : (forward > 0 ? 1 : 0), expected);
    QCOMPARE(backward < 0 ? -1 : (backward > 0 ? 1 : 0), -expected);
    QCOMPARE(a == b, expected == 0);
    QCOMPARE(a < b, expected < 0);
}

void Tst_hlc::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("millis");
    QTest::addColumn<quint32>("counter");
    QTest::addColumn<QString>("device");

    QTest::newRow("design example")
        << u"1732800000000:0:tablet-7"_s << qint64(1732800000000) << quint32(0) << u"tablet-7"_s;
    QTest::newRow("zeros") << u"0:0:a"_s << qint64(0) << quint32(0) << u"a"_s;
    QTest::newRow("every device char")
        << u"5:17:Az09._-"_s << qint64(5) << quint32(17) << u"Az09._-"_s;
    const QString longest(64, u'x');
    QTest::newRow("largest") << u"9007199254740991:4294967295:"_s + longest
                             << qint64(9007199254740991) << kMaxCounter << longest;
}

void Tst_hlc::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(qint64, millis);
    QFETCH(quint32, counter);
    QFETCH(QString, device);

    const auto parsed = Hlc::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().reason));
    QCOMPARE(parsed.value().millis, millis);
    QCOMPARE(parsed.value().counter, counter);
    QCOMPARE(parsed.value().device, device);
    QVERIFY(parsed.value().isValid());
    QCOMPARE(parsed.value().toString(), text);
    QCOMPARE((Hlc{millis, counter, device}.toString()), text);
}

void Tst_hlc::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    const QString digit = u"has a character that is not a decimal digit"_s;
    const QString charset = u"outside [A-Za-z0-9._-]"_s;
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("two parts") << u"1:2"_s << u"expected MILLIS:COUNTER:DEVICE_ID"_s;
    QTest::newRow("one part") << u"1732800000000"_s << u"expected MILLIS:COUNTER:DEVICE_ID"_s;
    QTest::newRow("negative millis") << u"-1:0:a"_s << u"millis "_s + digit;
    QTest::newRow("plus sign") << u"+1:0:a"_s << u"millis "_s + digit;
    QTest::newRow("leading zero millis") << u"01:0:a"_s << u"millis has a leading zero"_s;
    QTest::newRow("leading zero counter") << u"1:00:a"_s << u"counter has a leading zero"_s;
    QTest::newRow("empty millis") << u":0:a"_s << u"millis is empty"_s;
    QTest::newRow("empty counter") << u"1::a"_s << u"counter is empty"_s;
    QTest::newRow("empty device") << u"1:0:"_s << u"device id is empty"_s;
    QTest::newRow("space in device") << u"1:0:a b"_s << charset;
    QTest::newRow("colon in device") << u"1:0:a:b"_s << charset;
    QTest::newRow("newline after device") << u"1:0:tablet-7\n"_s << charset;
    QTest::newRow("CJK device") << u"1:0:平板"_s << charset;
    QTest::newRow("device too long")
        << u"1:0:"_s + QString(65, u'x') << u"longer than 64 characters"_s;
    QTest::newRow("space before millis") << u" 1:0:a"_s << u"millis "_s + digit;
    QTest::newRow("fraction millis") << u"1.5:0:a"_s << u"millis "_s + digit;
    QTest::newRow("exponent millis") << u"1e3:0:a"_s << u"millis "_s + digit;
    QTest::newRow("arabic-indic digit") << u"\u0661:0:a"_s << u"millis "_s + digit;
    QTest::newRow("millis 2^53") << u"9007199254740992:0:a"_s << u"millis is out of range"_s;
    QTest::newRow("millis beyond qint64")
        << u"9223372036854775808:0:a"_s << u"millis is out of range"_s;
    QTest::newRow("millis beyond quint64")
        << u"99999999999999999999999:0:a"_s << u"millis is out of range"_s;
    QTest::newRow("counter 2^32") << u"1:4294967296:a"_s << u"counter is out of range"_s;
    QTest::newRow("negative counter") << u"1:-1:a"_s << u"counter "_s + digit;
}

void Tst_hlc::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    const auto parsed = Hlc::parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().reason.contains(reason), qPrintable(parsed.error().reason));
}

void Tst_hlc::deviceIdCharset()
{
    QVERIFY(Hlc::isValidDeviceId(u"tablet-7"));
    QVERIFY(Hlc::isValidDeviceId(u"A.b_C-9"));
    QVERIFY(Hlc::isValidDeviceId(QString(64, u'd')));
    QVERIFY(!Hlc::isValidDeviceId(QString(65, u'd')));
    QVERIFY(!Hlc::isValidDeviceId(u""));
    QVERIFY(!Hlc::isValidDeviceId(u"a/b"));
    QVERIFY(!Hlc::isValidDeviceId(u"a:b"));
    QVERIFY(!Hlc::isValidDeviceId(u"é"));
    QVERIFY(!(Hlc{}.isValid()));
}

void Tst_hlc::freshClockStartsAtZero()
{
    FakeWall wall{1000};
    HlcClock clock(u"tablet-7"_s, wall.source());
    QCOMPARE(clock.last(), (Hlc{0, 0, u"tablet-7"_s}));
    QCOMPARE(clock.deviceId(), u"tablet-7"_s);
    QCOMPARE(clock.maxDriftMillis(), qint64(86400000));
    QCOMPARE(clock.now(), (Hlc{1000, 0, u"tablet-7"_s}));
}

void Tst_hlc::nowIsMonotonic_data()
{
    QTest::addColumn<QList<qint64>>("walls"); // the wall clock at each call of now()
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("wall advances") << QList<qint64>{1000, 1001, 1005}
                                   << QStringList{u"1000:0:d"_s, u"1001:0:d"_s, u"1005:0:d"_s};
    QTest::newRow("wall stands still")
        << QList<qint64>{1000, 1000, 1000, 1000}
        << QStringList{u"1000:0:d"_s, u"1000:1:d"_s, u"1000:2:d"_s, u"1000:3:d"_s};
    QTest::newRow("wall jumps back")
        << QList<qint64>{5000, 4000, 3000, 5000, 5001}
        << QStringList{u"5000:0:d"_s, u"5000:1:d"_s, u"5000:2:d"_s, u"5000:3:d"_s, u"5001:0:d"_s};
    QTest::newRow("wall negative")
        << QList<qint64>{-50, -10} << QStringList{u"0:1:d"_s, u"0:2:d"_s};
}

void Tst_hlc::nowIsMonotonic()
{
    QFETCH(QList<qint64>, walls);
    QFETCH(QStringList, expected);

    FakeWall wall;
    HlcClock clock(u"d"_s, wall.source());
    Hlc previous = clock.last();
    for (qsizetype i = 0; i < walls.size(); ++i) {
        wall.now = walls.at(i);
        const Hlc stamp = clock.now();
        QCOMPARE(stamp.toString(), expected.at(i));
        QVERIFY(stamp > previous);
        QCOMPARE(clock.last(), stamp);
        previous = stamp;
    }
}

void Tst_hlc::nowCounterOverflow()
{
    FakeWall wall{1000};
    HlcClock clock(u"d"_s, wall.source());
    clock.restore(Hlc{1000, kMaxCounter - 1, u"d"_s});
    QCOMPARE(clock.now(), (Hlc{1000, kMaxCounter, u"d"_s}));
    // The counter is spent: the clock borrows the next millisecond.
    QCOMPARE(clock.now(), (Hlc{1001, 0, u"d"_s}));
    QCOMPARE(clock.now(), (Hlc{1001, 1, u"d"_s}));
}

void Tst_hlc::receive_data()
{
    QTest::addColumn<Hlc>("local"); // the clock's state before (restored)
    QTest::addColumn<qint64>("wall");
    QTest::addColumn<Hlc>("remote");
    QTest::addColumn<qint64>("millis");
    QTest::addColumn<quint32>("counter");

    const QString peer = u"peer"_s;
    QTest::newRow("remote ahead") << Hlc{1000, 2, u"d"_s} << qint64(1000) << Hlc{5000, 7, peer}
                                  << qint64(5000) << quint32(8);
    QTest::newRow("remote behind")
        << Hlc{1000, 2, u"d"_s} << qint64(1000) << Hlc{900, 9, peer} << qint64(1000) << quint32(3);
    QTest::newRow("equal millis, remote counter higher")
        << Hlc{1000, 2, u"d"_s} << qint64(1000) << Hlc{1000, 7, peer} << qint64(1000) << quint32(8);
    QTest::newRow("equal millis, local counter higher")
        << Hlc{1000, 9, u"d"_s} << qint64(1000) << Hlc{1000, 7, peer} << qint64(1000)
        << quint32(10);
    QTest::newRow("all equal") << Hlc{1000, 4, u"d"_s} << qint64(1000) << Hlc{1000, 4, peer}
                               << qint64(1000) << quint32(5);
    QTest::newRow("wall ahead of both")
        << Hlc{1000, 2, u"d"_s} << qint64(3000) << Hlc{2000, 5, peer} << qint64(3000) << quint32(0);
    QTest::newRow("remote ahead, wall behind local")
        << Hlc{1000, 2, u"d"_s} << qint64(10) << Hlc{1500, 0, peer} << qint64(1500) << quint32(1);
    QTest::newRow("local counter spent") << Hlc{1000, kMaxCounter, u"d"_s} << qint64(1000)
                                         << Hlc{900, 0, peer} << qint64(1001) << quint32(0);
    QTest::newRow("remote counter spent")
        << Hlc{500, 0, u"d"_s} << qint64(500) << Hlc{1000, kMaxCounter, peer} << qint64(1001)
        << quint32(0);
}

void Tst_hlc::receive()
{
    QFETCH(Hlc, local);
    QFETCH(qint64, wall);
    QFETCH(Hlc, remote);
    QFETCH(qint64, millis);
    QFETCH(quint32, counter);

    FakeWall fake{wall};
    HlcClock clock(u"d"_s, fake.source());
    clock.restore(local);
    QCOMPARE(clock.last(), local);

    const auto merged = clock.receive(remote);
    QVERIFY(merged.ok());
    QCOMPARE(merged.value(), (Hlc{millis, counter, u"d"_s}));
    QVERIFY(merged.value() > local);
    QVERIFY(merged.value() > remote);
    QCOMPARE(clock.last(), merged.value());
    // The next local event orders after the receipt.
    QVERIFY(clock.now() > merged.value());
}

void Tst_hlc::receiveRefusesFarFuture()
{
    const qint64 day = 24LL * 60 * 60 * 1000; // 86,400,000 ms
    FakeWall wall{1'000'000};
    HlcClock clock(u"d"_s, wall.source());
    QCOMPARE(clock.now(), (Hlc{1'000'000, 0, u"d"_s}));

    const auto refused = clock.receive(Hlc{1'000'000 + day + 1, 0, u"peer"_s});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().remoteMillis, 1'000'000 + day + 1);
    QCOMPARE(refused.error().wallMillis, qint64(1'000'000));
    QCOMPARE(refused.error().maxDriftMillis, day);
    QVERIFY(refused.error().message().contains(u"86400001 ms ahead"_s));
    QCOMPARE(clock.last(), (Hlc{1'000'000, 0, u"d"_s})); // not poisoned

    const auto atLimit = clock.receive(Hlc{1'000'000 + day, 3, u"peer"_s});
    QVERIFY(atLimit.ok());
    QCOMPARE(atLimit.value(), (Hlc{1'000'000 + day, 4, u"d"_s}));

    clock.setMaxDriftMillis(1000);
    wall.now = 2'000'000'000;
    QVERIFY(!clock.receive(Hlc{2'000'001'001, 0, u"peer"_s}).ok());
    const auto within = clock.receive(Hlc{2'000'001'000, 0, u"peer"_s});
    QVERIFY(within.ok());
    QCOMPARE(within.value(), (Hlc{2'000'001'000, 1, u"d"_s}));
}

void Tst_hlc::restore()
{
    FakeWall wall{100};
    HlcClock clock(u"d"_s, wall.source());
    clock.restore(Hlc{5000, 3, u"other-device"_s});
    QCOMPARE(clock.last(), (Hlc{5000, 3, u"d"_s})); // keeps its own device id
    QCOMPARE(clock.now(), (Hlc{5000, 4, u"d"_s}));

    clock.restore(Hlc{10, 0, u"d"_s}); // older: ignored
    QCOMPARE(clock.last(), (Hlc{5000, 4, u"d"_s}));
    clock.restore(Hlc{5000, 2, u"d"_s}); // same millis, lower counter: ignored
    QCOMPARE(clock.now(), (Hlc{5000, 5, u"d"_s}));
}

QTEST_APPLESS_MAIN(Tst_hlc)
#include "tst_hlc.moc"
