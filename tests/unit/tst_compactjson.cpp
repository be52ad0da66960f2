// gx::toCompactJson must write exactly what QJsonDocument::toJson(Compact) writes: the server
// stores its text and compares it with text written earlier by Qt.

#include "core/compactjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class Tst_compactjson : public QObject
{
    Q_OBJECT

private slots:
    void sameAsQt_data();
    void sameAsQt();
    void parsedNumbers_data();
    void parsedNumbers();
    void arrays();
};

void Tst_compactjson::sameAsQt_data()
{
    QTest::addColumn<QJsonObject>("object");
    const QString surrogatePair = QString::fromUtf16(u"\U0001F600");
    QTest::newRow("empty") << QJsonObject{};
    QTest::newRow("scalars") << QJsonObject{
        {u"b"_s, true}, {u"f"_s, false}, {u"n"_s, QJsonValue::Null},
        {u"i"_s, 2024}, {u"d"_s, 0.1},   {u"neg"_s, -12.5}};
    QTest::newRow("key order") << QJsonObject{{u"zeta"_s, 1}, {u"alpha"_s, 2}, {u"mid"_s, 3}};
    QTest::newRow("big and small doubles") << QJsonObject{{u"a"_s, 1e21},
                                                          {u"b"_s, 1.5e-7},
                                                          {u"c"_s, 123456789.125},
                                                          {u"d"_s, 9007199254740993.0},
                                                          {u"e"_s, -0.0}};
    QTest::newRow("64-bit integers")
        << QJsonObject{{u"max"_s, QJsonValue(std::numeric_limits<qint64>::max())},
                       {u"min"_s, QJsonValue(std::numeric_limits<qint64>::min())}};
    QTest::newRow("non-finite") << QJsonObject{
        {u"inf"_s, std::numeric_limits<double>::infinity()},
        {u"nan"_s, std::numeric_limits<double>::quiet_NaN()}};
    QTest::newRow("escapes") << QJsonObject{
        {u"q\"k"_s, u"a\"b\\c/d"_s},
        {u"ws"_s, u"\b\f\n\r\t"_s},
        {u"ctl"_s, QString(QString(QChar(0x01)) + QChar(0x1f))}};
    QTest::newRow("chinese and emoji")
        << QJsonObject{{u"名称"_s, QString(u"丽水市莲都区 ✓ "_s + surrogatePair)}};
    QTest::newRow("lone surrogates")
        << QJsonObject{{u"high"_s, QString(QString(QChar(0xd83d)) + u"x"_s)},
                       {u"low"_s, QString(QChar(0xde00))},
                       {u"high at end"_s, QString(u"ab"_s + QChar(0xd800))}};
    QTest::newRow("SQL-looking") << QJsonObject{{u"name"_s, u"'; DROP TABLE records; --"_s}};
    QTest::newRow("nested") << QJsonObject{
        {u"meta"_s, QJsonObject{{u"hlc"_s, u"1700000000000:0:dev"_s}, {u"rev"_s, 3}}},
        {u"list"_s, QJsonArray{1, u"two"_s, QJsonArray{}, QJsonObject{}, QJsonValue::Null}}};
}

void Tst_compactjson::sameAsQt()
{
    QFETCH(QJsonObject, object);
    const QString expected =
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    QCOMPARE(gx::toCompactJson(object), expected);
}

void Tst_compactjson::parsedNumbers_data()
{
    // Parsed text keeps integers as integers (beyond 2^53 too) and the rest as doubles.
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("integer") << QByteArray(R"({"v":2024})");
    QTest::newRow("beyond 2^53") << QByteArray(R"({"v":12345678901234567})");
    QTest::newRow("fraction") << QByteArray(R"({"v":12.75})");
    QTest::newRow("exponent") << QByteArray(R"({"v":1e3})");
    QTest::newRow("beyond int64") << QByteArray(R"({"v":123456789012345678901234})");
    QTest::newRow("negative") << QByteArray(R"({"v":-5})");
}

void Tst_compactjson::parsedNumbers()
{
    QFETCH(QByteArray, text);
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    QVERIFY(!object.isEmpty());
    QCOMPARE(gx::toCompactJson(object),
             QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void Tst_compactjson::arrays()
{
    const QJsonArray array{1, 2.5, u"x\ny"_s, QJsonObject{{u"k"_s, false}}};
    QCOMPARE(gx::toCompactJson(array),
             QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    QCOMPARE(gx::toCompactJson(QJsonArray{}), u"[]"_s);
}

QTEST_APPLESS_MAIN(Tst_compactjson)
#include "tst_compactjson.moc"
