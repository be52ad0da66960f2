// The one text check (core/textcheck.h) of every string gengxin-server accepts, and the sync
// codec that uses it: what the server takes, a device's decoder takes.
#include "core/syncprotocol.h"
#include "core/textcheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using gx::TextProblem;

Q_DECLARE_METATYPE(std::optional<gx::TextProblem>)

class Tst_textcheck : public QObject
{
    Q_OBJECT

private slots:
    void textProblem_data();
    void textProblem();
    void codecRefusesWhatTheCheckRefuses_data();
    void codecRefusesWhatTheCheckRefuses();
};

void Tst_textcheck::textProblem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("maxLength");
    QTest::addColumn<std::optional<TextProblem>>("problem");
    const std::optional<TextProblem> none;
    QTest::newRow("plain") << u"设备更新 ok"_s << qsizetype(-1) << none;
    QTest::newRow("tab, LF, CR") << u"a\tb\nc\r\n"_s << qsizetype(-1) << none;
    QTest::newRow("a pair of surrogates") << u"😀"_s << qsizetype(-1) << none;
    QTest::newRow("empty") << QString() << qsizetype(0) << none;
    QTest::newRow("at the limit") << u"abc"_s << qsizetype(3) << none;
    QTest::newRow("over the limit")
        << u"abcd"_s << qsizetype(3) << std::optional(TextProblem::TooLong);
    QTest::newRow("NUL") << QString::fromUtf16(u"a\0b", 3) << qsizetype(-1)
                         << std::optional(TextProblem::Nul);
    QTest::newRow("ESC") << u"\x1b[2J"_s << qsizetype(-1) << std::optional(TextProblem::Control);
    QTest::newRow("BEL") << u"a\ab"_s << qsizetype(-1) << std::optional(TextProblem::Control);
    QTest::newRow("DEL") << u"a\x7f"_s << qsizetype(-1) << std::optional(TextProblem::Control);
    QTest::newRow("C1 CSI") << QString(QChar(0x9b)) << qsizetype(-1)
                            << std::optional(TextProblem::Control);
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) + u"x"_s << qsizetype(-1)
                                         << std::optional(TextProblem::LoneSurrogate);
    QTest::newRow("lone low surrogate")
        << QString(QChar(0xdc00)) << qsizetype(-1) << std::optional(TextProblem::LoneSurrogate);
}

void Tst_textcheck::textProblem()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, maxLength);
    QFETCH(std::optional<TextProblem>, problem);
    QCOMPARE(gx::textProblem(text, maxLength), problem);
    if (problem)
        QVERIFY(!gx::textProblemMessage(text, *problem, maxLength).isEmpty());
}

void Tst_textcheck::codecRefusesWhatTheCheckRefuses_data()
{
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain") << u"请补充 照片\n第二行"_s << true;
    QTest::newRow("NUL") << QString::fromUtf16(u"a\0b", 3) << false;
    QTest::newRow("ESC") << u"\x1b[2J"_s << false;
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << false;
}

void Tst_textcheck::codecRefusesWhatTheCheckRefuses()
{
    // A pull page carrying a review comment, as a device decodes it.
    QFETCH(QString, comment);
    QFETCH(bool, accepted);
    const QJsonObject change{{u"entity"_s, u"review"_s},
                             {u"id"_s, u"7d1e28ba-2fa1-41d2-883f-0016d3cca427"_s},
                             {u"rev"_s, 1},
                             {u"deleted"_s, false},
                             {u"fields"_s, QJsonObject{{u"comment"_s, comment}}}};
    const QJsonObject page{{u"changes"_s, QJsonArray{change}},
                           {u"cursor"_s, gx::PullCursor{5}.encode()},
                           {u"more"_s, false}};
    const auto decoded = gx::decodePullPage(page);
    QCOMPARE(decoded.ok(), accepted);
    QCOMPARE(gx::textProblem(comment).has_value(), !accepted);
}

QTEST_GUILESS_MAIN(Tst_textcheck)
#include "tst_textcheck.moc"
