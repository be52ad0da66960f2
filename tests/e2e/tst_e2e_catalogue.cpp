// The catalogue of 供需对接 on devices against the real server (issue 12): the office imports
// providers and products (POST /api/v1/catalogue, which publishes the catalogue's version); an
// inspector's and an enterprise user's devices sync and hold exactly the catalogue records
// besides their own scope's (never another county's survey), keep them over a restart, take the
// office's change and deletion at the next sync, and refuse a local edit of one in the store
// (nothing queued, the server's record untouched). On the backend of GX_TEST_BACKEND (registered
// for SQLite and PostgreSQL).

#include "e2eworld.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;
using gx::e2e::TestDevice;

namespace {

const QString kEnterpriseUser = u"ent.1"_s;

QString providerUscc(int n)
{
    return gx::test::testUscc(gx::test::kRegion, 9000 + n);
}

QByteArray providerCsv(const QString &firstName)
{
    return (u"uscc,name,county,categories,services,excellent,contact_name,contact_phone\n"_s +
            providerUscc(1) + u","_s + firstName +
            u",331102,motor;pump,maintenance;energy_saving,是,王工,0578-2100001\n"_s +
            providerUscc(2) +
            u",青田机床服务有限公司,331121,machine_tool,installation,否,李工,0578-2100002\n"_s)
        .toUtf8();
}

QByteArray productCsv()
{
    return u"name,maker,maker_uscc,county,model,category,efficiency_level,first_of_kind,"
           u"price_min_10k,price_max_10k\n"
           u"高效电动机,丽水电机有限公司,,331102,YE4-160,motor,advanced,是,1,3\n"
           u"数控车床,青田精工机床有限公司,,331121,CK6150,machine_tool,,否,18,32\n"
           u"节能水泵,莲都泵业有限公司,,331102,QJ-50,pump,energy_saving,否,0.5,2\n"_s.toUtf8();
}

bool isCatalogue(const QString &entity)
{
    return entity == u"provider"_s || entity == u"product"_s || entity == u"case"_s;
}

} // namespace

class Tst_e2e_catalogue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void devicesHoldExactlyTheCatalogue();
    void theCatalogueSurvivesARestart();
    void anOfficeChangeArrivesAtTheNextSync();
    void aDeviceWriteIsRefused();

private:
    /** POSTs a catalogue list as the office; "" or why it failed. */
    [[nodiscard]] QString import(const QString &entity, const QByteArray &csv);
    /** The catalogue records on the server (not deleted) as "entity/id" -> fields. */
    [[nodiscard]] QHash<QString, QJsonObject> serverCatalogue();
    /** The catalogue records a device holds, "entity/id" -> fields. */
    [[nodiscard]] QHash<QString, QJsonObject> deviceCatalogue(TestDevice &device);
    [[nodiscard]] QString productId(const QString &model);

    E2eWorld m_world;
    std::unique_ptr<TestDevice> m_inspector;
    std::unique_ptr<TestDevice> m_enterprise;
    QString m_otherSurvey; ///< a survey of the other county, made by its inspector
};

void Tst_e2e_catalogue::initTestCase()
{
    GX_EMPTY(m_world.setUp());
    qInfo("backend: %s", qPrintable(E2eWorld::backend()));
    GX_EMPTY(gx::test::addUserByCommand(m_world.serverDbUrl(), kEnterpriseUser, u"enterprise"_s,
                                        gx::test::kPassword, {}, E2eWorld::enterprise(1)));
    // Another county's survey on the server: neither device may pull it.
    QString why;
    auto other = m_world.device(u"insp.c"_s, u"tab-c"_s, &why);
    QVERIFY2(other, qPrintable(why));
    m_otherSurvey = gx::test::newUuid();
    QVERIFY(other->store()
                .createRecord(u"survey"_s,
                              gx::test::draftSurveyFields(E2eWorld::otherEnterprise(1)),
                              m_otherSurvey)
                .ok());
    GX_EMPTY(other->sync());
    QCOMPARE(other->client().lastReport().rejected, 0);
}

