// GET /api/v1/export/coverage and `gengxin-server export`: the CSV's bytes (BOM, CRLF, Chinese
// header, a row's numbers worked out by hand) and the XLSX's structure (a zip whose central
// directory names both sheets; its workbook.xml and shared strings inflated with zlib).

#include "testsupport.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <zlib.h>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::StoredRecord;
using gx::test::HttpClient;
using gx::test::HttpResult;

namespace {

const QString kPassword = u"correct horse battery"_s;
const QString kRegion = u"331102"_s;

QString usccOf(int n)
{
    return gx::makeUscc(u'9', u'1', kRegion, u"6100000%1"_s.arg(n));
}

/** One member of a zip archive, as its central directory lists it. */
struct ZipEntry
{
    QString name;
    int method = 0;
    qsizetype offset = 0; ///< of its local header
    qsizetype compressedSize = 0;
};

quint16 u16(const QByteArray &data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.constData() + at);
}

quint32 u32(const QByteArray &data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.constData() + at);
}

/** The central directory of a zip (empty when there is none). */
QList<ZipEntry> zipEntries(const QByteArray &zip)
{
    const qsizetype end = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (end < 0 || end + 22 > zip.size())
        return {};
    const int count = u16(zip, end + 10);
    qsizetype at = u32(zip, end + 16);
    QList<ZipEntry> out;
    for (int i = 0; i < count && at + 46 <= zip.size(); ++i) {
        if (zip.mid(at, 4) != QByteArray("PK\x01\x02", 4))
            return {};
        ZipEntry entry;
        entry.method = u16(zip, at + 10);
        entry.compressedSize = u32(zip, at + 20);
        const int nameLength = u16(zip, at + 28);
        entry.offset = u32(zip, at + 42);
        entry.name = QString::fromUtf8(zip.mid(at + 46, nameLength));
        out.append(entry);
        at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    }
    return out;
}

/** A member's bytes: stored as is, or deflated (method 8) and inflated here with zlib. */
QByteArray zipMember(const QByteArray &zip, const QString &name)
{
    for (const ZipEntry &entry : zipEntries(zip)) {
        if (entry.name != name)
            continue;
        const qsizetype data =
            entry.offset + 30 + u16(zip, entry.offset + 26) + u16(zip, entry.offset + 28);
        const QByteArray raw = zip.mid(data, entry.compressedSize);
        if (entry.method == 0)
            return raw;
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            return {};
        QByteArray out;
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
        stream.avail_in = uInt(raw.size());
        int status = Z_OK;
        while (status == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
            stream.avail_out = uInt(buffer.size());
            status = inflate(&stream, Z_NO_FLUSH);
            out.append(buffer.constData(), buffer.size() - qsizetype(stream.avail_out));
        }
        inflateEnd(&stream);
        return status == Z_STREAM_END ? out : QByteArray();
    }
    return {};
}

} // namespace

class Tst_server_export : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void csvFile();
    void xlsxFile();
    void refusals_data();
    void refusals();
    void commandLineWritesTheSameFile();

private:
    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    std::unique_ptr<HttpClient> m_office;
    gx::test::TestClock m_clock;
};

void Tst_server_export::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<gx::test::TestServer>(m_db->db(), config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"inspector"_s, Role::Inspector, kPassword, kRegion),
             QString());
    QCOMPARE(
        gx::test::addUser(m_db->db(), u"enterprise"_s, Role::Enterprise, kPassword, {}, usccOf(1)),
        QString());
    m_office = std::make_unique<HttpClient>(m_server->baseUrl());
    QVERIFY(!m_office->login(u"office"_s, kPassword).isEmpty());

    // 莲都区: two above-size enterprises of the registry, one ("甲") with a submitted survey at
    // digital level 2. So its digital renovation coverage is 1 / 2 = 0.5 against the annex's
    // 0.9: not met. The city's figure is the same (no other region has anything).
    QCOMPARE(gx::test::storeRegistry(
                 m_db->db(), {{usccOf(1), u"丽水甲阀门有限公司"_s, kRegion, u"3443"_s, true},
                              {usccOf(2), u"丽水乙轴承有限公司"_s, kRegion, u"3451"_s, true}}),
             QString());
    QCOMPARE(
        gx::test::storeRecords(m_db->db(), {StoredRecord{u"survey"_s,
                                                         u"5b1e28ba-2fa1-41d2-883f-0016d3cca427"_s,
                                                         0,
                                                         0,
                                                         false,
                                                         gx::test::submittedSurveyFields(usccOf(1)),
                                                         {},
                                                         kRegion,
                                                         usccOf(1)}}),
        QString());
}

