// Unified social credit codes (GB 32100-2015) and GB/T 4754-2017 industry codes.
//
// Every valid code below was worked out by hand; the arithmetic is in the comment above its row.
// Character values: GB 11714 (characters 9-16) counts A=10 ... Z=35 over the whole alphabet;
// GB 32100 (characters 1-17) counts over its own 31 characters 0-9 A-H J-N P-R T U W-Y, so there
// M=21, N=22, Q=24, R=25, X=29, Y=30. Weights: GB 11714 3 7 9 10 5 8 4 2; GB 32100 3^i mod 31.
#include "core/industrycode.h"
#include "core/uscc.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::IndustryCodeError;
using gx::UsccError;

Q_DECLARE_METATYPE(gx::UsccError)
Q_DECLARE_METATYPE(gx::IndustryCodeError)

namespace {
// The example of the standard's annex (a legal entity registered in 福州, 350100).
const QString kAnnexExample = u"91350100M000100Y43"_s;
} // namespace

class Tst_uscc : public QObject
{
    Q_OBJECT

private slots:
    void validCodes_data();
    void validCodes();
    void invalidCodes_data();
    void invalidCodes();
    void messagesNameTheExpectedCharacter();
    void everyErrorIsDescribed();
    void makeUsccBuildsValidCodes();
    void makeUsccRefusesMalformedParts_data();
    void makeUsccRefusesMalformedParts();
    void normalizeUscc_data();
    void normalizeUscc();
    void industryCodes_data();
    void industryCodes();
    void industrySections_data();
    void industrySections();
};

