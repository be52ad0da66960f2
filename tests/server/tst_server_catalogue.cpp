// The catalogue of 供需对接 (providers, products, typical cases): its entities join the survey
// definition as a version of their own (CatalogueForm::ensure), its records are city-wide (every
// user pulls them, only office and admin write them), and POST /api/v1/catalogue imports them
// from CSV or Excel with the registry's preview and all-or-nothing commit. On the backend named
// by GX_TEST_BACKEND, over real loopback HTTP.

#include "testsupport.h"

#include "sync/records/catalogueform.h"
#include "sync/records/formstore.h"
#include "sync/store/auditlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;
using gx::server::CatalogueForm;
using gx::server::Role;
using gx::test::HttpResult;
using gx::test::kOtherRegion;
using gx::test::kPassword;
using gx::test::kRegion;

namespace {

QByteArray assetFile(const QString &relative)
{
    QFile file(qEnvironmentVariable("GX_ASSETS_DIR") + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray catalogueJson()
{
    return assetFile(u"forms/catalogue.json"_s);
}

/** The catalogue's ids are UUIDs; the import names a provider's from its USCC. */
QString providerId(const QString &uscc)
{
    return QUuid::createUuidV5(QUuid(), uscc).toString(QUuid::WithoutBraces);
}

QJsonObject providerFields(const QString &uscc, const QString &county)
{
    return QJsonObject{{u"uscc"_s, uscc},
                       {u"name"_s, u"丽水精工机床服务有限公司"_s},
                       {u"county"_s, county},
                       {u"categories"_s, QJsonArray{u"machine_tool"_s, u"motor"_s}},
                       {u"services"_s, QJsonArray{u"equipment_supply"_s, u"installation"_s}},
                       {u"excellent"_s, true}};
}

const QByteArray kCsv = "text/csv";
const QByteArray kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A provider list as the office keeps it: Chinese option labels, 是/否, several categories. */
QByteArray providersCsv(const QString &thirdName = u"云和县智造服务中心"_s)
{
    const QString a = gx::test::testUscc(kRegion, 601);
    const QString b = gx::test::testUscc(kRegion, 602);
    const QString c = gx::test::testUscc(kOtherRegion, 603);
    return (u"uscc,name,county,categories,services,excellent,contact_phone\n"
            "%1,丽水机床装备服务有限公司,331102,机床（车、铣、磨、钻、锯床等）;电动机,设备供应;"
            "安装调试,是,0578-2123456\n"
            "%2,莲都节能科技有限公司,331102,pump;fan;compressor,energy_saving,否,\n"
            "%3,%4,331121,machine_tool,digital_renovation；maintenance,1,13905781234\n"_s)
        .arg(a, b, c, thirdName)
        .toUtf8();
}

/** A workbook of rows (the first the header), all cells strings except those that are numbers. */
QByteArray workbook(const QList<QStringList> &rows)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(u"catalogue.xlsx"_s).toLocal8Bit();
    lxw_workbook *book = workbook_new(path.constData());
    lxw_worksheet *sheet = workbook_add_worksheet(book, "产品");
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            bool number = false;
            const double value = rows[r][c].toDouble(&number);
            if (number && r > 0)
                worksheet_write_number(sheet, lxw_row_t(r), lxw_col_t(c), value, nullptr);
            else
                worksheet_write_string(sheet, lxw_row_t(r), lxw_col_t(c),
                                       rows[r][c].toUtf8().constData(), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR)
        qFatal("libxlsxwriter could not write the workbook");
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the workbook back");
    return file.readAll();
}

} // namespace

class Tst_server_catalogue : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void catalogueIsTheNextVersion();
    void catalogueOnTopOfALaterVersion();
    void write_data();
    void write();
    void everyonePullsTheCatalogue();
    void othersCannotChangeACatalogueRecord_data();
    void othersCannotChangeACatalogueRecord();
    void importPreviewThenCommit();
    void theFirstImportPublishesTheCatalogue();
    void importWorkbook();
    void importRefusals_data();
    void importRefusals();
    void importIsTheOffices_data();
    void importIsTheOffices();

private:
    [[nodiscard]] HttpResult import(const QString &user, const QString &query,
                                    const QByteArray &body, const QByteArray &type = kCsv);
    [[nodiscard]] int ensure();
    [[nodiscard]] QString pushOne(const QString &user, const QJsonObject &mutation,
                                  QString *error = nullptr);
    [[nodiscard]] QStringList pulledIds(const QString &user, const QString &entity);

