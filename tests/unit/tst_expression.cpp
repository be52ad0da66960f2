#include "core/expression.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::Expression;

namespace {

/** The record every evaluation row reads; "missing" is deliberately absent. */
QJsonObject sampleRecord()
{
    return QJsonObject{
        {u"a"_s, 3},
        {u"d"_s, 2.5},
        {u"s"_s, u"abc"_s},
        {u"q"_s, u"it's"_s},
        {u"dq"_s, u"say \"hi\""_s},
        {u"b"_s, true},
        {u"f"_s, false},
        {u"n"_s, QJsonValue::Null},
        {u"list"_s, QJsonArray{u"x"_s, u"y"_s}},
        {u"nums"_s, QJsonArray{1, 2}},
        {u"empty"_s, QJsonArray()},
        {u"date"_s, u"2024-03-01"_s},
    };
}

} // namespace

class Tst_expression : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void parseError_data();
    void parseError();
    void emptyIsAlwaysTrue();
    void depthLimit_data();
    void depthLimit();
    void lengthLimit();
    void longFlatChainParses();
    void fields_data();
    void fields();
};

void Tst_expression::evaluate_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("expected");

    // comparison operators on integers
    QTest::newRow("== int") << u"a == 3"_s << true;
    QTest::newRow("== int false") << u"a == 4"_s << false;
    QTest::newRow("!= int") << u"a != 4"_s << true;
    QTest::newRow("!= int false") << u"a != 3"_s << false;
    QTest::newRow("< true") << u"a < 4"_s << true;
    QTest::newRow("< equal is false") << u"a < 3"_s << false;
    QTest::newRow("<= equal") << u"a <= 3"_s << true;
    QTest::newRow("> false") << u"a > 3"_s << false;
    QTest::newRow(">= equal") << u"a >= 3"_s << true;
    // int vs double
    QTest::newRow("1 == 1.0") << u"1 == 1.0"_s << true;
    QTest::newRow("int field == 3.0") << u"a == 3.0"_s << true;
    QTest::newRow("int > double") << u"a > 2.5"_s << true;
    QTest::newRow("double field < int field") << u"d < a"_s << true;
    QTest::newRow("double >= itself") << u"d >= 2.50"_s << true;
    QTest::newRow("int >= 3.5 false") << u"a >= 3.5"_s << false;
    QTest::newRow("negative literal") << u"-1 < 0"_s << true;
    QTest::newRow("negative decimal") << u"-2.5 == -2.50"_s << true;
    QTest::newRow("field > negative") << u"a > -10"_s << true;
    // strings, both quotes
    QTest::newRow("string single quotes") << u"s == 'abc'"_s << true;
    QTest::newRow("string double quotes") << u"s == \"abc\""_s << true;
    QTest::newRow("single quote inside double") << u"q == \"it's\""_s << true;
    QTest::newRow("double quote inside single") << u"dq == 'say \"hi\"'"_s << true;
    QTest::newRow("string <") << u"s < 'abd'"_s << true;
    QTest::newRow("string > by code point") << u"'b' > s"_s << true;
    QTest::newRow("string is case sensitive") << u"s == 'ABC'"_s << false;
    // dates as strings
    QTest::newRow("date in range") << u"date >= '2024-01-01' and date < '2024-04-01'"_s << true;
    QTest::newRow("date after itself") << u"date > '2024-03-01'"_s << false;
    QTest::newRow("date before next year") << u"date < '2025-01-01'"_s << true;
    // null semantics
    QTest::newRow("missing == null") << u"missing == null"_s << true;
    QTest::newRow("json null == null") << u"n == null"_s << true;
    QTest::newRow("value == null") << u"a == null"_s << false;
    QTest::newRow("missing != null") << u"missing != null"_s << false;
    QTest::newRow("value != null") << u"a != null"_s << true;
    QTest::newRow("missing < 5") << u"missing < 5"_s << false;
    QTest::newRow("missing >= 5") << u"missing >= 5"_s << false;
    QTest::newRow("null <= null") << u"n <= missing"_s << false;
    QTest::newRow("missing == 0") << u"missing == 0"_s << false;
    QTest::newRow("missing != 0") << u"missing != 0"_s << true;
    QTest::newRow("bare missing field") << u"missing"_s << false;
    QTest::newRow("missing and true") << u"missing and b"_s << false;
    QTest::newRow("not over missing comparison") << u"not (missing > 1)"_s << true;
    // kinds do not mix
    QTest::newRow("string < number") << u"s < 5"_s << false;
    QTest::newRow("number == numeric string") << u"a == '3'"_s << false;
    QTest::newRow("bool == 1") << u"b == 1"_s << false;
    QTest::newRow("bool == true") << u"b == true"_s << true;
    QTest::newRow("bool > false is unordered") << u"b > false"_s << false;
    // truthiness: only true is true
    QTest::newRow("bare true field") << u"b"_s << true;
    QTest::newRow("bare false field") << u"f"_s << false;
    QTest::newRow("bare number field") << u"a"_s << false;
    QTest::newRow("bare string 'true'") << u"'true'"_s << false;
    QTest::newRow("literal true") << u"true"_s << true;
    QTest::newRow("literal null") << u"null"_s << false;
    // precedence: not > and > or
    QTest::newRow("not binds tighter than or") << u"not b or b"_s << true;
    QTest::newRow("not binds tighter than and") << u"not f and f"_s << false;
    QTest::newRow("and binds tighter than or (left)") << u"b or f and f"_s << true;
    QTest::newRow("and binds tighter than or (right)") << u"f and f or b"_s << true;
    QTest::newRow("parentheses override") << u"(b or f) and f"_s << false;
    QTest::newRow("not over parentheses") << u"not (b and f)"_s << true;
    QTest::newRow("double not") << u"not not b"_s << true;
    QTest::newRow("not over comparison") << u"not a == 3"_s << false;
    QTest::newRow("mixed") << u"a == 3 and (s == 'x' or b)"_s << true;
    QTest::newRow("no whitespace") << u"(a==3)and(s!='x')"_s << true;
    // in / not in
    QTest::newRow("in string set") << u"s in ['abc', 'x']"_s << true;
    QTest::newRow("in double-quoted set") << u"s in [\"x\", \"abc\"]"_s << true;
    QTest::newRow("in number set") << u"a in [1, 2, 3]"_s << true;
    QTest::newRow("in set, int equals double") << u"a in [3.0]"_s << true;
    QTest::newRow("in set, kinds differ") << u"a in ['3']"_s << false;
    QTest::newRow("in empty set") << u"s in []"_s << false;
    QTest::newRow("list field any in set") << u"list in ['y', 'z']"_s << true;
    QTest::newRow("list field none in set") << u"list in ['z']"_s << false;
    QTest::newRow("empty list in set") << u"empty in ['x']"_s << false;
    QTest::newRow("value in list field") << u"'x' in list"_s << true;
    QTest::newRow("value not in list field") << u"'z' in list"_s << false;
    QTest::newRow("number in list field") << u"2 in nums"_s << true;
    QTest::newRow("in missing field") << u"'x' in missing"_s << false;
    QTest::newRow("in scalar field") << u"'abc' in s"_s << true;
    QTest::newRow("not in true") << u"a not in [1, 2]"_s << true;
    QTest::newRow("not in false") << u"s not in ['abc']"_s << false;
    QTest::newRow("not in list field") << u"'z' not in list"_s << true;
    QTest::newRow("missing in set") << u"missing in [1]"_s << false;
    QTest::newRow("missing in [null]") << u"missing in [null]"_s << true;
    QTest::newRow("missing not in set") << u"missing not in [1]"_s << true;
    QTest::newRow("bool in set") << u"b in [true]"_s << true;
    QTest::newRow("not ... in") << u"not s in ['abc']"_s << false;
    QTest::newRow("list field == list field") << u"list == list"_s << true;
}