void Tst_uscc::validCodes_data()
{
    QTest::addColumn<QString>("code");

    // GB 11714 over M000100Y: M=22*3 + 0*7 + 0*9 + 0*10 + 1*5 + 0*8 + 0*4 + Y=34*2 = 139;
    //   139 mod 11 = 7, 11 - 7 = 4 -> '4'
    // GB 32100 over 91350100M000100Y4: 9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0*16 + 0*17
    //   + M=21*20 + 0*29 + 0*25 + 0*13 + 1*8 + 0*24 + 0*10 + Y=30*30 + 4*28 = 1640;
    //   1640 mod 31 = 28, 31 - 28 = 3 -> '3'
    QTest::newRow("annex example") << kAnnexExample;
    // GB 11714 over MA2E4K7B: M=22*3 + A=10*7 + 2*9 + E=14*10 + 4*5 + K=20*8 + 7*4 + B=11*2 = 524;
    //   524 mod 11 = 7, 11 - 7 = 4 -> '4'
    // GB 32100 over 91331102MA2E4K7B4: 9*1 + 1*3 + 3*9 + 3*27 + 1*19 + 1*26 + 0*16 + 2*17
    //   + M=21*20 + A=10*29 + 2*25 + E=14*13 + 4*8 + K=19*24 + 7*10 + B=11*30 + 4*28 = 2141;
    //   2141 mod 31 = 2, 31 - 2 = 29 -> 'X'
    QTest::newRow("enterprise in 莲都区, check X") << u"91331102MA2E4K7B4X"_s;
    // GB 11714 over MA28R6Q1: M=22*3 + A=10*7 + 2*9 + 8*10 + R=27*5 + 6*8 + Q=26*4 + 1*2 = 523;
    //   523 mod 11 = 6, 11 - 6 = 5 -> '5'
    // GB 32100 over 93331121MA28R6Q15: 9*1 + 3*3 + 3*9 + 3*27 + 1*19 + 1*26 + 2*16 + 1*17
    //   + M=21*20 + A=10*29 + 2*25 + 8*13 + R=25*8 + 6*24 + Q=24*10 + 1*30 + 5*28 = 1838;
    //   1838 mod 31 = 9, 31 - 9 = 22 -> 'N'
    QTest::newRow("farmers' cooperative (93)") << u"93331121MA28R6Q15N"_s;
    // GB 11714 over MJ9H3C4D: M=22*3 + J=19*7 + 9*9 + H=17*10 + 3*5 + C=12*8 + 4*4 + D=13*2 = 603;
    //   603 mod 11 = 9, 11 - 9 = 2 -> '2'
    // GB 32100 over 52331100MJ9H3C4D2: 5*1 + 2*3 + 3*9 + 3*27 + 1*19 + 1*26 + 0*16 + 0*17
    //   + M=21*20 + J=18*29 + 9*25 + H=17*13 + 3*8 + C=12*24 + 4*10 + D=13*30 + 2*28 = 2350;
    //   2350 mod 31 = 25, 31 - 25 = 6 -> '6'
    QTest::newRow("private non-enterprise unit (52)") << u"52331100MJ9H3C4D26"_s;
    // GB 11714 over C1234567: C=12*3 + 1*7 + 2*9 + 3*10 + 4*5 + 5*8 + 6*4 + 7*2 = 189;
    //   189 mod 11 = 2, 11 - 2 = 9 -> '9'
    // GB 32100 over N2331123C12345679: N=22*1 + 2*3 + 3*9 + 3*27 + 1*19 + 1*26 + 2*16 + 3*17
    //   + C=12*20 + 1*29 + 2*25 + 3*13 + 4*8 + 5*24 + 6*10 + 7*30 + 9*28 = 1296;
    //   1296 mod 31 = 25, 31 - 25 = 6 -> '6'
    QTest::newRow("village collective (N2)") << u"N2331123C123456796"_s;
    // GB 11714 over E0012345: E=14*3 + 0*7 + 0*9 + 1*10 + 2*5 + 3*8 + 4*4 + 5*2 = 112;
    //   112 mod 11 = 2, 11 - 2 = 9 -> '9'
    // GB 32100 over 31330000E00123459: 3*1 + 1*3 + 3*9 + 3*27 + 0*19 + 0*26 + 0*16 + 0*17
    //   + E=14*20 + 0*29 + 0*25 + 1*13 + 2*8 + 3*24 + 4*10 + 5*30 + 9*28 = 937;
    //   937 mod 31 = 7, 31 - 7 = 24 -> 'Q'
    QTest::newRow("law firm (31)") << u"31330000E00123459Q"_s;
    // GB 11714 over 12345678: 1*3 + 2*7 + 3*9 + 4*10 + 5*5 + 6*8 + 7*4 + 8*2 = 201;
    //   201 mod 11 = 3, 11 - 3 = 8 -> '8'
    // GB 32100 over Y1110000123456788: Y=30*1 + 1*3 + 1*9 + 1*27 + 0*19 + 0*26 + 0*16 + 0*17
    //   + 1*20 + 2*29 + 3*25 + 4*13 + 5*8 + 6*24 + 7*10 + 8*30 + 8*28 = 992;
    //   992 mod 31 = 0, 31 - 0 = 31, and 31 -> '0'
    QTest::newRow("other (Y1), check 31 -> 0") << u"Y11100001234567880"_s;
    // GB 11714 over MA2008B7: M=22*3 + A=10*7 + 2*9 + 0*10 + 0*5 + 8*8 + B=11*4 + 7*2 = 276;
    //   276 mod 11 = 1, 11 - 1 = 10 -> 'X'
    // GB 32100 over 91331181MA2008B7X: 9*1 + 1*3 + 3*9 + 3*27 + 1*19 + 1*26 + 8*16 + 1*17
    //   + M=21*20 + A=10*29 + 2*25 + 0*13 + 0*8 + 8*24 + B=11*10 + 7*30 + X=29*28 = 2394;
    //   2394 mod 31 = 7, 31 - 7 = 24 -> 'Q'
    QTest::newRow("organisation check 10 -> X") << u"91331181MA2008B7XQ"_s;
    // GB 11714 over MA2001B7: M=22*3 + A=10*7 + 2*9 + 0*10 + 0*5 + 1*8 + B=11*4 + 7*2 = 220;
    //   220 mod 11 = 0, 11 - 0 = 11 -> '0'
    // GB 32100 over 91331125MA2001B70: 9*1 + 1*3 + 3*9 + 3*27 + 1*19 + 1*26 + 2*16 + 5*17
    //   + M=21*20 + A=10*29 + 2*25 + 0*13 + 0*8 + 1*24 + B=11*10 + 7*30 + 0*28 = 1386;
    //   1386 mod 31 = 22, 31 - 22 = 9 -> '9'
    QTest::newRow("organisation check 11 -> 0") << u"91331125MA2001B709"_s;
}