void Tst_server_export::cleanup()
{
    m_office.reset();
    m_server.reset();
    m_db.reset();
}

void Tst_server_export::csvFile()
{
    const HttpResult result = m_office->get(u"/api/v1/export/coverage?period=2024&format=csv"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    QCOMPARE(result.header("Content-Disposition"),
             QByteArray("attachment; filename=\"gengxin-coverage-2024.csv\""));
    const QByteArray &bytes = result.body;
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    QVERIFY(text.endsWith(u"\r\n"_s));
    QVERIFY2(!text.contains(QRegularExpression(u"[^\\r]\\n"_s)), "every line ends in CRLF");
    const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.constFirst(), u"地区,地区代码,指标,数值,分子,分母,目标,是否达标"_s);
    // One row per region and indicator: 10 regions and the city, 21 indicators each.
    QCOMPARE(lines.size(), 1 + 11 * 21);
    QVERIFY(lines.contains(u"莲都区,331102,规上工业企业数字化智能化改造覆盖率,0.5,1,2,0.9,否"_s));
    // Survey completion has no target: both columns empty.
    QVERIFY(lines.contains(u"莲都区,331102,规上企业调查完成率,0.5,1,2,,"_s));
    // A region without data: no value, 0 over 0.
    QVERIFY(lines.contains(u"龙泉市,331181,规上工业企业数字化智能化改造覆盖率,,0,0,0.9,"_s));
    QVERIFY(lines.constLast().startsWith(u"丽水市,331100,"_s));
    QVERIFY(lines.contains(u"丽水市,331100,规上工业企业数字化智能化改造覆盖率,0.5,1,2,0.9,否"_s));

    auto audit = gx::server::AuditLog::recent(m_db->db(), 5, u"coverage_exported"_s);
    QVERIFY(audit);
    QCOMPARE(audit.value().size(), 1);
    QCOMPARE(audit.value().constFirst().actor, u"office"_s);
}