void Tst_expression::evaluate()
{
    QFETCH(QString, source);
    QFETCH(bool, expected);
    const auto parsed = Expression::parse(source);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().reason));
    QVERIFY(!parsed.value().isEmpty());
    QCOMPARE(parsed.value().source(), source);
    QCOMPARE(parsed.value().evaluate(sampleRecord()), expected);
}

void Tst_expression::parseError_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("missing right operand") << u"a =="_s << 4 << u"expected a value"_s;
    QTest::newRow("&&") << u"a && b"_s << 2 << u"unknown token '&&'"_s;
    QTest::newRow("||") << u"a || b"_s << 2 << u"unknown token '||'"_s;
    QTest::newRow("single =") << u"a = 1"_s << 2 << u"unknown token '='"_s;
    QTest::newRow("lone !") << u"a ! b"_s << 2 << u"unknown token '!'"_s;
    QTest::newRow("unterminated single") << u"s == 'abc"_s << 5 << u"unterminated string"_s;
    QTest::newRow("unterminated mixed") << u"s == \"abc'"_s << 5 << u"unterminated string"_s;
    QTest::newRow("unclosed set") << u"a in [1, 2"_s << 10 << u"expected ']'"_s;
    QTest::newRow("set without comma") << u"a in [1 2]"_s << 8 << u"expected ']' or ','"_s;
    QTest::newRow("unclosed parenthesis") << u"(a == 1"_s << 7 << u"expected ')'"_s;
    QTest::newRow("stray )") << u"a == 1)"_s << 6 << u"unexpected ')'"_s;
    QTest::newRow("field in set") << u"a in [b]"_s << 6 << u"literals only"_s;
    QTest::newRow("trailing comma in set") << u"a in [1,]"_s << 8 << u"expected a literal"_s;
    QTest::newRow("in number") << u"a in 3"_s << 5 << u"expected '[' or a field"_s;
    QTest::newRow("minus before space") << u"a == - 1"_s << 5 << u"'-'"_s;
    QTest::newRow("minus before field") << u"-a == 1"_s << 0 << u"'-'"_s;
    QTest::newRow("upper case") << u"A == 1"_s << 0 << u"unknown token 'A'"_s;
    QTest::newRow("True") << u"b == True"_s << 5 << u"unknown token 'True'"_s;
    QTest::newRow("dot without digit") << u"a == 1."_s << 7 << u"expected a digit"_s;
    QTest::newRow("two operands") << u"a == 1 b"_s << 7 << u"unexpected 'b'"_s;
    QTest::newRow("chained comparison") << u"a < b < c"_s << 6 << u"unexpected '<'"_s;
    QTest::newRow("lone not") << u"not"_s << 3 << u"expected a value, found end"_s;
    QTest::newRow("leading and") << u"and b"_s << 0 << u"expected a value, found 'and'"_s;
    QTest::newRow("not without in") << u"a not b"_s << 6 << u"expected 'in' after 'not'"_s;
    QTest::newRow("empty parentheses") << u"()"_s << 1 << u"expected a value, found ')'"_s;
    QTest::newRow("dangling or") << u"a == 1 or"_s << 9 << u"expected a value"_s;
    QTest::newRow("unknown character") << u"a == @"_s << 5 << u"unknown token '@'"_s;
    QTest::newRow("non-ASCII outside quotes") << u"名 == 1"_s << 0 << u"unknown token '名'"_s;
    QTest::newRow("huge integer") << u"a == 99999999999999999999"_s << 5 << u"too large"_s;
}