void Tst_uscc::validCodes()
{
    QFETCH(QString, code);
    const auto problem = gx::checkUscc(code);
    QVERIFY2(!problem, qPrintable(problem ? gx::describe(*problem).en : QString()));
    QCOMPARE(gx::usccCheckCharacter(QStringView(code).first(17)), code.at(17));
    QCOMPARE(gx::organizationCodeCheckCharacter(QStringView(code).sliced(8, 8)), code.at(16));
}

void Tst_uscc::invalidCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<UsccError>("error");
    QTest::addColumn<int>("position");
    QTest::addColumn<QChar>("expected");

    const QChar none;
    QTest::newRow("empty") << QString() << UsccError::Empty << -1 << none;
    QTest::newRow("17 characters") << u"91350100M000100Y4"_s << UsccError::Length << -1 << none;
    QTest::newRow("19 characters") << u"91350100M000100Y433"_s << UsccError::Length << -1 << none;
    QTest::newRow("15-digit old registration number")
        << u"330000000012345"_s << UsccError::Length << -1 << none;
    QTest::newRow("lower-case letter")
        << u"91350100m000100Y43"_s << UsccError::Character << 8 << none;
    QTest::newRow("all lower case") << u"91350100m000100y43"_s << UsccError::Character << 8 << none;
    for (const char16_t letter : {u'I', u'O', u'S', u'V', u'Z'}) {
        QString code = kAnnexExample;
        code[15] = QChar(letter); // in place of the Y
        QTest::addRow("forbidden letter %c", char(letter))
            << code << UsccError::Character << 15 << none;
    }
    QTest::newRow("full-width digit")
        << u"９1350100M000100Y43"_s << UsccError::Character << 0 << none;
    QTest::newRow("space inside") << u"9135010 M000100Y43"_s << UsccError::Character << 7 << none;
    QTest::newRow("hyphen") << u"91350100-M000100Y4"_s << UsccError::Character << 8 << none;
    QTest::newRow("authority 0") << u"01350100M000100Y43"_s << UsccError::RegistrationAuthority << 0
                                 << none;
    QTest::newRow("authority B") << u"B1350100M000100Y43"_s << UsccError::RegistrationAuthority << 0
                                 << none;
    QTest::newRow("authority X") << u"X1350100M000100Y43"_s << UsccError::RegistrationAuthority << 0
                                 << none;
    QTest::newRow("type 4 for 工商 (9)")
        << u"94350100M000100Y43"_s << UsccError::OrganizationType << 1 << none;
    QTest::newRow("type 9 for 工商 (9)")
        << u"99350100M000100Y43"_s << UsccError::OrganizationType << 1 << none;
    QTest::newRow("type 4 for 民政 (5)")
        << u"54350100M000100Y43"_s << UsccError::OrganizationType << 1 << none;
    QTest::newRow("type 2 for 其他 (Y)")
        << u"Y2350100M000100Y43"_s << UsccError::OrganizationType << 1 << none;
    QTest::newRow("type A for 机构编制 (1)")
        << u"1A350100M000100Y43"_s << UsccError::OrganizationType << 1 << none;
    QTest::newRow("letter in division")
        << u"9135A100M000100Y43"_s << UsccError::DivisionCode << 4 << none;
    QTest::newRow("no such province 99")
        << u"91990100M000100Y43"_s << UsccError::DivisionCode << 2 << none;
    QTest::newRow("no such province 00")
        << u"91000000M000100Y43"_s << UsccError::DivisionCode << 2 << none;
    // Characters 9-16 as in the annex example: the organisation check is '4' (see validCodes).
    QTest::newRow("organisation check character")
        << u"91350100M000100Y53"_s << UsccError::OrganizationCode << 16 << QChar(u'4');
    // Swapping body characters 4 and 5 (0,1 -> 1,0): M=22*3 + 0*7 + 0*9 + 1*10 + 0*5 + 0*8 + 0*4
    // + Y=34*2 = 144; 144 mod 11 = 1, 11 - 1 = 10 -> 'X', not the '4' that is there.
    QTest::newRow("organisation body transposition")
        << u"91350100M001000Y43"_s << UsccError::OrganizationCode << 16 << QChar(u'X');
    QTest::newRow("last two swapped")
        << u"91350100M000100Y34"_s << UsccError::OrganizationCode << 16 << QChar(u'4');
    QTest::newRow("final check character")
        << u"91350100M000100Y44"_s << UsccError::CheckCharacter << 17 << QChar(u'3');
    // Division 350100 typed as 351000: 9*1 + 1*3 + 3*9 + 5*27 + 1*19 + 0*26 + 0*16 + 0*17
    // + M=21*20 + 0*29 + 0*25 + 0*13 + 1*8 + 0*24 + 0*10 + Y=30*30 + 4*28 = 1633;
    // 1633 mod 31 = 21, 31 - 21 = 10 -> 'A', not '3'.
    QTest::newRow("adjacent transposition in division")
        << u"91351000M000100Y43"_s << UsccError::CheckCharacter << 17 << QChar(u'A');
}

