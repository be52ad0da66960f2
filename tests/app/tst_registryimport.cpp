// RegistryImportController against a real gengxin-server on loopback (tests/app/officecity.h),
// on the backend GX_TEST_BACKEND names: a CSV file or an Excel workbook is previewed by a dry run
// (the counts new / changed / unchanged, and nothing written), then imported whole (the server
// holds every row, the audit log the import, the device pulls the enterprises). A file with a bad
// row lists each problem with its line, its column in Chinese and the reason in Chinese, and
// nothing of it reaches the server; files the device cannot send, and a server that does not
// answer, are refused with a sentence a clerk understands.

#include "officecity.h"

#include "app/registryerrormodel.h"
#include "app/registryimportcontroller.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;
using gx::RegistryErrorModel;
using gx::RegistryImportController;
using gx::test::OfficeCity;
using gx::test::OfficeDesk;
using State = gx::RegistryImportController::State;

namespace {

const QString kRegion = OfficeCity::kRegion;

/** The lines of a CSV registry as a workbook's rows, written by libxlsxwriter. */
QByteArray workbookOf(const QByteArray &csv)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(u"registry.xlsx"_s).toLocal8Bit();
    lxw_workbook *book = workbook_new(path.constData());
    lxw_worksheet *sheet = workbook_add_worksheet(book, "企业名录");
    const QStringList lines = QString::fromUtf8(csv).split(u'\n', Qt::SkipEmptyParts);
    for (int r = 0; r < lines.size(); ++r) {
        const QStringList cells = lines.at(r).split(u',');
        for (int c = 0; c < cells.size(); ++c) {
            worksheet_write_string(sheet, lxw_row_t(r), lxw_col_t(c),
                                   cells.at(c).toUtf8().constData(), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR)
        qFatal("libxlsxwriter could not write the workbook");
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the workbook back");
    return file.readAll();
}

QString line(const QString &uscc, const QString &name, const QString &region = kRegion,
             const QString &industry = u"3421"_s, const QString &aboveSize = u"是"_s)
{
    return QStringList{uscc, name, region, industry, aboveSize}.join(u',');
}

} // namespace

class Tst_registryimport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void previewCountsAndWritesNothing_data();
    void previewCountsAndWritesNothing();
    void importWritesTheWholeFile_data();
    void importWritesTheWholeFile();
    void importSendsThePreviewedBytes();
    void badRowsListedInChineseNothingImported_data();
    void badRowsListedInChineseNothingImported();
    void manyBadRowsSaySoThoseListed();
    void englishUiShowsTheEnglishHalf();
    void fileRefusedBeforeSending_data();
    void fileRefusedBeforeSending();
    void serverUnreachable();
    void readableMessage_data();
    void readableMessage();

private:
    /** Writes a file into the session's data directory and returns its path. */
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &bytes) const;
    /** Previews a file and waits for the answer; false when the call did not start or end. */
    [[nodiscard]] bool previewAndWait(RegistryImportController &controller, const QString &path);
    [[nodiscard]] bool importAndWait(RegistryImportController &controller);
    [[nodiscard]] std::unique_ptr<RegistryImportController> controller();

    std::unique_ptr<OfficeDesk> m_desk;
};

void Tst_registryimport::init()
{
    m_desk = std::make_unique<OfficeDesk>();
    QVERIFY2(m_desk->ok(), qPrintable(m_desk->error()));
}

void Tst_registryimport::cleanup()
{
    m_desk.reset();
}

QString Tst_registryimport::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_desk->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write the test file");
    return path;
}

std::unique_ptr<RegistryImportController> Tst_registryimport::controller()
{
    auto out = std::make_unique<RegistryImportController>();
    out->setSession(&m_desk->session());
    return out;
}

bool Tst_registryimport::previewAndWait(RegistryImportController &controller, const QString &path)
{
    QSignalSpy answered(&controller, &RegistryImportController::previewed);
    if (!controller.preview(QUrl::fromLocalFile(path)))
        return false;
    return answered.wait(20000) || answered.size() == 1;
}

bool Tst_registryimport::importAndWait(RegistryImportController &controller)
{
    QSignalSpy answered(&controller, &RegistryImportController::imported);
    if (!controller.importFile())
        return false;
    return answered.wait(20000) || answered.size() == 1;
}