QString Tst_e2e_catalogue::import(const QString &entity, const QByteArray &csv)
{
    const gx::test::HttpResult answer =
        m_world.office().post(u"/api/v1/catalogue?entity="_s + entity, csv, "text/csv");
    if (answer.status != 200)
        return u"import of %1: %2"_s.arg(entity, QString::fromUtf8(answer.describe()));
    return {};
}

QHash<QString, QJsonObject> Tst_e2e_catalogue::serverCatalogue()
{
    QString why;
    const auto view = m_world.officeView(&why);
    if (!why.isEmpty())
        qWarning("office view: %s", qPrintable(why));
    QHash<QString, QJsonObject> out;
    for (auto it = view.begin(); it != view.end(); ++it) {
        const QJsonObject change = it.value();
        if (isCatalogue(change.value("entity"_L1).toString()) &&
            !change.value("deleted"_L1).toBool())
            out.insert(it.key(), change.value("fields"_L1).toObject());
    }
    return out;
}

QHash<QString, QJsonObject> Tst_e2e_catalogue::deviceCatalogue(TestDevice &device)
{
    QHash<QString, QJsonObject> out;
    for (const QString &key : device.recordKeys()) {
        const QString entity = key.section(u'/', 0, 0);
        if (isCatalogue(entity))
            out.insert(key, device.fields(entity, key.section(u'/', 1)));
    }
    return out;
}

QString Tst_e2e_catalogue::productId(const QString &model)
{
    const auto catalogue = serverCatalogue();
    for (auto it = catalogue.begin(); it != catalogue.end(); ++it) {
        if (it.key().startsWith(u"product/"_s) && it.value().value("model"_L1).toString() == model)
            return it.key().section(u'/', 1);
    }
    return {};
}

void Tst_e2e_catalogue::devicesHoldExactlyTheCatalogue()
{
    GX_EMPTY(import(u"provider"_s, providerCsv(u"莲都节能服务有限公司"_s)));
    GX_EMPTY(import(u"product"_s, productCsv()));
    const auto expected = serverCatalogue();
    QCOMPARE(expected.size(), 5);

    QString why;
    m_inspector = m_world.device(u"insp.a"_s, u"tab-a"_s, &why);
    QVERIFY2(m_inspector, qPrintable(why));
    m_enterprise = m_world.device(kEnterpriseUser, u"pc-ent"_s, &why);
    QVERIFY2(m_enterprise, qPrintable(why));
    for (TestDevice *device : {m_inspector.get(), m_enterprise.get()}) {
        GX_EMPTY(device->sync());
        QCOMPARE(deviceCatalogue(*device), expected);
        // Never another county's survey.
        QVERIFY(device->fields(u"survey"_s, m_otherSurvey).isEmpty());
        for (const QString &key : device->recordKeys())
            QVERIFY2(!key.startsWith(u"enterprise/"_s + E2eWorld::otherEnterprise(1)),
                     qPrintable(key));
        // The version that defines them was fetched after the pull: nothing is missing, and the
        // store knows them as the city's, read-only.
        const auto missing = device->store().forms().missing();
        QVERIFY(missing.ok());
        QVERIFY(missing.value().isEmpty());
        QVERIFY(device->store().isReadOnly(u"product"_s));
        QVERIFY(device->store().isReadOnly(u"provider"_s));
        QVERIFY(device->store().isReadOnly(u"case"_s));
        QVERIFY(!device->store().isReadOnly(u"survey"_s));
    }
    // The enterprise user's device holds its own enterprise only, besides the catalogue.
    for (const QString &key : m_enterprise->recordKeys()) {
        const QString entity = key.section(u'/', 0, 0);
        QVERIFY2(isCatalogue(entity) || key == u"enterprise/"_s + E2eWorld::enterprise(1),
                 qPrintable(key));
    }
}