void Tst_uscc::invalidCodes()
{
    QFETCH(QString, code);
    QFETCH(UsccError, error);
    QFETCH(int, position);
    QFETCH(QChar, expected);

    const auto problem = gx::checkUscc(code);
    QVERIFY(problem);
    QCOMPARE(problem->error, error);
    QCOMPARE(problem->position, position);
    QCOMPARE(problem->expected, expected);
    if (position >= 0)
        QCOMPARE(problem->found, code.at(position));
    if (error == UsccError::Length)
        QCOMPARE(problem->length, int(code.size()));
    const gx::LocalizedText message = gx::describe(*problem);
    QVERIFY(!message.zh.isEmpty());
    QVERIFY(!message.en.isEmpty());
}

void Tst_uscc::messagesNameTheExpectedCharacter()
{
    const auto check = gx::checkUscc(u"91350100M000100Y44");
    QVERIFY(check);
    const gx::LocalizedText checkMessage = gx::describe(*check);
    QVERIFY2(checkMessage.zh.contains(u"校验位") && checkMessage.zh.contains(u"「3」") &&
                 checkMessage.zh.contains(u"「4」"),
             qPrintable(checkMessage.zh));
    QVERIFY2(checkMessage.en.contains(u"'3'"), qPrintable(checkMessage.en));

    const auto lower = gx::checkUscc(u"91350100m000100Y43");
    QVERIFY(lower);
    const gx::LocalizedText lowerMessage = gx::describe(*lower);
    QVERIFY2(lowerMessage.zh.contains(u"第 9 位") && lowerMessage.zh.contains(u"小写"),
             qPrintable(lowerMessage.zh));
    QVERIFY2(lowerMessage.en.contains(u"lower case"), qPrintable(lowerMessage.en));

    const auto length = gx::checkUscc(u"91350100M000100Y4");
    QVERIFY(length);
    QVERIFY2(gx::describe(*length).zh.contains(u"现为 17 位"),
             qPrintable(gx::describe(*length).zh));
}

void Tst_uscc::everyErrorIsDescribed()
{
    for (UsccError error :
         {UsccError::Empty, UsccError::Length, UsccError::Character,
          UsccError::RegistrationAuthority, UsccError::OrganizationType, UsccError::DivisionCode,
          UsccError::OrganizationCode, UsccError::CheckCharacter}) {
        QVERIFY(!gx::describe(error).zh.isEmpty());
        QVERIFY(!gx::describe(error).en.isEmpty());
    }
    for (IndustryCodeError error :
         {IndustryCodeError::Empty, IndustryCodeError::Length, IndustryCodeError::Character,
          IndustryCodeError::Division, IndustryCodeError::Group}) {
        QVERIFY(gx::describe(error).zh.contains(u"行业代码"));
        QVERIFY(!gx::describe(error).en.isEmpty());
    }
}