    std::unique_ptr<gx::test::SyncFixture> m_f;
    int m_version = 0; ///< the version that holds the catalogue
    int m_ticks = 0;
};

void Tst_server_catalogue::init()
{
    m_f = std::make_unique<gx::test::SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
    for (const auto &[name, role, region, enterprise] :
         {std::tuple{u"ent"_s, Role::Enterprise, QString(), m_f->enterprise()},
          std::tuple{u"inspother"_s, Role::Inspector, kOtherRegion, QString()},
          std::tuple{u"admin"_s, Role::Admin, QString(), QString()}}) {
        const QString error =
            gx::test::addUser(m_f->db(), name, role, kPassword, region, enterprise);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    m_ticks = 0;
    m_version = ensure();
    QCOMPARE(m_version, 2);
}

void Tst_server_catalogue::cleanup()
{
    m_f.reset();
}

int Tst_server_catalogue::ensure()
{
    auto ensured = CatalogueForm::ensure(m_f->db(), catalogueJson(), m_f->clock().now());
    if (!ensured) {
        qWarning("ensure: %s", qPrintable(ensured.error().message));
        return -1;
    }
    return ensured.value().published;
}

QString Tst_server_catalogue::pushOne(const QString &user, const QJsonObject &mutation,
                                      QString *error)
{
    QJsonObject withVersion = mutation;
    withVersion.insert(u"form_version"_s, m_version);
    // The clock names the pushing device, and moves on with every push.
    withVersion.insert(u"hlc"_s,
                       gx::test::hlcText(m_f->clock().now() + ++m_ticks, u"dev-"_s + user));
    const HttpResult r = m_f->push(user, u"dev-"_s + user, QJsonArray{withVersion});
    if (r.status != 200)
        return u"HTTP %1"_s.arg(r.status);
    const QJsonObject result = gx::test::pushResults(r).at(0).toObject();
    const QString status = result.value("status"_L1).toString();
    if (error)
        *error = result.value("error"_L1).toObject().value("message"_L1).toString();
    if (status == "rejected"_L1)
        return status + u':' + result.value("error"_L1).toObject().value("code"_L1).toString();
    return status;
}

QStringList Tst_server_catalogue::pulledIds(const QString &user, const QString &entity)
{
    QStringList ids;
    const HttpResult r = m_f->client(user).get(u"/api/v1/sync/pull?limit=1000"_s);
    if (r.status != 200)
        return {u"HTTP %1"_s.arg(r.status)};
    for (const QJsonValue &change : r.json().value("changes"_L1).toArray()) {
        if (change["entity"_L1].toString() == entity)
            ids.append(change["id"_L1].toString());
    }
    ids.sort();
    return ids;
}

void Tst_server_catalogue::catalogueIsTheNextVersion()
{
    // init() published it as version 2, as the system user, with its audit row.
    auto versions = gx::server::FormStore(m_f->db()).list();
    QVERIFY(versions.ok());
    QCOMPARE(versions.value().size(), 2);
    const auto &info = versions.value().at(1);
    QCOMPARE(info.version, 2);
    QCOMPARE(info.publishedBy, QString(CatalogueForm::kActor));
    QStringList changes;
    for (const auto &change : info.changes)
        changes.append(gx::formChangeKindName(change.kind) + u' ' + change.entity);
    QCOMPARE(changes, (QStringList{u"entity_added provider"_s, u"entity_added product"_s,
                                   u"entity_added case"_s}));
    auto audit = gx::server::AuditLog::recent(m_f->db(), 10, u"form_published"_s);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().size(), 1);
    QCOMPARE(audit.value().at(0).actor, QString(CatalogueForm::kActor));

    // The current definition served to devices has them, city-wide.
    const HttpResult current = m_f->client(u"ent"_s).get(u"/api/v1/forms/current"_s);
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json().value("version"_L1).toInt(), 2);
    int cityWide = 0;
    for (const QJsonValue &entity : current.json().value("entities"_L1).toArray())
        cityWide += entity["scope"_L1].toString() == "city"_L1 ? 1 : 0;
    QCOMPARE(cityWide, 3);

    // Once there, ensuring again publishes nothing.
    QCOMPARE(ensure(), 0);
    QCOMPARE(gx::server::FormStore(m_f->db()).currentVersion().value(), 2);
}