void Tst_server_export::xlsxFile()
{
    const HttpResult result = m_office->get(u"/api/v1/export/coverage?period=2024&format=xlsx"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"),
             QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    QCOMPARE(result.header("Content-Disposition"),
             QByteArray("attachment; filename=\"gengxin-coverage-2024.xlsx\""));
    const QByteArray &zip = result.body;
    QVERIFY(zip.startsWith(QByteArray("PK\x03\x04", 4)));
    QStringList names;
    for (const ZipEntry &entry : zipEntries(zip))
        names.append(entry.name);
    for (const QString &part : {u"xl/workbook.xml"_s, u"xl/worksheets/sheet1.xml"_s,
                                u"xl/worksheets/sheet2.xml"_s, u"xl/sharedStrings.xml"_s})
        QVERIFY2(names.contains(part), qPrintable(names.join(u' ')));
    QVERIFY(!names.contains(u"xl/worksheets/sheet3.xml"_s));

    const QString workbook = QString::fromUtf8(zipMember(zip, u"xl/workbook.xml"_s));
    QVERIFY2(workbook.contains(u"<sheet name=\"各县（市、区）指标\" sheetId=\"1\""_s),
             qPrintable(workbook));
    QVERIFY2(workbook.contains(u"<sheet name=\"企业\" sheetId=\"2\""_s), qPrintable(workbook));
    const QString strings = QString::fromUtf8(zipMember(zip, u"xl/sharedStrings.xml"_s));
    for (const QString &text :
         {u"规上工业企业数字化智能化改造覆盖率"_s, u"企业名称"_s, u"统一社会信用代码"_s,
          u"丽水甲阀门有限公司"_s, u"丽水乙轴承有限公司"_s, u"已提交"_s, u"未调查"_s, u"莲都区"_s})
        QVERIFY2(strings.contains(text), qPrintable(text));
    // The enterprise sheet's headers are the survey definition's labels, units in brackets.
    for (const QString &text : {u"已获认定的最高梯度"_s, u"本期技术改造投资（万元）"_s})
        QVERIFY2(strings.contains(text), qPrintable(text));
    // Sheet 2 holds the two registry enterprises below its header: rows 1-3.
    const QString sheet2 = QString::fromUtf8(zipMember(zip, u"xl/worksheets/sheet2.xml"_s));
    QVERIFY(sheet2.contains(u"<row r=\"3\""_s));
    QVERIFY(!sheet2.contains(u"<row r=\"4\""_s));
    // Sheet 1: 莲都区 (row 2) has 0.5 for the coverage, formatted as a percent.
    const QString sheet1 = QString::fromUtf8(zipMember(zip, u"xl/worksheets/sheet1.xml"_s));
    QVERIFY(sheet1.contains(u"<v>0.5</v>"_s));
    const QString styles = QString::fromUtf8(zipMember(zip, u"xl/styles.xml"_s));
    QVERIFY(styles.contains(u"formatCode=\"0.0%\""_s));
}

void Tst_server_export::refusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("format pdf") << u"office"_s << u"period=2024&format=pdf"_s << 400 << u"format"_s;
    QTest::newRow("format missing") << u"office"_s << u"period=2024"_s << 400 << u"format"_s;
    QTest::newRow("period missing") << u"office"_s << u"format=csv"_s << 400 << u"period"_s;
    QTest::newRow("period 99") << u"office"_s << u"period=99&format=csv"_s << 400 << u"period"_s;
    QTest::newRow("inspector") << u"inspector"_s << u"period=2024&format=csv"_s << 403 << QString();
    QTest::newRow("enterprise") << u"enterprise"_s << u"period=2024&format=xlsx"_s << 403
                                << QString();
    QTest::newRow("no token") << QString() << u"period=2024&format=csv"_s << 401 << QString();
}

void Tst_server_export::refusals()
{
    QFETCH(QString, user);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    HttpClient client(m_server->baseUrl());
    if (!user.isEmpty())
        QVERIFY(!client.login(user, kPassword).isEmpty());
    const HttpResult result = client.get(u"/api/v1/export/coverage?"_s + query);
    QCOMPARE(result.status, status);
    QVERIFY(!result.errorMessage().isEmpty());
    if (!field.isEmpty())
        QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    QVERIFY(result.header("Content-Disposition").isEmpty());
}

void Tst_server_export::commandLineWritesTheSameFile()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"coverage.csv"_s);
    const auto exportTo = [this](const QString &format, const QString &out) {
        return gx::test::runServerCommand({u"export"_s, u"--db"_s, m_db->url(), u"--period"_s,
                                           u"2024"_s, u"--format"_s, format, u"--out"_s, out});
    };
    QCOMPARE(exportTo(u"csv"_s, csv).exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             m_office->get(u"/api/v1/export/coverage?period=2024&format=csv"_s).body);

    const QString xlsx = dir.filePath(u"coverage.xlsx"_s);
    QCOMPARE(exportTo(u"xlsx"_s, xlsx).exitCode, 0);
    QFile workbook(xlsx);
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QVERIFY(zipEntries(workbook.readAll()).size() >= 4);

    const gx::test::CommandRun refused = exportTo(u"ods"_s, xlsx);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains(u"csv or xlsx"_s));
}

QTEST_GUILESS_MAIN(Tst_server_export)
#include "tst_server_export.moc"
