// The registry from the office's app: POST /api/v1/registry with CSV or an Excel workbook, the
// dry run that previews, the import, and every refusal writing nothing; XlsxReader on workbooks
// written by libxlsxwriter and on zips made by hand. On the backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include "sync/store/auditlog.h"
#include "sync/store/xlsxreader.h"

#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>
#include <zip.h>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::XlsxReader;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::TestServer;

namespace {

const QString kPassword = u"correct horse 9"_s;
const QByteArray kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
using Table = QList<QStringList>;

/** A workbook written by libxlsxwriter: cells that look like whole numbers are written as
 * numbers (as a clerk's Excel stores an industry code), the rest as strings; `inlineStrings`
 * uses its constant-memory mode, which writes inline strings instead of the shared table. */
QByteArray workbook(const Table &rows, bool inlineStrings = false)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(u"registry.xlsx"_s).toLocal8Bit();
    lxw_workbook_options options{};
    options.constant_memory = inlineStrings ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *book = workbook_new_opt(path.constData(), &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "企业名录");
    workbook_add_worksheet(book, "说明"); // a second sheet is never read
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            const QString &text = rows[r][c];
            bool number = false;
            const int value = text.toInt(&number);
            if (text.isEmpty())
                continue;
            if (number && r > 0 && text.size() < 9)
                worksheet_write_number(sheet, lxw_row_t(r), lxw_col_t(c), value, nullptr);
            else
                worksheet_write_string(sheet, lxw_row_t(r), lxw_col_t(c), text.toUtf8().constData(),
                                       nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR)
        qFatal("libxlsxwriter could not write the workbook");
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the workbook back");
    return file.readAll();
}

/** A zip with the given parts, written by minizip. */
QByteArray zipOf(const QList<QPair<QByteArray, QByteArray>> &parts)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(u"parts.zip"_s).toLocal8Bit();
    zipFile zip = zipOpen64(path.constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, bytes] : parts) {
        zipOpenNewFileInZip64(zip, name.constData(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                              Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1);
        zipWriteInFileInZip(zip, bytes.constData(), unsigned(bytes.size()));
        zipCloseFileInZip(zip);
    }
    zipClose(zip, nullptr);
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the zip back");
    return file.readAll();
}

QByteArray csvOf(const Table &rows)
{
    QByteArray out;
    for (const QStringList &row : rows)
        out += row.join(u',').toUtf8() + "\r\n";
    return out;
}

Table goodTable(const QString &a, const QString &b)
{
    return {{u"uscc"_s, u"name"_s, u"region"_s, u"industry_code"_s, u"above_size"_s},
            {a, u"丽水甲机械有限公司"_s, u"331102"_s, u"3311"_s, u"是"_s},
            {b, u"缙云乙阀门有限公司"_s, u"331122"_s, u"3443"_s, u"否"_s}};
}

} // namespace

class Tst_server_registry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void readsWorkbooks_data();
    void readsWorkbooks();
    void refusesBrokenWorkbooks_data();
    void refusesBrokenWorkbooks();
    void dryRunPreviewsAndWritesNothing_data();
    void dryRunPreviewsAndWritesNothing();
    void importWritesRegistryRecordsAndAudit();
    void badRowsRefuseTheWholeFile_data();
    void badRowsRefuseTheWholeFile();
    void onlyTheOffice_data();
    void onlyTheOffice();
    void otherMediaTypesAre415();

private:
    [[nodiscard]] qint64 count(const QString &table);
    [[nodiscard]] HttpResult upload(const QByteArray &body, const QByteArray &type,
                                    bool dryRun = false, const QString &user = u"office"_s);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::map<QString, std::unique_ptr<HttpClient>> m_clients;
    QString m_a;
    QString m_b;
};

void Tst_server_registry::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::Database &db = m_db->db();
    m_a = gx::test::testUscc(u"331102"_s, 1);
    m_b = gx::test::testUscc(u"331122"_s, 2);
    QCOMPARE(gx::test::addUser(db, u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"admin"_s, Role::Admin, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"inspector"_s, Role::Inspector, kPassword, u"331102"_s),
             QString());
    QCOMPARE(gx::test::addUser(db, u"enterprise"_s, Role::Enterprise, kPassword, {}, m_a),
             QString());
    m_server = std::make_unique<TestServer>(db);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
}

void Tst_server_registry::cleanup()
{
    m_clients.clear();
    m_server.reset();
    m_db.reset();
}

qint64 Tst_server_registry::count(const QString &table)
{
    auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM "_s + table);
    if (!rows || !rows.value().next())
        return -1;
    return rows.value().value(0).toLongLong();
}