void Tst_server_catalogue::catalogueOnTopOfALaterVersion()
{
    // A deployment that published its own versions first: a fresh store, version 2 the shipped
    // survey.v2.json, then the catalogue as version 3, keeping version 2's field.
    m_f.reset();
    gx::test::TestDatabase db;
    QVERIFY2(db.ok(), qPrintable(db.error()));
    auto published = gx::server::FormStore(db.db()).publish(assetFile(u"forms/survey.v2.json"_s),
                                                            u"office"_s, false, 1);
    QVERIFY2(published.ok(), published.ok() ? "" : qPrintable(published.error().message));
    auto ensured = CatalogueForm::ensure(db.db(), catalogueJson(), 2);
    QVERIFY2(ensured.ok(), ensured.ok() ? "" : qPrintable(ensured.error().message));
    QCOMPARE(ensured.value().published, 3);
    auto forms = gx::test::formVersions(db.db());
    QCOMPARE(forms.current().version(), 3);
    QVERIFY(forms.current().entity(u"provider"_s)->isCityWide());
    QVERIFY(forms.current().entity(u"survey"_s)->field(u"digital_service_provider"_s));
    // A definition published later without the catalogue takes entities away: refused.
    QJsonObject withoutIt = QJsonDocument::fromJson(assetFile(u"forms/survey.v2.json"_s)).object();
    withoutIt.insert(u"version"_s, 4);
    auto refused = gx::server::FormStore(db.db()).publish(QJsonDocument(withoutIt).toJson(),
                                                          u"office"_s, false, 3);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, gx::server::FormErrorCode::IncompatibleForm);
}

void Tst_server_catalogue::write_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QTest::newRow("inspector") << u"insp"_s << u"rejected:forbidden"_s;
    QTest::newRow("enterprise") << u"ent"_s << u"rejected:forbidden"_s;
    QTest::newRow("office") << u"office"_s << u"applied"_s;
    QTest::newRow("admin") << u"admin"_s << u"applied"_s;
}

void Tst_server_catalogue::write()
{
    QFETCH(QString, user);
    QFETCH(QString, expected);
    const QString uscc = gx::test::testUscc(kRegion, 501);
    const qint64 before = m_f->lastSeq();
    QString message;
    QCOMPARE(
        pushOne(user,
                gx::test::upsertJson(u"provider"_s, providerId(uscc), providerFields(uscc, kRegion),
                                     0, gx::test::hlcText(m_f->clock().now(), u"dev"_s)),
                &message),
        expected);
    if (expected.startsWith("rejected"_L1)) {
        QCOMPARE(m_f->lastSeq(), before); // nothing written
        QVERIFY2(message.contains(u"超出您的权限范围"_s), qPrintable(message));
    } else {
        QCOMPARE(m_f->lastSeq(), before + 1);
    }
}

void Tst_server_catalogue::everyonePullsTheCatalogue()
{
    const QString local = gx::test::testUscc(kRegion, 501);
    const QString other = gx::test::testUscc(kOtherRegion, 502);
    for (const auto &[uscc, county] : {std::pair{local, kRegion}, std::pair{other, kOtherRegion}}) {
        QCOMPARE(pushOne(u"office"_s,
                         gx::test::upsertJson(u"provider"_s, providerId(uscc),
                                              providerFields(uscc, county), 0,
                                              gx::test::hlcText(m_f->clock().now(), u"dev"_s))),
                 u"applied"_s);
    }
    QStringList both{providerId(local), providerId(other)};
    both.sort();
    // Every role pulls both providers, whatever their county ...
    for (const QString &user : {u"insp"_s, u"inspother"_s, u"ent"_s, u"office"_s})
        QCOMPARE(pulledIds(user, u"provider"_s), both);
    // ... while the survey's records stay in their scopes.
    QCOMPARE(pulledIds(u"inspother"_s, u"enterprise"_s), QStringList{m_f->otherEnterprise()});
    QCOMPARE(pulledIds(u"ent"_s, u"enterprise"_s), QStringList{m_f->enterprise()});
}

