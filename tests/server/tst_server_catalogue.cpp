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
#include <QTest>
#include <QUuid>

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

private:
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

QTEST_GUILESS_MAIN(Tst_server_catalogue)
#include "tst_server_catalogue.moc"