HttpResult Tst_server_registry::upload(const QByteArray &body, const QByteArray &type, bool dryRun,
                                       const QString &user)
{
    auto &client = m_clients[user];
    if (!client) {
        client = std::make_unique<HttpClient>(m_server->baseUrl());
        if (user != "anonymous"_L1 && client->login(user, kPassword).isEmpty())
            qFatal("cannot log in as %s", qUtf8Printable(user));
    }
    return client->post(u"/api/v1/registry"_s + (dryRun ? u"?dry_run=1"_s : QString()), body, type);
}

void Tst_server_registry::readsWorkbooks_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<Table>("expected");
    const Table table{{u"uscc"_s, u"name"_s, u"n"_s},
                      {u"A"_s, u"丽水“甲”<公司> & Co"_s, u"3311"_s},
                      {u"B"_s, QString(), u"7"_s}};
    QTest::newRow("shared strings, numbers") << workbook(table) << QList<int>{1, 2, 3}
                                             << Table{{u"uscc"_s, u"name"_s, u"n"_s},
                                                      {u"A"_s, u"丽水“甲”<公司> & Co"_s, u"3311"_s},
                                                      {u"B"_s, QString(), u"7"_s}};
    QTest::newRow("inline strings") << workbook(table, true) << QList<int>{1, 2, 3}
                                    << Table{{u"uscc"_s, u"name"_s, u"n"_s},
                                             {u"A"_s, u"丽水“甲”<公司> & Co"_s, u"3311"_s},
                                             {u"B"_s, QString(), u"7"_s}};
    // By hand: an empty row between, a gap column, a boolean, a rich-text shared string.
    const QByteArray book =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"x\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
    const QByteArray rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/>"
        "</Relationships>";
    const QByteArray strings =
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<si><t>head</t></si><si><r><t>ri</t></r><r><t>ch</t></r><rPh><t>ignored</t></rPh></si>"
        "</sst>";
    const QByteArray sheet =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t>"
        "</is></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"1\"/></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>1</v></c><c r=\"B4\" t=\"b\"><v>1</v></c>"
        "<c r=\"C4\" t=\"str\"><f>A4</f><v>rich</v></c></row>"
        "</sheetData></worksheet>";
    QTest::newRow("by hand: gaps, empty row, bool, rich text")
        << zipOf({{"xl/workbook.xml", book},
                  {"xl/_rels/workbook.xml.rels", rels},
                  {"xl/sharedStrings.xml", strings},
                  {"xl/worksheets/data.xml", sheet}})
        << QList<int>{1, 4}
        << Table{{u"head"_s, QString(), u"c"_s}, {u"rich"_s, u"1"_s, u"rich"_s}};
}

void Tst_server_registry::readsWorkbooks()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<int>, lines);
    QFETCH(Table, expected);
    QVERIFY(XlsxReader::looksLikeZip(bytes));
    auto read = XlsxReader::firstSheet(bytes);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QList<int> gotLines;
    Table got;
    for (const gx::server::CsvRecord &record : read.value()) {
        gotLines.append(record.line);
        got.append(record.cells);
    }
    QCOMPARE(gotLines, lines);
    QCOMPARE(got, expected);
}

void Tst_server_registry::refusesBrokenWorkbooks_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("not a zip") << QByteArray("PK\x03\x04 and then nothing") << u"zip"_s;
    QTest::newRow("a zip without a workbook")
        << zipOf({{"readme.txt", "hello"}}) << u"xl/workbook.xml"_s;
    const QByteArray book =
        "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray rels = "<Relationships><Relationship Id=\"rId1\" "
                            "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    QTest::newRow("a sheet that is not XML")
        << zipOf({{"xl/workbook.xml", book},
                  {"xl/_rels/workbook.xml.rels", rels},
                  {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"}})
        << u"not well-formed"_s;
    QTest::newRow("a missing sheet part")
        << zipOf({{"xl/workbook.xml", book}, {"xl/_rels/workbook.xml.rels", rels}}) << u"missing"_s;
    QTest::newRow("a shared string that does not exist")
        << zipOf({{"xl/workbook.xml", book},
                  {"xl/_rels/workbook.xml.rels", rels},
                  {"xl/worksheets/sheet1.xml",
                   "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"
                   "</sheetData></worksheet>"}})
        << u"shared string"_s;
    // 80 MiB of zeros compress to ~80 KiB: refused while inflating, not after.
    QTest::newRow("a part that inflates beyond the limit")
        << zipOf({{"xl/workbook.xml", QByteArray(80 << 20, ' ')}}) << u"larger than"_s;
}

void Tst_server_registry::refusesBrokenWorkbooks()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    auto read = XlsxReader::firstSheet(bytes);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains(says), qPrintable(read.error().message));
    // Through the call: 422 with the reason at line 0, nothing written.
    const HttpResult answer = upload(bytes, kXlsx);
    QVERIFY2(answer.status == 422, answer.describe().constData());
    QCOMPARE(answer.errorCode(), u"invalid_registry"_s);
    QCOMPARE(answer.json()["errors"_L1][0]["line"_L1].toInt(), 0);
    QCOMPARE(count(u"registry"_s), 0);
}