void Tst_server_catalogue::othersCannotChangeACatalogueRecord_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("remove");
    QTest::newRow("inspector edits") << u"insp"_s << false;
    QTest::newRow("inspector deletes") << u"insp"_s << true;
    QTest::newRow("enterprise edits") << u"ent"_s << false;
    QTest::newRow("enterprise deletes") << u"ent"_s << true;
}

void Tst_server_catalogue::othersCannotChangeACatalogueRecord()
{
    QFETCH(QString, user);
    QFETCH(bool, remove);
    const QString uscc = gx::test::testUscc(kRegion, 501);
    QCOMPARE(
        pushOne(u"office"_s,
                gx::test::upsertJson(u"provider"_s, providerId(uscc), providerFields(uscc, kRegion),
                                     0, gx::test::hlcText(m_f->clock().now(), u"dev"_s))),
        u"applied"_s);
    const qint64 before = m_f->lastSeq();
    const QString hlc = gx::test::hlcText(m_f->clock().now() + 1000, u"dev2"_s);
    const QJsonObject mutation = remove
                                     ? gx::test::deleteJson(u"provider"_s, providerId(uscc), 1, hlc)
                                     : gx::test::upsertJson(u"provider"_s, providerId(uscc),
                                                            {{u"name"_s, u"改名"_s}}, 1, hlc);
    QCOMPARE(pushOne(user, mutation), u"rejected:forbidden"_s);
    QCOMPARE(m_f->lastSeq(), before);
    // The office's own edit still applies.
    QCOMPARE(pushOne(u"office"_s, gx::test::upsertJson(u"provider"_s, providerId(uscc),
                                                       {{u"name"_s, u"新名称"_s}}, 1, hlc)),
             u"applied"_s);
}

HttpResult Tst_server_catalogue::import(const QString &user, const QString &query,
                                        const QByteArray &body, const QByteArray &type)
{
    return m_f->client(user).post(u"/api/v1/catalogue?"_s + query, body, type);
}

void Tst_server_catalogue::importPreviewThenCommit()
{
    const qint64 before = m_f->lastSeq();
    // The preview counts and writes nothing.
    HttpResult r = import(u"office"_s, u"entity=provider&dry_run=1"_s, providersCsv());
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json()["dry_run"_L1].toBool(), true);
    QCOMPARE(r.json()["added"_L1].toInt(), 3);
    QCOMPARE(m_f->lastSeq(), before);
    QCOMPARE(pulledIds(u"insp"_s, u"provider"_s), QStringList());

    // The import writes them city-wide: an inspector of another county and the enterprise pull
    // all three, with the cells read by type.
    r = import(u"office"_s, u"entity=provider"_s, providersCsv());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["added"_L1].toInt(), 3);
    QCOMPARE(m_f->lastSeq(), before + 3);
    QCOMPARE(pulledIds(u"inspother"_s, u"provider"_s).size(), 3);
    QCOMPARE(pulledIds(u"ent"_s, u"provider"_s).size(), 3);
    const HttpResult pulled = m_f->client(u"insp"_s).get(u"/api/v1/sync/pull?limit=1000"_s);
    QJsonObject first;
    for (const QJsonValue &change : pulled.json()["changes"_L1].toArray()) {
        if (change["fields"_L1]["uscc"_L1].toString() == gx::test::testUscc(kRegion, 601))
            first = change.toObject();
    }
    QCOMPARE(first["form_version"_L1].toInt(), m_version);
    const QJsonObject fields = first["fields"_L1].toObject();
    QCOMPARE(fields["categories"_L1].toArray(), (QJsonArray{u"machine_tool"_s, u"motor"_s}));
    QCOMPARE(fields["services"_L1].toArray(),
             (QJsonArray{u"equipment_supply"_s, u"installation"_s}));
    QCOMPARE(fields["excellent"_L1].toBool(), true);

    // The same file again changes nothing; one name changed is one update, under the same id.
    r = import(u"office"_s, u"entity=provider"_s, providersCsv());
    QCOMPARE(r.json()["unchanged"_L1].toInt(), 3);
    QCOMPARE(m_f->lastSeq(), before + 3);
    r = import(u"office"_s, u"entity=provider&dry_run=1"_s, providersCsv(u"云和智造服务中心"_s));
    QCOMPARE(r.json()["updated"_L1].toInt(), 1);
    QCOMPARE(r.json()["unchanged"_L1].toInt(), 2);
    r = import(u"office"_s, u"entity=provider"_s, providersCsv(u"云和智造服务中心"_s));
    QCOMPARE(r.json()["updated"_L1].toInt(), 1);
    QCOMPARE(m_f->lastSeq(), before + 4);
    QCOMPARE(pulledIds(u"office"_s, u"provider"_s).size(), 3);

    auto audit = gx::server::AuditLog::recent(m_f->db(), 10, u"catalogue_imported"_s);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().size(), 3); // the dry runs are not imports
    QCOMPARE(audit.value().at(0).actor, u"office"_s);
    QCOMPARE(audit.value().at(0).detail["entity"_L1].toString(), u"provider"_s);
}