void Tst_uscc::makeUsccBuildsValidCodes()
{
    // The hand-computed codes of validCodes_data, rebuilt from their parts.
    QCOMPARE(gx::makeUscc(u'9', u'1', u"350100", u"M000100Y"), kAnnexExample);
    QCOMPARE(gx::makeUscc(u'9', u'1', u"331102", u"MA2E4K7B"), u"91331102MA2E4K7B4X"_s);
    QCOMPARE(gx::makeUscc(u'N', u'2', u"331123", u"C1234567"), u"N2331123C123456796"_s);
    QCOMPARE(gx::makeUscc(u'Y', u'1', u"110000", u"12345678"), u"Y11100001234567880"_s);
    QCOMPARE(gx::makeUscc(u'9', u'1', u"331181", u"MA2008B7"), u"91331181MA2008B7XQ"_s);
    QCOMPARE(gx::makeUscc(u'9', u'1', u"331125", u"MA2001B7"), u"91331125MA2001B709"_s);
    // Characters 3-8 are the division code the code was built with.
    QCOMPARE(gx::usccDivisionCode(u"N2331123C123456796"), u"331123");
    QCOMPARE(gx::usccDivisionCode(u"9133112"), QStringView());

    // Whatever the body, the result passes checkUscc.
    const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_s;
    for (int i = 0; i < alphabet.size(); ++i) {
        QString body = u"MA2"_s;
        for (int j = 0; j < 5; ++j)
            body += alphabet.at((i * 7 + j * 11) % alphabet.size());
        const QString code = gx::makeUscc(u'9', u'1', u"331102", body);
        QCOMPARE(code.size(), 18);
        QVERIFY2(!gx::checkUscc(code), qPrintable(code));
    }
}

void Tst_uscc::makeUsccRefusesMalformedParts_data()
{
    QTest::addColumn<QChar>("authority");
    QTest::addColumn<QChar>("type");
    QTest::addColumn<QString>("division");
    QTest::addColumn<QString>("body");

    QTest::newRow("short division") << QChar(u'9') << QChar(u'1') << u"33110"_s << u"MA2E4K7B"_s;
    QTest::newRow("letter in division")
        << QChar(u'9') << QChar(u'1') << u"33110A"_s << u"MA2E4K7B"_s;
    QTest::newRow("long body") << QChar(u'9') << QChar(u'1') << u"331102"_s << u"MA2E4K7B1"_s;
    QTest::newRow("forbidden letter in body")
        << QChar(u'9') << QChar(u'1') << u"331102"_s << u"MA2E4K7O"_s;
    QTest::newRow("lower-case authority")
        << QChar(u'n') << QChar(u'1') << u"331102"_s << u"MA2E4K7B"_s;
}

void Tst_uscc::makeUsccRefusesMalformedParts()
{
    QFETCH(QChar, authority);
    QFETCH(QChar, type);
    QFETCH(QString, division);
    QFETCH(QString, body);
    QVERIFY(gx::makeUscc(authority, type, division, body).isEmpty());
}

void Tst_uscc::normalizeUscc_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("already normal") << kAnnexExample << kAnnexExample;
    QTest::newRow("spaces and lower case") << u"  91350100m000100y43\t"_s << kAnnexExample;
    QTest::newRow("full-width") << u"\u3000９１３５０１００Ｍ０００１００Ｙ４３"_s << kAnnexExample;
    QTest::newRow("wrong stays wrong") << u"91350100m000100y44"_s << u"91350100M000100Y44"_s;
}

void Tst_uscc::normalizeUscc()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QCOMPARE(gx::normalizeUscc(input), normalized);
    QVERIFY(gx::checkUscc(input) || input == normalized); // never normalised silently
}