void Tst_server_registry::dryRunPreviewsAndWritesNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << u"csv"_s;
    QTest::newRow("xlsx") << u"xlsx"_s;
    QTest::newRow("xlsx, inline strings") << u"xlsx inline"_s;
}

void Tst_server_registry::dryRunPreviewsAndWritesNothing()
{
    QFETCH(QString, format);
    const auto body = [&](const Table &table) {
        return format == "csv"_L1 ? csvOf(table) : workbook(table, format.endsWith("inline"_L1));
    };
    const QByteArray type = format == "csv"_L1 ? QByteArray("text/csv") : kXlsx;
    // m_a is in the registry already as it is; m_b with another name; a third is new.
    QCOMPARE(gx::test::importEnterprises(m_db->db(), {{m_a, u"331102"_s}, {m_b, u"331122"_s}}),
             QString());
    Table table = goodTable(m_a, m_b);
    const QString c = gx::test::testUscc(u"331121"_s, 3);
    table.append({c, u"云和丙木制玩具有限公司"_s, u"331125"_s, u"2451"_s, u"1"_s});
    const qint64 registry = count(u"registry"_s);
    const qint64 records = count(u"records"_s);
    const qint64 audit = count(u"audit_log WHERE action = 'registry_imported'"_s);
    const HttpResult preview = upload(body(table), type, true);
    QVERIFY2(preview.status == 200, preview.describe().constData());
    const QJsonObject got = preview.json();
    QCOMPARE(got["dry_run"_L1].toBool(), true);
    QCOMPARE(got["rows"_L1].toInt(), 3);
    QCOMPARE(got["added"_L1].toInt(), 1);
    QCOMPARE(got["updated"_L1].toInt(), 2); // importEnterprises' names differ from the table's
    QCOMPARE(got["unchanged"_L1].toInt(), 0);
    QCOMPARE(got["errors"_L1].toArray().size(), 0);
    QCOMPARE(count(u"registry"_s), registry);
    QCOMPARE(count(u"records"_s), records);
    QCOMPARE(count(u"audit_log WHERE action = 'registry_imported'"_s), audit);
    // The import then does what the preview said, and a second preview finds nothing to do.
    const HttpResult imported = upload(body(table), type);
    QVERIFY2(imported.status == 200, imported.describe().constData());
    QCOMPARE(imported.json()["dry_run"_L1].toBool(), false);
    QCOMPARE(imported.json()["added"_L1].toInt(), 1);
    QCOMPARE(imported.json()["updated"_L1].toInt(), 2);
    QCOMPARE(count(u"registry"_s), registry + 1);
    const HttpResult again = upload(body(table), type, true);
    QCOMPARE(again.json()["unchanged"_L1].toInt(), 3);
}

void Tst_server_registry::importWritesRegistryRecordsAndAudit()
{
    const HttpResult answer = upload(workbook(goodTable(m_a, m_b)), kXlsx);
    QVERIFY2(answer.status == 200, answer.describe().constData());
    QCOMPARE(answer.json()["added"_L1].toInt(), 2);
    QCOMPARE(answer.json()["enterprise_records"_L1].toInt(), 2);
    auto rows = m_db->db().exec(
        u"SELECT uscc, name, region, industry_code, above_size FROM registry ORDER BY uscc"_s);
    QVERIFY(rows.ok());
    QStringList got;
    while (rows.value().next()) {
        QStringList row;
        for (int i = 0; i < 5; ++i)
            row.append(rows.value().value(i).toString());
        got.append(row.join(u'|'));
    }
    QStringList expected{m_a + u"|丽水甲机械有限公司|331102|3311|1"_s,
                         m_b + u"|缙云乙阀门有限公司|331122|3443|0"_s};
    expected.sort();
    QCOMPARE(got, expected);
    // Devices pull the registry as enterprise records.
    QCOMPARE(count(u"records"_s), 2);
    auto audit = gx::server::AuditLog::recent(m_db->db(), 1, u"registry_imported"_s);
    QVERIFY(audit.ok() && audit.value().size() == 1);
    QCOMPARE(audit.value().constFirst().actor, u"office"_s);
    QCOMPARE(audit.value().constFirst().detail["added"_L1].toInt(), 2);
}