void Tst_registryimport::previewCountsAndWritesNothing_data()
{
    QTest::addColumn<bool>("workbook");
    QTest::addColumn<int>("newRows");
    QTest::addColumn<int>("renamed");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("updated");
    QTest::addColumn<int>("unchanged");
    QTest::addColumn<bool>("canImport");
    QTest::addColumn<QString>("message");
    QTest::newRow("csv, as the server holds it")
        << false << 0 << 0 << 0 << 0 << 4 << false << u"没有需要导入的内容"_s;
    QTest::newRow("csv, two new") << false << 2 << 0 << 2 << 0 << 4 << true << u"新增 2 家"_s;
    QTest::newRow("csv, one new, one renamed")
        << false << 1 << 1 << 1 << 1 << 3 << true << u"变更 1 家"_s;
    QTest::newRow("xlsx, as the server holds it")
        << true << 0 << 0 << 0 << 0 << 4 << false << u"没有需要导入的内容"_s;
    QTest::newRow("xlsx, three new, two renamed")
        << true << 3 << 2 << 3 << 2 << 2 << true << u"尚未导入"_s;
}

void Tst_registryimport::previewCountsAndWritesNothing()
{
    QFETCH(bool, workbook);
    QFETCH(int, newRows);
    QFETCH(int, renamed);
    QFETCH(int, added);
    QFETCH(int, updated);
    QFETCH(int, unchanged);
    QFETCH(bool, canImport);
    QFETCH(QString, message);
    QStringList lines = m_desk->city().registryLines();
    for (int i = 0; i < renamed; ++i)
        lines[i] = line(m_desk->city().usccs().at(i), u"改名企业%1有限公司"_s.arg(i));
    for (int i = 0; i < newRows; ++i)
        lines.append(line(OfficeCity::newUscc(i), u"新登记企业%1有限公司"_s.arg(i)));
    const QByteArray csv = OfficeCity::registryCsv(lines);
    const QString path =
        workbook ? writeFile(u"名录.xlsx"_s, workbookOf(csv)) : writeFile(u"名录.csv"_s, csv);
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QVERIFY2(importer->error().isEmpty(), qPrintable(importer->error()));
    QCOMPARE(importer->state(), State::Previewed);
    QCOMPARE(importer->fileName(), workbook ? u"名录.xlsx"_s : u"名录.csv"_s);
    QCOMPARE(importer->fileKind(), workbook ? u"Excel 工作簿"_s : u"CSV 文件"_s);
    QCOMPARE(importer->rows(), int(lines.size()));
    QCOMPARE(importer->added(), added);
    QCOMPARE(importer->updated(), updated);
    QCOMPARE(importer->unchanged(), unchanged);
    QCOMPARE(importer->canImport(), canImport);
    QVERIFY2(importer->message().contains(message), qPrintable(importer->message()));
    QCOMPARE(importer->errors()->rowCount(), 0);

    // Nothing was written: the server has none of it, and a second look says the same.
    if (newRows > 0)
        QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(0)), QString());
    QCOMPARE(m_desk->city().registryAudit().size(), 0);
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->added(), added);
    QCOMPARE(importer->updated(), updated);
}

void Tst_registryimport::importWritesTheWholeFile_data()
{
    QTest::addColumn<bool>("workbook");
    QTest::newRow("csv") << false;
    QTest::newRow("xlsx") << true;
}