void Tst_e2e_catalogue::theCatalogueSurvivesARestart()
{
    QVERIFY(m_enterprise);
    const auto before = deviceCatalogue(*m_enterprise);
    const QString path = m_enterprise->store().path();
    m_enterprise.reset();
    m_enterprise = std::make_unique<TestDevice>(path, u"pc-ent"_s, m_world.baseUrl());
    GX_EMPTY(m_enterprise->error());
    QCOMPARE(deviceCatalogue(*m_enterprise), before);
    QVERIFY(m_enterprise->store().isReadOnly(u"product"_s));
    GX_EMPTY(m_enterprise->login(kEnterpriseUser, gx::test::kPassword));
    GX_EMPTY(m_enterprise->sync());
    QCOMPARE(m_enterprise->client().lastReport().forms, 0);
    QCOMPARE(deviceCatalogue(*m_enterprise), before);
}

void Tst_e2e_catalogue::anOfficeChangeArrivesAtTheNextSync()
{
    QVERIFY(m_inspector && m_enterprise);
    // A corrected list renames a provider; the office deletes a product.
    GX_EMPTY(import(u"provider"_s, providerCsv(u"莲都绿色节能服务有限公司"_s)));
    const QString pump = productId(u"QJ-50"_s);
    QVERIFY(!pump.isEmpty());
    QString why;
    const auto view = m_world.officeView(&why);
    GX_EMPTY(why);
    const qint64 rev = view.value(u"product/"_s + pump).value("rev"_L1).toInteger();
    QVERIFY(rev > 0);
    const gx::test::HttpResult pushed = m_world.office().postJson(
        u"/api/v1/sync/push"_s,
        gx::test::pushBody(
            u"office-desk"_s,
            {gx::test::deleteJson(
                u"product"_s, pump, rev,
                gx::test::hlcText(QDateTime::currentMSecsSinceEpoch(), u"office-desk"_s))}));
    QCOMPARE(pushed.status, 200);
    QCOMPARE(gx::test::pushResults(pushed).at(0).toObject().value("status"_L1).toString(),
             u"applied"_s);

    const auto expected = serverCatalogue();
    QCOMPARE(expected.size(), 4);
    for (TestDevice *device : {m_inspector.get(), m_enterprise.get()}) {
        GX_EMPTY(device->sync());
        QCOMPARE(deviceCatalogue(*device), expected);
        QVERIFY(device->fields(u"product"_s, pump).isEmpty());
        bool renamed = false;
        for (const QJsonObject &fields : deviceCatalogue(*device))
            renamed =
                renamed || fields.value("name"_L1).toString() == u"莲都绿色节能服务有限公司"_s;
        QVERIFY(renamed);
    }
}

void Tst_e2e_catalogue::aDeviceWriteIsRefused()
{
    QVERIFY(m_inspector && m_enterprise);
    const QString motor = productId(u"YE4-160"_s);
    QVERIFY(!motor.isEmpty());
    const auto before = serverCatalogue();
    for (TestDevice *device : {m_inspector.get(), m_enterprise.get()}) {
        const auto edited = device->store().setField(u"product"_s, motor, u"name"_s, u"改名"_s);
        QVERIFY(!edited);
        QCOMPARE(edited.error().code, gx::StoreError::Code::ReadOnly);
        const auto deleted = device->store().deleteRecord(u"product"_s, motor);
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().code, gx::StoreError::Code::ReadOnly);
        const auto created =
            device->store().createRecord(u"provider"_s, {{u"name"_s, u"自建服务商"_s}});
        QVERIFY(!created);
        QCOMPARE(created.error().code, gx::StoreError::Code::ReadOnly);
        const auto entries = device->store().outbox().entries();
        QVERIFY(entries.ok());
        QVERIFY(entries.value().isEmpty()); // nothing queued to be rejected
        GX_EMPTY(device->sync());
        QCOMPARE(device->client().lastReport().rejected, 0);
        QCOMPARE(device->fields(u"product"_s, motor).value("name"_L1).toString(), u"高效电动机"_s);
    }
    QCOMPARE(serverCatalogue(), before);
}

QTEST_GUILESS_MAIN(Tst_e2e_catalogue)
#include "tst_e2e_catalogue.moc"