void Tst_expression::parseError()
{
    QFETCH(QString, source);
    QFETCH(int, position);
    QFETCH(QString, reasonPart);
    const auto parsed = Expression::parse(source);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().reason.contains(reasonPart), qPrintable(parsed.error().reason));
    QCOMPARE(parsed.error().position, position);
}

void Tst_expression::emptyIsAlwaysTrue()
{
    const Expression none;
    QVERIFY(none.isEmpty());
    QVERIFY(none.evaluate(QJsonObject()));
    QVERIFY(none.fields().isEmpty());
    const auto blank = Expression::parse(u"  \t "_s);
    QVERIFY(blank.ok());
    QVERIFY(blank.value().isEmpty());
    QVERIFY(blank.value().evaluate(sampleRecord()));
}

void Tst_expression::depthLimit_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("position"); // of the error, when refused

    const auto parens = [](int n) -> QString {
        return QString(n, u'(') + u"b"_s + QString(n, u')');
    };
    const auto nots = [](int n) -> QString {
        return u"not "_s.repeated(n) + u"f"_s;
    };
    QTest::newRow("32 parentheses") << parens(32) << true << 0;
    QTest::newRow("33 parentheses") << parens(33) << false << 32;
    QTest::newRow("32 nots") << nots(32) << true << 0;
    QTest::newRow("33 nots") << nots(33) << false << 32 * 4;
    QTest::newRow("16 nots in 17 parentheses")
        << QString(QString(17, u'(') + nots(16) + QString(17, u')')) << false << 17 + 15 * 4;
    QTest::newRow("900 parentheses") << parens(900) << false << 32;
}