void Tst_registryimport::importWritesTheWholeFile()
{
    QFETCH(bool, workbook);
    QStringList lines = m_desk->city().registryLines();
    const QString renamedUscc = m_desk->city().usccs().at(3);
    lines[3] = line(renamedUscc, u"遂昌丁食品股份有限公司"_s);
    lines.append(line(OfficeCity::newUscc(7), u"遂昌新材料有限公司"_s, u"331123"_s, u"2652"_s));
    lines.append(
        line(OfficeCity::newUscc(8), u"遂昌小微五金厂"_s, u"331123"_s, u"3311"_s, u"否"_s));
    const QByteArray csv = OfficeCity::registryCsv(lines);
    const QString path = workbook ? writeFile(u"registry.xlsx"_s, workbookOf(csv))
                                  : writeFile(u"registry.csv"_s, csv);
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QVERIFY(importer->canImport());

    QVERIFY(importAndWait(*importer));
    QVERIFY2(importer->error().isEmpty(), qPrintable(importer->error()));
    QCOMPARE(importer->state(), State::Imported);
    QCOMPARE(importer->added(), 2);
    QCOMPARE(importer->updated(), 1);
    QCOMPARE(importer->unchanged(), 3);
    QCOMPARE(importer->canImport(), false);
    QVERIFY2(importer->message().contains(u"已导入 6 行"_s), qPrintable(importer->message()));

    // The server holds every row, and its audit log says who imported what.
    QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(7)), u"遂昌新材料有限公司"_s);
    QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(8)), u"遂昌小微五金厂"_s);
    QCOMPARE(m_desk->city().serverEnterpriseName(renamedUscc), u"遂昌丁食品股份有限公司"_s);
    const QList<QJsonObject> audit = m_desk->city().registryAudit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.constFirst().value("actor"_L1).toString(), OfficeCity::kUser);
    QCOMPARE(audit.constFirst().value("added"_L1).toInt(), 2);

    // The device pulls the new enterprises (the import starts a sync).
    gx::DeviceStore *store = m_desk->session().store();
    QVERIFY(store);
    const auto pulled = [&] {
        auto record = store->record(u"enterprise"_s, OfficeCity::newUscc(7));
        return record.ok() && record.value().has_value();
    };
    QTRY_VERIFY_WITH_TIMEOUT(pulled(), 20000);

    // A second look finds the file in the registry as it is.
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->added(), 0);
    QCOMPARE(importer->updated(), 0);
    QCOMPARE(importer->unchanged(), 6);
    QCOMPARE(importer->canImport(), false);
}

void Tst_registryimport::importSendsThePreviewedBytes()
{
    // What the clerk saw is what is imported, even when the file changes after the preview.
    QStringList lines = m_desk->city().registryLines();
    lines.append(line(OfficeCity::newUscc(3), u"预览过的企业有限公司"_s));
    const QString path = writeFile(u"registry.csv"_s, OfficeCity::registryCsv(lines));
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->added(), 1);
    (void)writeFile(u"registry.csv"_s,
                    OfficeCity::registryCsv({line(OfficeCity::newUscc(4), u"后来写的企业"_s)}));
    QVERIFY(importAndWait(*importer));
    QCOMPARE(importer->state(), State::Imported);
    QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(3)),
             u"预览过的企业有限公司"_s);
    QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(4)), QString());
}

void Tst_registryimport::badRowsListedInChineseNothingImported_data()
{
    QTest::addColumn<bool>("workbook");
    QTest::addColumn<QString>("badLine"); // added after the city's four and one good new row
    QTest::addColumn<QString>("header");  // "" for the usual one
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fieldLabel");
    QTest::addColumn<QString>("reason");  // part of the Chinese message
    QTest::addColumn<QString>("english"); // must not be shown

    QString badCheck = OfficeCity::newUscc(9);
    badCheck[17] = badCheck[17] == u'1' ? u'2' : u'1';
    QTest::newRow("check character")
        << false << line(badCheck, u"错码企业"_s) << QString() << 7 << u"uscc"_s
        << u"统一社会信用代码"_s << u"统一社会信用代码“%1”"_s.arg(badCheck) << u"uscc '"_s;
    QTest::newRow("unknown region")
        << false << line(OfficeCity::newUscc(9), u"外地企业"_s, u"339999"_s) << QString() << 7
        << u"region"_s << u"地区代码"_s << u"未知的地区代码“339999”"_s << u"unknown region"_s;
    QTest::newRow("above_size") << false
                                << line(OfficeCity::newUscc(9), u"规模不明企业"_s, kRegion,
                                        u"3421"_s, u"也许"_s)
                                << QString() << 7 << u"above_size"_s << u"是否规模以上"_s
                                << u"是否规上“也许”"_s << u"is not true/false"_s;
    QTest::newRow("industry code")
        << false << line(OfficeCity::newUscc(9), u"行业不明企业"_s, kRegion, u"12"_s) << QString()
        << 7 << u"industry_code"_s << u"行业代码"_s << u"行业代码“12”"_s << u"industry_code '"_s;
    QTest::newRow("empty name") << false << line(OfficeCity::newUscc(9), QString()) << QString()
                                << 7 << u"name"_s << u"企业名称"_s << u"企业名称为空"_s
                                << u"the name is empty"_s;
    QTest::newRow("twice in the file")
        << false << line(OfficeCity::newUscc(0), u"重复企业"_s) << QString() << 7 << u"uscc"_s
        << u"统一社会信用代码"_s << u"与第 6 行重复"_s << u"is already on line"_s;
    QTest::newRow("header") << false << QString() << u"uscc,name,region,industry,above_size"_s << 1
                            << QString() << u"整行"_s << u"表头须为"_s << u"the header must be"_s;
    QTest::newRow("xlsx, unknown region")
        << true << line(OfficeCity::newUscc(9), u"外地企业"_s, u"330000"_s) << QString() << 7
        << u"region"_s << u"地区代码"_s << u"未知的地区代码“330000”"_s << u"unknown region"_s;
}