void Tst_server_catalogue::theFirstImportPublishesTheCatalogue()
{
    // A store on its own versions, the catalogue never used: the first import (a preview even)
    // publishes its entities as the next version, as the system user, once.
    m_f.reset();
    gx::test::TestDatabase db;
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(gx::test::addUser(db.db(), u"office"_s, Role::Office, kPassword), QString());
    gx::test::TestServer server(db.db());
    QVERIFY2(server.ok(), qPrintable(server.error()));
    gx::test::HttpClient office(server.baseUrl());
    QVERIFY(!office.login(u"office"_s, kPassword).isEmpty());
    QCOMPARE(gx::server::FormStore(db.db()).currentVersion().value(), 1);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r =
            office.post(u"/api/v1/catalogue?entity=provider&dry_run=1"_s, providersCsv(), kCsv);
        QVERIFY2(r.status == 200, r.describe().constData());
        QCOMPARE(r.json()["added"_L1].toInt(), 3);
    }
    auto versions = gx::server::FormStore(db.db()).list();
    QVERIFY(versions.ok());
    QCOMPARE(versions.value().size(), 2);
    QCOMPARE(versions.value().at(1).publishedBy, QString(CatalogueForm::kActor));
    QCOMPARE(CatalogueForm::shipped(), catalogueJson());
}

void Tst_server_catalogue::importWorkbook()
{
    const QList<QStringList> rows{
        {u"maker"_s, u"name"_s, u"model"_s, u"county"_s, u"category"_s, u"efficiency_level"_s,
         u"first_of_kind"_s, u"price_min_10k"_s, u"price_max_10k"_s},
        {u"浙江缙云锻压机床有限公司"_s, u"数控折弯机"_s, u"WE67K-100"_s, u"331122"_s, u"折弯机"_s,
         u"先进水平"_s, u"是"_s, u"18"_s, u"35.5"_s},
        {u"龙泉泵业有限公司"_s, u"高效离心泵"_s, u"LQ-200"_s, u"331181"_s, u"pump"_s,
         u"energy_saving"_s, u"否"_s, u"2"_s, u"6"_s}};
    const HttpResult r = import(u"admin"_s, u"entity=product"_s, workbook(rows), kXlsx);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json()["added"_L1].toInt(), 2);
    const HttpResult pulled = m_f->client(u"ent"_s).get(u"/api/v1/sync/pull?limit=1000"_s);
    QJsonObject bender;
    for (const QJsonValue &change : pulled.json()["changes"_L1].toArray()) {
        if (change["entity"_L1].toString() == "product"_L1 &&
            change["fields"_L1]["model"_L1].toString() == "WE67K-100"_L1)
            bender = change["fields"_L1].toObject();
    }
    QCOMPARE(bender["category"_L1].toString(), u"bending_machine"_s);
    QCOMPARE(bender["efficiency_level"_L1].toString(), u"advanced"_s);
    QCOMPARE(bender["first_of_kind"_L1].toBool(), true);
    QCOMPARE(bender["price_max_10k"_L1].toDouble(), 35.5);
}

