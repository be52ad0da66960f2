// The setup code of a new account (issue 10, item 3): gengxin://setup?server=...&user=...,
// never a password; produced by the accounts screen, read by the login screen.

#include "core/setupcode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::SetupCode;

class Tst_setupcode : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void parsesTypedCodes_data();
    void parsesTypedCodes();
    void refusesBadCodes_data();
    void refusesBadCodes();
};

void Tst_setupcode::roundTrip_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::newRow("https with port") << u"https://gx.example.cn:8443"_s << u"wang.li"_s;
    QTest::newRow("http loopback") << u"http://127.0.0.1:8080"_s << u"insp-1@lishui"_s;
    QTest::newRow("chinese name") << u"https://gx.example.cn"_s << u"张三"_s;
    QTest::newRow("path prefix") << u"https://proxy.example.cn/gengxin"_s << u"a&b=c"_s;
}

void Tst_setupcode::roundTrip()
{
    QFETCH(QString, server);
    QFETCH(QString, user);
    const SetupCode code{QUrl(server), user};
    const QString text = code.toText();
    QVERIFY2(text.startsWith(u"gengxin://setup?server="_s), qPrintable(text));
    QVERIFY2(!text.contains(u' '), qPrintable(text));
    auto parsed = SetupCode::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(text));
    QCOMPARE(parsed.value().server, QUrl(server));
    QCOMPARE(parsed.value().user, user);
}

void Tst_setupcode::parsesTypedCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::newRow("documented example")
        << u"gengxin://setup?server=https%3A%2F%2Fgx.example.cn%3A8443&user=wang.li"_s
        << u"https://gx.example.cn:8443"_s << u"wang.li"_s;
    QTest::newRow("pasted with spaces and a newline")
        << u"  gengxin://setup?server=http%3A%2F%2F10.0.0.5%3A8080&user=li\n"_s
        << u"http://10.0.0.5:8080"_s << u"li"_s;
    QTest::newRow("members in the other order")
        << u"gengxin://setup?user=li&server=http%3A%2F%2F10.0.0.5"_s << u"http://10.0.0.5"_s
        << u"li"_s;
    QTest::newRow("chinese percent-encoded")
        << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user=%E5%BC%A0%E4%B8%89"_s
        << u"https://a.cn"_s << u"张三"_s;
}

void Tst_setupcode::parsesTypedCodes()
{
    QFETCH(QString, text);
    QFETCH(QString, server);
    QFETCH(QString, user);
    auto parsed = SetupCode::parse(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().server, QUrl(server));
    QCOMPARE(parsed.value().user, user);
}

void Tst_setupcode::refusesBadCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");
    using E = SetupCode::Error;
    QTest::newRow("empty") << QString() << int(E::NotACode);
    QTest::newRow("a plain address") << u"https://gx.example.cn"_s << int(E::NotACode);
    QTest::newRow("other host") << u"gengxin://login?server=https%3A%2F%2Fa.cn&user=li"_s
                                << int(E::NotACode);
    QTest::newRow("no query") << u"gengxin://setup"_s << int(E::NotACode);
    QTest::newRow("no server") << u"gengxin://setup?user=li"_s << int(E::MissingServer);
    QTest::newRow("no user") << u"gengxin://setup?server=https%3A%2F%2Fa.cn"_s
                             << int(E::MissingUser);
    QTest::newRow("ftp server") << u"gengxin://setup?server=ftp%3A%2F%2Fa.cn&user=li"_s
                                << int(E::BadServer);
    QTest::newRow("server without host")
        << u"gengxin://setup?server=https%3A%2F%2F&user=li"_s << int(E::BadServer);
    QTest::newRow("server with credentials")
        << u"gengxin://setup?server=https%3A%2F%2Fli%3Apw%40a.cn&user=li"_s << int(E::BadServer);
    QTest::newRow("empty user") << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user="_s
                                << int(E::BadUser);
    QTest::newRow("user with a space")
        << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user=li%20si"_s << int(E::BadUser);
    QTest::newRow("user too long")
        << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user="_s + QString(65, u'a')
        << int(E::BadUser);
    QTest::newRow("carries a password")
        << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user=li&password=secret12"_s
        << int(E::HasPassword);
    QTest::newRow("too long") << u"gengxin://setup?server=https%3A%2F%2Fa.cn&user=li&x="_s +
                                     QString(3000, u'a')
                              << int(E::TooLong);
}

void Tst_setupcode::refusesBadCodes()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    auto parsed = SetupCode::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(int(parsed.error()), error);
    QVERIFY(!SetupCode::describe(parsed.error()).zh.isEmpty());
    QVERIFY(!SetupCode::describe(parsed.error()).en.isEmpty());
}

QTEST_GUILESS_MAIN(Tst_setupcode)
#include "tst_setupcode.moc"