void Tst_registryimport::badRowsListedInChineseNothingImported()
{
    QFETCH(bool, workbook);
    QFETCH(QString, badLine);
    QFETCH(QString, header);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, fieldLabel);
    QFETCH(QString, reason);
    QFETCH(QString, english);
    QStringList lines = m_desk->city().registryLines();
    lines.append(::line(OfficeCity::newUscc(0), u"好的新企业有限公司"_s)); // line 6
    if (!badLine.isEmpty())
        lines.append(badLine);
    QByteArray csv = OfficeCity::registryCsv(lines);
    if (!header.isEmpty())
        csv = header.toUtf8() + csv.mid(csv.indexOf('\n'));
    const QString path =
        workbook ? writeFile(u"名录.xlsx"_s, workbookOf(csv)) : writeFile(u"名录.csv"_s, csv);
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->state(), State::Refused);
    QCOMPARE(importer->canImport(), false);
    QVERIFY2(importer->error().contains(u"未导入任何数据"_s), qPrintable(importer->error()));
    const RegistryErrorModel &errors = *importer->errors();
    QVERIFY(errors.rowCount() >= 1);
    QCOMPARE(importer->errorCount(), errors.rowCount());
    const QModelIndex first = errors.index(0);
    QCOMPARE(first.data(RegistryErrorModel::LineRole).toInt(), line);
    QCOMPARE(first.data(RegistryErrorModel::LineTextRole).toString(),
             line == 1 ? u"表头（第 1 行）"_s : u"第 %1 行"_s.arg(line));
    QCOMPARE(first.data(RegistryErrorModel::FieldRole).toString(), field);
    QCOMPARE(first.data(RegistryErrorModel::FieldLabelRole).toString(), fieldLabel);
    const QString message = first.data(RegistryErrorModel::MessageRole).toString();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(english), qPrintable(message));

    // Nothing of the file was written, not even its good row, and there is nothing to confirm.
    QCOMPARE(importer->importFile(), false);
    QCOMPARE(m_desk->city().serverEnterpriseName(OfficeCity::newUscc(0)), QString());
    QCOMPARE(m_desk->city().registryAudit().size(), 0);
}

void Tst_registryimport::manyBadRowsSaySoThoseListed()
{
    QStringList lines = m_desk->city().registryLines();
    for (int i = 0; i < 520; ++i)
        lines.append(line(OfficeCity::newUscc(i % 100), u"企业%1"_s.arg(i), u"339999"_s));
    const QString path = writeFile(u"big.csv"_s, OfficeCity::registryCsv(lines));
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->state(), State::Refused);
    // Every row is in an unknown region and 420 of them repeat a USCC: the first 500 listed.
    QCOMPARE(importer->errors()->rowCount(), 500);
    QCOMPARE(importer->errorCount(), 520 + 420);
    QVERIFY2(importer->error().contains(u"共 940 处问题"_s), qPrintable(importer->error()));
    QVERIFY2(importer->error().contains(u"前 500 处"_s), qPrintable(importer->error()));
}

void Tst_registryimport::englishUiShowsTheEnglishHalf()
{
    m_desk->session().setLanguage(u"en"_s);
    QStringList lines = m_desk->city().registryLines();
    lines.append(line(OfficeCity::newUscc(1), u"外地企业"_s, u"339999"_s));
    const QString path = writeFile(u"registry.csv"_s, OfficeCity::registryCsv(lines));
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    const QModelIndex first = importer->errors()->index(0);
    QCOMPARE(first.data(RegistryErrorModel::FieldLabelRole).toString(), u"Region code"_s);
    const QString message = first.data(RegistryErrorModel::MessageRole).toString();
    QVERIFY2(message.startsWith(u"unknown region '339999'"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"未知"_s), qPrintable(message));
    m_desk->session().setLanguage(u"zh_CN"_s);
}