void Tst_server_registry::badRowsRefuseTheWholeFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<Table>("table");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says"); // in the Chinese part of the message
    const QString a = gx::test::testUscc(u"331102"_s, 1);
    const QString b = gx::test::testUscc(u"331122"_s, 2);
    QString badCheck = a;
    badCheck[17] = badCheck[17] == u'0' ? u'1' : u'0';
    const auto with = [&](int row, int column, const QString &value) {
        Table table = goodTable(a, b);
        table[row][column] = value;
        return table;
    };
    for (const QString &format : {u"csv"_s, u"xlsx"_s}) {
        QTest::addRow("%s: %s", qPrintable(format), "a USCC's check character")
            << format << with(2, 0, badCheck) << 3 << u"uscc"_s << u"统一社会信用代码"_s;
        QTest::addRow("%s: %s", qPrintable(format), "an unknown region")
            << format << with(1, 2, u"999999"_s) << 2 << u"region"_s << u"未知的地区代码"_s;
        QTest::addRow("%s: %s", qPrintable(format), "a USCC twice")
            << format << with(2, 0, a) << 3 << u"uscc"_s << u"重复"_s;
        QTest::addRow("%s: %s", qPrintable(format), "above_size neither yes nor no")
            << format << with(2, 4, u"也许"_s) << 3 << u"above_size"_s << u"是否规上"_s;
        QTest::addRow("%s: %s", qPrintable(format), "an unknown industry code")
            << format << with(1, 3, u"0011"_s) << 2 << u"industry_code"_s << u"行业代码"_s;
        QTest::addRow("%s: %s", qPrintable(format), "an unknown column")
            << format << with(0, 4, u"size"_s) << 1 << QString() << u"表头"_s;
    }
}

void Tst_server_registry::badRowsRefuseTheWholeFile()
{
    QFETCH(QString, format);
    QFETCH(Table, table);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, says);
    const qint64 audit = count(u"audit_log WHERE action = 'registry_imported'"_s);
    for (bool dryRun : {true, false}) {
        const HttpResult answer = format == "csv"_L1 ? upload(csvOf(table), "text/csv", dryRun)
                                                     : upload(workbook(table), kXlsx, dryRun);
        QVERIFY2(answer.status == 422, answer.describe().constData());
        QCOMPARE(answer.errorCode(), u"invalid_registry"_s);
        const QJsonArray errors = answer.json()["errors"_L1].toArray();
        QVERIFY2(!errors.isEmpty(), answer.describe().constData());
        const QJsonObject first = errors.first().toObject();
        QCOMPARE(first["line"_L1].toInt(), line);
        QCOMPARE(first["field"_L1].toString(), field);
        QVERIFY2(first["message"_L1].toString().contains(says), answer.describe().constData());
        QCOMPARE(answer.json()["error_count"_L1].toInt(), errors.size());
    }
    // Nothing of the file was written: the good row neither.
    QCOMPARE(count(u"registry"_s), 0);
    QCOMPARE(count(u"records"_s), 0);
    QCOMPARE(count(u"audit_log WHERE action = 'registry_imported'"_s), audit);
}

void Tst_server_registry::onlyTheOffice_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("status");
    QTest::newRow("office") << u"office"_s << 200;
    QTest::newRow("admin") << u"admin"_s << 200;
    QTest::newRow("inspector") << u"inspector"_s << 403;
    QTest::newRow("enterprise") << u"enterprise"_s << 403;
    QTest::newRow("anonymous") << u"anonymous"_s << 401;
}

void Tst_server_registry::onlyTheOffice()
{
    QFETCH(QString, user);
    QFETCH(int, status);
    const HttpResult answer = upload(csvOf(goodTable(m_a, m_b)), "text/csv", false, user);
    QVERIFY2(answer.status == status, answer.describe().constData());
    QCOMPARE(count(u"registry"_s), status == 200 ? 2 : 0);
}

void Tst_server_registry::otherMediaTypesAre415()
{
    const HttpResult answer = upload(csvOf(goodTable(m_a, m_b)), "application/json");
    QCOMPARE(answer.status, 415);
    QCOMPARE(answer.errorCode(), u"unsupported_media_type"_s);
    QCOMPARE(answer.json()["error"_L1]["field"_L1].toString(), u"Content-Type"_s);
    const HttpResult badFlag =
        m_clients[u"office"_s]->post(u"/api/v1/registry?dry_run=yes"_s, "", "text/csv");
    QCOMPARE(badFlag.status, 400);
    QCOMPARE(count(u"registry"_s), 0);
}

QTEST_GUILESS_MAIN(Tst_server_registry)
#include "tst_server_registry.moc"