void Tst_uscc::industryCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<IndustryCodeError>("error");

    const auto ok = IndustryCodeError::Empty; // unused when valid
    QTest::newRow("1311 稻谷加工") << u"1311"_s << true << ok;
    QTest::newRow("3311 结构性金属制品制造") << u"3311"_s << true << ok;
    QTest::newRow("4411 火力发电") << u"4411"_s << true << ok;
    QTest::newRow("7010 房地产开发经营") << u"7010"_s << true << ok;
    QTest::newRow("1810 机织服装制造") << u"1810"_s << true << ok;
    QTest::newRow("0111 稻谷种植") << u"0111"_s << true << ok;
    QTest::newRow("1110 division 11 exists") << u"1110"_s << true << ok;
    QTest::newRow("1200 其他采矿业 (undivided)") << u"1200"_s << true << ok;
    QTest::newRow("9100 中国共产党机关 (undivided)") << u"9100"_s << true << ok;
    QTest::newRow("9700 国际组织 (undivided)") << u"9700"_s << true << ok;
    QTest::newRow("empty") << QString() << false << IndustryCodeError::Empty;
    QTest::newRow("3") << u"3"_s << false << IndustryCodeError::Length;
    QTest::newRow("division only") << u"13"_s << false << IndustryCodeError::Length;
    QTest::newRow("13111") << u"13111"_s << false << IndustryCodeError::Length;
    QTest::newRow("section letter") << u"C331"_s << false << IndustryCodeError::Character;
    QTest::newRow("13a1") << u"13a1"_s << false << IndustryCodeError::Character;
    QTest::newRow("full-width digits") << u"１３１１"_s << false << IndustryCodeError::Character;
    QTest::newRow("0000") << u"0000"_s << false << IndustryCodeError::Division;
    QTest::newRow("9811") << u"9811"_s << false << IndustryCodeError::Division;
    QTest::newRow("9911") << u"9911"_s << false << IndustryCodeError::Division;
    QTest::newRow("1301 group 0") << u"1301"_s << false << IndustryCodeError::Group;
    QTest::newRow("3300 group 0") << u"3300"_s << false << IndustryCodeError::Group;
    QTest::newRow("1210 undivided division") << u"1210"_s << false << IndustryCodeError::Group;
    QTest::newRow("9701 undivided division") << u"9701"_s << false << IndustryCodeError::Group;
}

void Tst_uscc::industryCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QFETCH(IndustryCodeError, error);

    const auto result = gx::checkIndustryCode(code);
    if (valid) {
        QVERIFY2(!result, qPrintable(gx::describe(*result).en));
    } else {
        QVERIFY(result);
        QCOMPARE(*result, error);
    }
}

void Tst_uscc::industrySections_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("section");
    QTest::addColumn<bool>("industrial");

    QTest::newRow("0111 agriculture") << u"0111"_s << u"A"_s << false;
    QTest::newRow("0511 last of A") << u"0511"_s << u"A"_s << false;
    QTest::newRow("0610 first of B") << u"0610"_s << u"B"_s << true;
    QTest::newRow("1200 last of B") << u"1200"_s << u"B"_s << true;
    QTest::newRow("1311 first of C") << u"1311"_s << u"C"_s << true;
    QTest::newRow("3311 manufacturing") << u"3311"_s << u"C"_s << true;
    QTest::newRow("4320 last of C") << u"4320"_s << u"C"_s << true;
    QTest::newRow("4411 utilities") << u"4411"_s << u"D"_s << true;
    QTest::newRow("4610 last of D") << u"4610"_s << u"D"_s << true;
    QTest::newRow("4710 construction") << u"4710"_s << u"E"_s << false;
    QTest::newRow("5110 wholesale") << u"5111"_s << u"F"_s << false;
    QTest::newRow("6010 postal") << u"6010"_s << u"G"_s << false;
    QTest::newRow("6311 telecom") << u"6311"_s << u"I"_s << false;
    QTest::newRow("7010 real estate") << u"7010"_s << u"K"_s << false;
    QTest::newRow("8310 education") << u"8310"_s << u"P"_s << false;
    QTest::newRow("9100 S") << u"9100"_s << u"S"_s << false;
    QTest::newRow("9700 T") << u"9700"_s << u"T"_s << false;
    QTest::newRow("9911 none") << u"9911"_s << QString() << false;
    QTest::newRow("1301 division known, code invalid") << u"1301"_s << u"C"_s << false;
}

void Tst_uscc::industrySections()
{
    QFETCH(QString, code);
    QFETCH(QString, section);
    QFETCH(bool, industrial);
    QCOMPARE(gx::industrySection(code), section);
    QCOMPARE(gx::isIndustrial(code), industrial);
}

QTEST_APPLESS_MAIN(Tst_uscc)
#include "tst_uscc.moc"