void Tst_registryimport::fileRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("name"); // "" for no file at all
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("size"); // a sparse file of this size instead of bytes, when > 0
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << u"nowhere.csv"_s << QByteArray() << qint64(-1) << u"不存在"_s;
    QTest::newRow("none chosen") << QString() << QByteArray() << qint64(-1) << u"请先选择文件"_s;
    QTest::newRow("empty") << u"empty.csv"_s << QByteArray() << qint64(0) << u"是空的"_s;
    QTest::newRow("old excel") << u"名录.xls"_s << QByteArray("\xd0\xcf\x11\xe0") << qint64(0)
                               << u"另存为 Excel 工作簿（.xlsx）"_s;
    QTest::newRow("pdf") << u"名录.pdf"_s << QByteArray("%PDF-1.4") << qint64(0)
                         << u"既不是 CSV 文件，也不是 Excel 工作簿"_s;
    QTest::newRow("xlsx that is no workbook")
        << u"名录.xlsx"_s << QByteArray("uscc,name") << qint64(0)
        << u"既不是 CSV 文件，也不是 Excel 工作簿"_s;
    QTest::newRow("too large") << u"huge.csv"_s << QByteArray() << (qint64(17) << 20)
                               << u"最大 16 MB"_s;
}

void Tst_registryimport::fileRefusedBeforeSending()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, size);
    QFETCH(QString, reason);
    QString path;
    if (!name.isEmpty()) {
        path = m_desk->filePath(name);
        if (size >= 0) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(size > 0 ? file.resize(size) : file.write(bytes) == bytes.size());
        }
    }
    auto importer = controller();
    QSignalSpy answered(importer.get(), &RegistryImportController::previewed);
    QCOMPARE(importer->preview(path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path)), false);
    QCOMPARE(importer->state(), State::Refused);
    QCOMPARE(importer->isBusy(), false);
    QVERIFY2(importer->error().contains(reason), qPrintable(importer->error()));
    QCOMPARE(importer->canImport(), false);
    QVERIFY(!answered.wait(300)); // nothing was sent
}

void Tst_registryimport::serverUnreachable()
{
    QStringList lines = m_desk->city().registryLines();
    lines.append(line(OfficeCity::newUscc(2), u"新企业"_s));
    const QString path = writeFile(u"registry.csv"_s, OfficeCity::registryCsv(lines));
    m_desk->city().stopServer();
    auto importer = controller();
    QVERIFY(previewAndWait(*importer, path));
    QCOMPARE(importer->state(), State::Refused);
    QVERIFY2(importer->error().contains(u"无法连接服务器"_s), qPrintable(importer->error()));
    QCOMPARE(importer->canImport(), false);
}

void Tst_registryimport::readableMessage_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("chinese");
    QTest::addColumn<QString>("english");
    QTest::newRow("two halves") << u"the name is empty. 企业名称为空"_s << u"企业名称为空"_s
                                << u"the name is empty"_s;
    QTest::newRow("Chinese inside the English half")
        << u"above_size '也许' is not true/false, 1/0 or 是/否. 是否规上“也许”应为 是/否"_s
        << u"是否规上“也许”应为 是/否"_s << u"above_size '也许' is not true/false, 1/0 or 是/否"_s;
    QTest::newRow("a sentence before the Chinese")
        << u"the workbook cannot be read. The zip is cut. 无法读取该 Excel 文件"_s
        << u"无法读取该 Excel 文件"_s << u"the workbook cannot be read. The zip is cut"_s;
    QTest::newRow("English only") << u"storage failed"_s << u"storage failed"_s
                                  << u"storage failed"_s;
}

void Tst_registryimport::readableMessage()
{
    QFETCH(QString, message);
    QFETCH(QString, chinese);
    QFETCH(QString, english);
    QCOMPARE(RegistryErrorModel::readableMessage(message, true), chinese);
    QCOMPARE(RegistryErrorModel::readableMessage(message, false), english);
}

QTEST_MAIN(Tst_registryimport)
#include "tst_registryimport.moc"