void Tst_server_catalogue::importRefusals_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    const QString uscc = gx::test::testUscc(kRegion, 611);
    const QString header = u"uscc,name,county,categories,services\n"_s;
    const QString good = u"%1,好服务商,331102,motor,maintenance\n"_s.arg(uscc);
    QTest::newRow("unknown column")
        << u"provider"_s << u"uscc,name,county,categories,services,colour\n"_s << 1 << QString()
        << u"unknown column 'colour'"_s;
    QTest::newRow("required column missing") << u"provider"_s << u"uscc,name,county,categories\n"_s
                                             << 1 << QString() << u"column 'services' is missing"_s;
    QTest::newRow("photo column")
        << u"case"_s << u"title,enterprise,enterprise_name,county,category,renewed,photo\n"_s << 1
        << QString() << u"cannot be imported"_s;
    QTest::newRow("bad USCC") << u"provider"_s
                              << header + good +
                                     u"913311020000000000,坏代码,331102,motor,maintenance\n"_s
                              << 3 << u"uscc"_s << u"统一社会信用代码"_s;
    QTest::newRow("unknown category")
        << u"provider"_s << header + u"%1,服务商,331102,飞船,maintenance\n"_s.arg(uscc) << 2
        << u"categories"_s << u"“飞船”不是可选项之一"_s;
    QTest::newRow("unknown county")
        << u"provider"_s << header + u"%1,服务商,999999,motor,maintenance\n"_s.arg(uscc) << 2
        << u"county"_s << u"所在县"_s;
    QTest::newRow("required cell empty")
        << u"provider"_s << header + u"%1,,331102,motor,maintenance\n"_s.arg(uscc) << 2 << u"name"_s
        << u"服务商名称"_s;
    QTest::newRow("the same provider twice")
        << u"provider"_s << header + good + good << 3 << u"uscc"_s << u"与第 2 行重复"_s;
    QTest::newRow("not a yes or no") << u"provider"_s
                                     << u"uscc,name,county,categories,services,excellent\n"_s +
                                            u"%1,服务商,331102,motor,maintenance,也许\n"_s.arg(uscc)
                                     << 2 << u"excellent"_s << u"是/否"_s;
    QTest::newRow("price not a number")
        << u"product"_s
        << u"maker,name,model,county,category,price_min_10k\n丽水厂,电机,M1,331102,motor,很贵\n"_s
        << 2 << u"price_min_10k"_s << u"不是数字"_s;
    QTest::newRow("price range upside down")
        << u"product"_s
        << u"maker,name,model,county,category,price_min_10k,price_max_10k\n"
           "丽水厂,电机,M1,331102,motor,20,10\n"_s
        << 2 << u"price_max_10k"_s << u"价格上限不能低于价格下限"_s;
    QTest::newRow("a short line") << u"provider"_s << header + u"%1,服务商\n"_s.arg(uscc) << 2
                                  << QString() << u"应有 5 列"_s;
    QTest::newRow("header only") << u"provider"_s << header << 1 << QString() << u"没有数据行"_s;
}

void Tst_server_catalogue::importRefusals()
{
    QFETCH(QString, entity);
    QFETCH(QString, csv);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    const qint64 before = m_f->lastSeq();
    for (const QString &dryRun : {u"&dry_run=1"_s, QString()}) {
        const HttpResult r = import(u"office"_s, u"entity="_s + entity + dryRun, csv.toUtf8());
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"invalid_catalogue"_s);
        const QJsonArray errors = r.json()["errors"_L1].toArray();
        QVERIFY(!errors.isEmpty());
        const QJsonObject error = errors.last().toObject();
        QCOMPARE(error["line"_L1].toInt(), line);
        QCOMPARE(error["field"_L1].toString(), field);
        QVERIFY2(error["message"_L1].toString().contains(messagePart),
                 qPrintable(error["message"_L1].toString()));
    }
    QCOMPARE(m_f->lastSeq(), before); // nothing of it written
}

void Tst_server_catalogue::importIsTheOffices_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("inspector") << u"insp"_s << u"entity=provider"_s << 403 << u"forbidden"_s;
    QTest::newRow("enterprise") << u"ent"_s << u"entity=provider"_s << 403 << u"forbidden"_s;
    QTest::newRow("no entity") << u"office"_s << QString() << 400 << u"bad_request"_s;
    QTest::newRow("not a catalogue entity")
        << u"office"_s << u"entity=survey"_s << 400 << u"bad_request"_s;
    QTest::newRow("bad dry_run") << u"office"_s << u"entity=provider&dry_run=yes"_s << 400
                                 << u"bad_request"_s;
}

void Tst_server_catalogue::importIsTheOffices()
{
    QFETCH(QString, user);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qint64 before = m_f->lastSeq();
    const HttpResult r = import(user, query, providersCsv());
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QVERIFY(!r.errorMessage().isEmpty());
    QCOMPARE(m_f->lastSeq(), before);
}

QTEST_GUILESS_MAIN(Tst_server_catalogue)
#include "tst_server_catalogue.moc"