void Tst_expression::depthLimit()
{
    QFETCH(QString, source);
    QFETCH(bool, accepted);
    QFETCH(int, position);
    const auto parsed = Expression::parse(source);
    QCOMPARE(parsed.ok(), accepted);
    if (accepted) {
        // 32 nots of false is false; 32 parentheses around true is true.
        QCOMPARE(parsed.value().evaluate(sampleRecord()), source.endsWith(u')'));
    } else {
        QCOMPARE(parsed.error().position, position);
        QVERIFY2(parsed.error().reason.contains(u"32"_s), qPrintable(parsed.error().reason));
    }
}

void Tst_expression::lengthLimit()
{
    const QString longest = u"b"_s + QString(1999, u' ');
    QCOMPARE(longest.size(), 2000);
    const auto accepted = Expression::parse(longest);
    QVERIFY(accepted.ok());
    QVERIFY(accepted.value().evaluate(sampleRecord()));

    const auto refused = Expression::parse(longest + u' ');
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().position, 2000);
    QVERIFY2(refused.error().reason.contains(u"2000"_s), qPrintable(refused.error().reason));
}

void Tst_expression::longFlatChainParses()
{
    // 1 + 333 * 6 = 1999 characters: a long chain is not nesting and must not hit the limit.
    const QString chain = u"b"_s + u" and b"_s.repeated(333);
    QCOMPARE(chain.size(), 1999);
    const auto parsed = Expression::parse(chain);
    QVERIFY(parsed.ok());
    QVERIFY(parsed.value().evaluate(sampleRecord()));
    QCOMPARE(parsed.value().fields(), QStringList{u"b"_s});
}

void Tst_expression::fields_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one") << u"a == 1"_s << QStringList{u"a"_s};
    QTest::newRow("order of first mention, once each")
        << u"b == a and a < c or b"_s << QStringList{u"b"_s, u"a"_s, u"c"_s};
    QTest::newRow("set fields count")
        << u"x in list and 'k' not in other"_s << QStringList{u"x"_s, u"list"_s, u"other"_s};
    QTest::newRow("keywords and literals are not fields")
        << u"true and null == null and 'a' in ['b']"_s << QStringList();
    QTest::newRow("inside not and parentheses") << u"not (z != null)"_s << QStringList{u"z"_s};
    QTest::newRow("names with digits and underscores")
        << u"_x1 == key_processes_cnc"_s << QStringList{u"_x1"_s, u"key_processes_cnc"_s};
    QTest::newRow("empty") << QString() << QStringList();
}

void Tst_expression::fields()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const auto parsed = Expression::parse(source);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().fields(), expected);
}

QTEST_APPLESS_MAIN(Tst_expression)
#include "tst_expression.moc"
