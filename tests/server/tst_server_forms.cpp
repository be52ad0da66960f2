// Survey versions (issue 10, item 1): the definition's versions in table `form_versions`,
// version 1 seeded from assets/forms; POST /api/v1/forms (and `gengxin-server form publish`)
// with a dry run and refusals naming the field; mutations judged against their form_version;
// records keeping the version of their last upsert and the pull carrying it; every publish in
// the audit log.

#include "testsupport.h"

#include "sync/store/auditlog.h"
#include "sync/store/csvreader.h"
#include "sync/store/xlsxreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using gx::test::HttpResult;
using gx::test::TestClock;

namespace {

const QString kProvider = u"digital_service_provider"_s;

QJsonObject text(const QString &zh, const QString &en)
{
    return QJsonObject{{u"zh_CN"_s, zh}, {u"en"_s, en}};
}

/** Applies edit to the field `name` of `entity` wherever it is declared. */
void editField(QJsonObject &doc, const QString &entity, const QString &name,
               const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray entities = doc.value("entities"_L1).toArray();
    for (qsizetype e = 0; e < entities.size(); ++e) {
        QJsonObject ent = entities.at(e).toObject();
        if (ent.value("name"_L1).toString() != entity)
            continue;
        auto inList = [&](QJsonArray &fields) {
            for (qsizetype i = 0; i < fields.size(); ++i) {
                QJsonObject f = fields.at(i).toObject();
                if (f.value("name"_L1).toString() != name)
                    continue;
                edit(f);
                if (f.isEmpty())
                    fields.removeAt(i);
                else
                    fields.replace(i, f);
                return;
            }
        };
        QJsonArray own = ent.value("fields"_L1).toArray();
        inList(own);
        ent.insert("fields"_L1, own);
        QJsonArray sections = ent.value("sections"_L1).toArray();
        for (qsizetype s = 0; s < sections.size(); ++s) {
            QJsonObject section = sections.at(s).toObject();
            QJsonArray fields = section.value("fields"_L1).toArray();
            inList(fields);
            section.insert("fields"_L1, fields);
            sections.replace(s, section);
        }
        ent.insert("sections"_L1, sections);
        entities.replace(e, ent);
    }
    doc.insert("entities"_L1, entities);
}

/** Version 2 of the tests: the survey gains an optional text field after uses_5g, and uses_5g
 * becomes required on submission. */
QJsonObject version2()
{
    QJsonObject doc = gx::test::testForm().json();
    doc.insert("version"_L1, 2);
    QJsonArray entities = doc.value("entities"_L1).toArray();
    for (qsizetype e = 0; e < entities.size(); ++e) {
        QJsonObject ent = entities.at(e).toObject();
        if (ent.value("name"_L1).toString() != "survey"_L1)
            continue;
        QJsonArray sections = ent.value("sections"_L1).toArray();
        for (qsizetype s = 0; s < sections.size(); ++s) {
            QJsonObject section = sections.at(s).toObject();
            if (section.value("id"_L1).toString() != "digital"_L1)
                continue;
            QJsonArray fields = section.value("fields"_L1).toArray();
            fields.append(QJsonObject{
                {u"name"_s, kProvider},
                {u"type"_s, u"text"_s},
                {u"label"_s, text(u"数字化改造服务商"_s, u"Digital transformation provider"_s)},
                {u"max_length"_s, 100}});
            section.insert("fields"_L1, fields);
            sections.replace(s, section);
        }
        ent.insert("sections"_L1, sections);
        entities.replace(e, ent);
    }
    doc.insert("entities"_L1, entities);
    editField(doc, u"survey"_s, u"uses_5g"_s,
              [](QJsonObject &f) { f.insert("required"_L1, true); });
    return doc;
}

QByteArray bytes(const QJsonObject &doc)
{
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

QStringList describe(const QJsonArray &changes)
{
    QStringList out;
    for (const QJsonValue &c : changes) {
        out.append(c["kind"_L1].toString() + u' ' + c["entity"_L1].toString() + u' ' +
                   c["field"_L1].toString());
    }
    return out;
}

const QStringList kVersion2Changes{u"field_changed survey uses_5g"_s,
                                   u"field_added survey digital_service_provider"_s,
                                   u"section_changed survey digital"_s};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class Tst_server_forms : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstVersionIsTheShippedOne();
    void unknownVersionIsNotFound_data();
    void unknownVersionIsNotFound();
    void dryRunStoresNothing();
    void publishStoresAndAudits();
    void refusals_data();
    void refusals();
    void whoMayPublish_data();
    void whoMayPublish();
    void pushAgainstItsVersion_data();
    void pushAgainstItsVersion();
    void submissionJudgedByItsVersion();
    void recordsKeepTheVersionOfTheirLastUpsert();
    void exportCarriesEveryVersionsFields_data();
    void exportCarriesEveryVersionsFields();
    void exportRefusals();
    void cliPublishAndList();
    void cliRefusesAndStoresNothing();

private:
    [[nodiscard]] HttpResult publish(const QByteArray &body, bool dryRun = false,
                                     const QString &user = u"office"_s);
    [[nodiscard]] QJsonObject pushOne(const QJsonObject &mutation);
    [[nodiscard]] qsizetype publishAudits();

    std::unique_ptr<gx::test::SyncFixture> m_f;
};

void Tst_server_forms::init()
{
    m_f = std::make_unique<gx::test::SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
}

void Tst_server_forms::cleanup()
{
    m_f.reset();
}

HttpResult Tst_server_forms::publish(const QByteArray &body, bool dryRun, const QString &user)
{
    return m_f->client(user).post(dryRun ? u"/api/v1/forms?dry_run=1"_s : u"/api/v1/forms"_s, body,
                                  "application/json");
}

QJsonObject Tst_server_forms::pushOne(const QJsonObject &mutation)
{
    const HttpResult result = m_f->push(u"insp"_s, u"tablet-7"_s, {mutation});
    if (result.status != 200)
        qWarning("push: %s", result.describe().constData());
    return gx::test::pushResults(result).at(0).toObject();
}

qsizetype Tst_server_forms::publishAudits()
{
    auto entries = gx::server::AuditLog::recent(m_f->db(), 100, u"form_published"_s);
    return entries ? entries.value().size() : -1;
}

void Tst_server_forms::firstVersionIsTheShippedOne()
{
    const HttpResult list = m_f->client(u"insp"_s).get(u"/api/v1/forms"_s);
    QCOMPARE(list.status, 200);
    const QJsonArray versions = list.jsonArray();
    QCOMPARE(versions.size(), 1);
    const QJsonObject first = versions.at(0).toObject();
    QCOMPARE(first.value("version"_L1).toInt(), 1);
    QVERIFY(first.value("published_by"_L1).isNull());
    QCOMPARE(first.value("changes"_L1).toArray(), QJsonArray());
    QCOMPARE(QDateTime::fromString(first.value("published_at"_L1).toString(), Qt::ISODateWithMs)
                 .toMSecsSinceEpoch(),
             TestClock::kStart);

    const HttpResult current = m_f->client(u"insp"_s).get(u"/api/v1/forms/current"_s);
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json(), gx::test::testForm().json());
    QCOMPARE(current.json().value("version"_L1).toInt(), 1);
    const HttpResult one = m_f->client(u"insp"_s).get(u"/api/v1/forms/1"_s);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json(), gx::test::testForm().json());
}

void Tst_server_forms::unknownVersionIsNotFound_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("the next one") << u"2"_s;
    QTest::newRow("zero") << u"0"_s;
    QTest::newRow("negative") << u"-1"_s;
    QTest::newRow("a leading zero") << u"01"_s;
    QTest::newRow("a word") << u"latest"_s;
}

void Tst_server_forms::unknownVersionIsNotFound()
{
    QFETCH(QString, which);
    const HttpResult result = m_f->client(u"insp"_s).get(u"/api/v1/forms/"_s + which);
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorCode(), u"not_found"_s);
    QVERIFY(result.errorMessage().contains(u"GET /api/v1/forms"_s));
}

void Tst_server_forms::dryRunStoresNothing()
{
    const HttpResult dry = publish(bytes(version2()), true);
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.json().value("version"_L1).toInt(), 2);
    QCOMPARE(describe(dry.json().value("changes"_L1).toArray()), kVersion2Changes);
    QCOMPARE(m_f->client(u"office"_s).get(u"/api/v1/forms"_s).jsonArray().size(), 1);
    QCOMPARE(m_f->client(u"office"_s).get(u"/api/v1/forms/current"_s).json().value("version"_L1),
             QJsonValue(1));
    QCOMPARE(m_f->client(u"office"_s).get(u"/api/v1/forms/2"_s).status, 404);
    QCOMPARE(publishAudits(), 0);
}

void Tst_server_forms::publishStoresAndAudits()
{
    m_f->clock().advance(60'000);
    const HttpResult published = publish(bytes(version2()));
    QCOMPARE(published.status, 201);
    QCOMPARE(published.json().value("version"_L1).toInt(), 2);
    QCOMPARE(describe(published.json().value("changes"_L1).toArray()), kVersion2Changes);

    const QJsonArray versions = m_f->client(u"insp"_s).get(u"/api/v1/forms"_s).jsonArray();
    QCOMPARE(versions.size(), 2);
    const QJsonObject second = versions.at(1).toObject();
    QCOMPARE(second.value("version"_L1).toInt(), 2);
    QCOMPARE(second.value("published_by"_L1).toString(), u"office"_s);
    QCOMPARE(describe(second.value("changes"_L1).toArray()), kVersion2Changes);
    QCOMPARE(QDateTime::fromString(second.value("published_at"_L1).toString(), Qt::ISODateWithMs)
                 .toMSecsSinceEpoch(),
             m_f->clock().now());

    const QJsonObject current = m_f->client(u"insp"_s).get(u"/api/v1/forms/current"_s).json();
    QCOMPARE(current, version2());
    QCOMPARE(m_f->client(u"insp"_s).get(u"/api/v1/forms/2"_s).json(), version2());
    // Version 1 stays as it was.
    QCOMPARE(m_f->client(u"insp"_s).get(u"/api/v1/forms/1"_s).json(), gx::test::testForm().json());

    auto entries = gx::server::AuditLog::recent(m_f->db(), 10, u"form_published"_s);
    QVERIFY(entries);
    QCOMPARE(entries.value().size(), 1);
    const gx::server::AuditEntry &entry = entries.value().at(0);
    QCOMPARE(entry.actor, u"office"_s);
    QCOMPARE(entry.at, m_f->clock().now());
    QCOMPARE(entry.detail.value("version"_L1).toInt(), 2);
    QCOMPARE(describe(entry.detail.value("changes"_L1).toArray()), kVersion2Changes);

    // The same version again is a conflict now.
    const HttpResult again = publish(bytes(version2()));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"version_conflict"_s);
}

void Tst_server_forms::refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    auto edited = [](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject doc = version2();
        edit(doc);
        return bytes(doc);
    };
    QTest::newRow("not JSON") << QByteArray("{\"form\":") << 422 << u"invalid_form"_s << QString();
    QTest::newRow("an unknown type") << edited([](QJsonObject &doc) {
        editField(doc, u"survey"_s, kProvider,
                  [](QJsonObject &f) { f.insert("type"_L1, u"colour"_s); });
    }) << 422 << u"invalid_form"_s << u"survey.digital_service_provider"_s;
    QTest::newRow("a field removed") << edited([](QJsonObject &doc) {
        editField(doc, u"enterprise"_s, u"employees"_s, [](QJsonObject &f) { f = {}; });
    }) << 422 << u"incompatible_form"_s
                                     << u"enterprise.employees"_s;
    QTest::newRow("a type changed") << edited([](QJsonObject &doc) {
        editField(doc, u"survey"_s, u"robots_total"_s,
                  [](QJsonObject &f) { f.insert("type"_L1, u"decimal"_s); });
    }) << 422 << u"incompatible_form"_s
                                    << u"survey.robots_total"_s;
    QTest::newRow("an option removed") << edited([](QJsonObject &doc) {
        editField(doc, u"enterprise"_s, u"cluster"_s, [](QJsonObject &f) {
            QJsonArray options = f.value("options"_L1).toArray();
            options.removeLast();
            f.insert("options"_L1, options);
        });
    }) << 422 << u"incompatible_form"_s << u"enterprise.cluster"_s;
    QTest::newRow("version 3 after 1")
        << edited([](QJsonObject &doc) { doc.insert("version"_L1, 3); }) << 409
        << u"version_conflict"_s << u"version"_s;
    QTest::newRow("version 1 again")
        << edited([](QJsonObject &doc) { doc.insert("version"_L1, 1); }) << 409
        << u"version_conflict"_s << u"version"_s;
    QTest::newRow("too large") << QByteArray(2 << 20, ' ') << 413 << QString() << QString();
}

void Tst_server_forms::refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    for (const bool dryRun : {true, false}) {
        const HttpResult result = publish(body, dryRun);
        QCOMPARE(result.status, status);
        if (code.isEmpty())
            continue;
        QCOMPARE(result.errorCode(), code);
        const QJsonValue named = result.json().value("error"_L1).toObject().value("field"_L1);
        QCOMPARE(named.toString(), field);
        QVERIFY(!result.errorMessage().isEmpty());
        if (!field.isEmpty() && code != "version_conflict"_L1)
            QVERIFY2(result.errorMessage().contains(field), qPrintable(result.errorMessage()));
    }
    QCOMPARE(m_f->client(u"office"_s).get(u"/api/v1/forms"_s).jsonArray().size(), 1);
    QCOMPARE(publishAudits(), 0);
}

void Tst_server_forms::whoMayPublish_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("status");
    QTest::newRow("an inspector") << u"insp"_s << 403;
    QTest::newRow("the office") << u"office"_s << 201;
    QTest::newRow("an admin") << u"admin"_s << 201;
}

void Tst_server_forms::whoMayPublish()
{
    QFETCH(QString, user);
    QFETCH(int, status);
    QCOMPARE(gx::test::addUser(m_f->db(), u"admin"_s, gx::server::Role::Admin, gx::test::kPassword),
             QString());
    QCOMPARE(publish(bytes(version2()), false, user).status, status);
    QCOMPARE(m_f->client(u"insp"_s).get(u"/api/v1/forms"_s).jsonArray().size(),
             status == 201 ? 2 : 1);
    QCOMPARE(publishAudits(), status == 201 ? 1 : 0);
    gx::test::HttpClient anonymous(m_f->server().baseUrl());
    QCOMPARE(anonymous.get(u"/api/v1/forms"_s).status, 401);
}

void Tst_server_forms::pushAgainstItsVersion_data()
{
    QTest::addColumn<bool>("published");
    QTest::addColumn<QJsonValue>("formVersion"); // undefined: no member
    QTest::addColumn<bool>("withNewField");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QJsonValue absent(QJsonValue::Undefined);
    QTest::newRow("v1, no version member")
        << false << absent << false << u"applied"_s << QString() << QString();
    QTest::newRow("v1 named") << false << QJsonValue(1) << false << u"applied"_s << QString()
                              << QString();
    QTest::newRow("v2 before it exists") << false << QJsonValue(2) << false << u"rejected"_s
                                         << u"unknown_form_version"_s << u"form_version"_s;
    QTest::newRow("v2's field under v1")
        << false << absent << true << u"rejected"_s << u"unknown_field"_s << kProvider;
    QTest::newRow("v2 with its field")
        << true << QJsonValue(2) << true << u"applied"_s << QString() << QString();
    QTest::newRow("v2 without it")
        << true << QJsonValue(2) << false << u"applied"_s << QString() << QString();
    QTest::newRow("v1 after v2, without it")
        << true << absent << false << u"applied"_s << QString() << QString();
    QTest::newRow("v2's field under v1 after v2")
        << true << QJsonValue(1) << true << u"rejected"_s << u"unknown_field"_s << kProvider;
    QTest::newRow("v3") << true << QJsonValue(3) << false << u"rejected"_s
                        << u"unknown_form_version"_s << u"form_version"_s;
}

void Tst_server_forms::pushAgainstItsVersion()
{
    QFETCH(bool, published);
    QFETCH(QJsonValue, formVersion);
    QFETCH(bool, withNewField);
    QFETCH(QString, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    if (published)
        QCOMPARE(publish(bytes(version2())).status, 201);
    QJsonObject fields = gx::test::draftSurveyFields(m_f->enterprise());
    if (withNewField)
        fields.insert(kProvider, u"丽水某数字科技有限公司"_s);
    QJsonObject mutation =
        gx::test::upsertJson(u"survey"_s, gx::test::newUuid(), fields, 0,
                             gx::test::hlcText(TestClock::kStart, u"tablet-7"_s));
    if (!formVersion.isUndefined())
        mutation.insert(u"form_version"_s, formVersion);
    const qint64 before = m_f->lastSeq();
    const QJsonObject result = pushOne(mutation);
    QCOMPARE(result.value("status"_L1).toString(), status);
    const QJsonObject error = result.value("error"_L1).toObject();
    QCOMPARE(error.value("code"_L1).toString(), code);
    QCOMPARE(error.value("field"_L1).toString(), field);
    if (!code.isEmpty()) {
        QVERIFY(!error.value("message"_L1).toString().isEmpty());
        QCOMPARE(m_f->lastSeq(), before); // nothing written
    }
}

void Tst_server_forms::submissionJudgedByItsVersion()
{
    QCOMPARE(publish(bytes(version2())).status, 201);
    // uses_5g is required in version 2 only: a submission of version 1 without it passes.
    const QJsonObject fields = gx::test::submittedSurveyFields(m_f->enterprise());
    QJsonObject v1 = gx::test::upsertJson(u"survey"_s, gx::test::newUuid(), fields, 0,
                                          gx::test::hlcText(TestClock::kStart, u"tablet-7"_s));
    QCOMPARE(pushOne(v1).value("status"_L1).toString(), u"applied"_s);

    QJsonObject v2 = gx::test::upsertJson(u"survey"_s, gx::test::newUuid(),
                                          gx::test::submittedSurveyFields(m_f->otherEnterprise()),
                                          0, gx::test::hlcText(TestClock::kStart, u"tablet-7"_s));
    v2.insert(u"form_version"_s, 2);
    const HttpResult result = m_f->push(u"office"_s, u"tablet-7"_s, {v2});
    const QJsonObject refused = gx::test::pushResults(result).at(0).toObject();
    QCOMPARE(refused.value("status"_L1).toString(), u"rejected"_s);
    QCOMPARE(refused.value("error"_L1)["field"_L1].toString(), u"uses_5g"_s);
}

void Tst_server_forms::recordsKeepTheVersionOfTheirLastUpsert()
{
    QCOMPARE(publish(bytes(version2())).status, 201);
    const QString v1Survey = gx::test::newUuid();
    const QString v2Survey = gx::test::newUuid();
    const QString t0 = gx::test::hlcText(TestClock::kStart, u"tablet-7"_s);
    QCOMPARE(pushOne(gx::test::upsertJson(u"survey"_s, v1Survey,
                                          gx::test::draftSurveyFields(m_f->enterprise()), 0, t0))
                 .value("status"_L1)
                 .toString(),
             u"applied"_s);
    QJsonObject v2 = gx::test::upsertJson(
        u"survey"_s, v2Survey, gx::test::draftSurveyFields(m_f->enterprise(), 2025), 0, t0);
    v2.insert(u"form_version"_s, 2);
    QJsonObject v2Fields = v2.value("fields"_L1).toObject();
    v2Fields.insert(kProvider, u"丽水某数字科技有限公司"_s);
    v2.insert("fields"_L1, v2Fields);
    QCOMPARE(pushOne(v2).value("status"_L1).toString(), u"applied"_s);

    auto pulled = [&] {
        return gx::test::latestByRecord(gx::test::pullEverything(m_f->client(u"insp"_s)));
    };
    QHash<QString, QJsonObject> records = pulled();
    // Version 1 is written as before versions existed (no member); others carry it.
    QVERIFY(!records.value(u"survey/"_s + v1Survey).contains("form_version"_L1));
    QCOMPARE(records.value(u"survey/"_s + v2Survey).value("form_version"_L1).toInt(), 2);
    QCOMPARE(records.value(u"survey/"_s + v2Survey)["fields"_L1][kProvider].toString(),
             u"丽水某数字科技有限公司"_s);

    // An edit of the v2 record by a device still on version 1: the record is on version 1 now,
    // and keeps the value of version 2's field.
    const QString t1 = gx::test::hlcText(TestClock::kStart + 1, u"tablet-7"_s);
    QCOMPARE(pushOne(gx::test::upsertJson(u"survey"_s, v2Survey, {{u"notes"_s, u"复核"_s}}, 1, t1))
                 .value("status"_L1)
                 .toString(),
             u"applied"_s);
    // And the v1 record edited under version 2.
    QJsonObject up = gx::test::upsertJson(u"survey"_s, v1Survey, {{kProvider, u"某公司"_s}}, 1, t1);
    up.insert(u"form_version"_s, 2);
    QCOMPARE(pushOne(up).value("status"_L1).toString(), u"applied"_s);
    records = pulled();
    QVERIFY(!records.value(u"survey/"_s + v2Survey).contains("form_version"_L1));
    QCOMPARE(records.value(u"survey/"_s + v2Survey)["fields"_L1][kProvider].toString(),
             u"丽水某数字科技有限公司"_s);
    QCOMPARE(records.value(u"survey/"_s + v1Survey).value("form_version"_L1).toInt(), 2);

    // A delete keeps the version of the last upsert, and the tombstone carries it.
    const QString t2 = gx::test::hlcText(TestClock::kStart + 2, u"tablet-7"_s);
    QCOMPARE(
        pushOne(gx::test::deleteJson(u"survey"_s, v1Survey, 2, t2)).value("status"_L1).toString(),
        u"applied"_s);
    records = pulled();
    QVERIFY(records.value(u"survey/"_s + v1Survey).value("deleted"_L1).toBool());
    QCOMPARE(records.value(u"survey/"_s + v1Survey).value("form_version"_L1).toInt(), 2);
}

void Tst_server_forms::exportCarriesEveryVersionsFields_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << u"csv"_s;
    QTest::newRow("xlsx") << u"xlsx"_s;
}

void Tst_server_forms::exportCarriesEveryVersionsFields()
{
    QFETCH(QString, format);
    QCOMPARE(publish(bytes(version2())).status, 201);
    const QString t0 = gx::test::hlcText(TestClock::kStart, u"tablet-7"_s);
    const QString v1Survey = gx::test::newUuid();
    QCOMPARE(pushOne(gx::test::upsertJson(u"survey"_s, v1Survey,
                                          gx::test::draftSurveyFields(m_f->enterprise()), 0, t0))
                 .value("status"_L1)
                 .toString(),
             u"applied"_s);
    const QString v2Survey = gx::test::newUuid();
    QJsonObject fields = gx::test::draftSurveyFields(m_f->otherEnterprise());
    fields.insert(kProvider, u"丽水某数字科技有限公司"_s);
    QJsonObject v2 = gx::test::upsertJson(u"survey"_s, v2Survey, fields, 0, t0);
    v2.insert(u"form_version"_s, 2);
    const HttpResult pushed = m_f->push(u"office"_s, u"tablet-7"_s, {v2});
    QCOMPARE(gx::test::pushResults(pushed).at(0)["status"_L1].toString(), u"applied"_s);

    const HttpResult file =
        m_f->client(u"office"_s)
            .get(u"/api/v1/export/records?entity=survey&period=2024&format="_s + format);
    QCOMPARE(file.status, 200);
    QList<gx::server::CsvRecord> rows;
    if (format == "csv"_L1) {
        QVERIFY(file.header("Content-Type").startsWith("text/csv"));
        auto parsed = gx::server::CsvReader::parse(file.body);
        QVERIFY(parsed);
        rows = parsed.value();
    } else {
        auto parsed = gx::server::XlsxReader::firstSheet(file.body);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        rows = parsed.value();
    }
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows.at(0).cells;
    const qsizetype v1Fields = gx::test::testForm().entity(u"survey"_s)->fields.size();
    QCOMPARE(header.size(), 2 + v1Fields + 1);
    QCOMPARE(header.at(0), u"记录编号"_s);
    QCOMPARE(header.at(1), u"表单版本"_s);
    // Version 1's fields in its order, then the field version 2 added.
    QCOMPARE(header.at(2), gx::test::testForm().entity(u"survey"_s)->fields.at(0).label.zh);
    QCOMPARE(header.constLast(), u"数字化改造服务商"_s);
    QHash<QString, QStringList> byId;
    for (qsizetype i = 1; i < rows.size(); ++i)
        byId.insert(rows.at(i).cells.value(0), rows.at(i).cells);
    QCOMPARE(byId.value(v2Survey).value(1), u"2"_s);
    QCOMPARE(byId.value(v2Survey).value(header.size() - 1), u"丽水某数字科技有限公司"_s);
    QCOMPARE(byId.value(v1Survey).value(1), u"1"_s);
    QCOMPARE(byId.value(v1Survey).value(header.size() - 1), QString());
    const qsizetype level = header.indexOf(u"数字化水平等级"_s);
    QVERIFY2(level > 1, qPrintable(header.join(u',')));
    QVERIFY(!byId.value(v1Survey).value(level).isEmpty());

    auto entries = gx::server::AuditLog::recent(m_f->db(), 10, u"records_exported"_s);
    QVERIFY(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().at(0).detail.value("entity"_L1).toString(), u"survey"_s);
}

void Tst_server_forms::exportRefusals()
{
    HttpResult bad = m_f->client(u"office"_s)
                         .get(u"/api/v1/export/records?entity=conflict&period=2024&format=csv"_s);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value("error"_L1)["field"_L1].toString(), u"entity"_s);
    bad = m_f->client(u"office"_s)
              .get(u"/api/v1/export/records?entity=survey&period=2024&format=pdf"_s);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value("error"_L1)["field"_L1].toString(), u"format"_s);
    QCOMPARE(m_f->client(u"insp"_s)
                 .get(u"/api/v1/export/records?entity=survey&period=2024&format=csv"_s)
                 .status,
             403);
}

void Tst_server_forms::cliPublishAndList()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"survey.v2.json"_s);
    QVERIFY(writeFile(path, QJsonDocument(version2()).toJson()));
    const gx::test::CommandRun dry = gx::test::runServerCommand(
        {u"form"_s, u"publish"_s, path, u"--dry-run"_s, u"--db"_s, m_f->dbUrl()});
    QVERIFY2(dry.ok(), qPrintable(dry.failure()));
    QVERIFY2(dry.out.contains(u"version 2 with 3 change(s) (dry run: nothing was stored)"_s),
             qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"field_added survey.digital_service_provider"_s),
             qPrintable(dry.out));
    QCOMPARE(publishAudits(), 0);

    const gx::test::CommandRun run =
        gx::test::runServerCommand({u"form"_s, u"publish"_s, path, u"--db"_s, m_f->dbUrl()});
    QVERIFY2(run.ok(), qPrintable(run.failure()));
    QVERIFY2(run.out.contains(u"version 2 with 3 change(s), published"_s), qPrintable(run.out));
    auto entries = gx::server::AuditLog::recent(m_f->db(), 10, u"form_published"_s);
    QVERIFY(entries);
    QCOMPARE(entries.value().size(), 1);
    QVERIFY(entries.value().at(0).actor.startsWith(u"cli:"_s));

    // The running server had only version 1 in memory: it reads version 2 when a push names it.
    QJsonObject fields = gx::test::draftSurveyFields(m_f->enterprise());
    fields.insert(kProvider, u"丽水某数字科技有限公司"_s);
    QJsonObject mutation =
        gx::test::upsertJson(u"survey"_s, gx::test::newUuid(), fields, 0,
                             gx::test::hlcText(TestClock::kStart, u"tablet-7"_s));
    mutation.insert(u"form_version"_s, 2);
    QCOMPARE(pushOne(mutation).value("status"_L1).toString(), u"applied"_s);
    QCOMPARE(m_f->client(u"insp"_s).get(u"/api/v1/forms/current"_s).json().value("version"_L1),
             QJsonValue(2));

    const gx::test::CommandRun list =
        gx::test::runServerCommand({u"form"_s, u"list"_s, u"--db"_s, m_f->dbUrl()});
    QVERIFY2(list.ok(), qPrintable(list.failure()));
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // two versions, the second with its three changes
    QVERIFY2(lines.at(0).startsWith(u"version 1 published "_s), qPrintable(list.out));
    QVERIFY2(lines.at(0).contains(u"(shipped with the server), 0 change(s)"_s),
             qPrintable(list.out));
    QVERIFY2(lines.at(1).startsWith(u"version 2 published "_s), qPrintable(list.out));
    QVERIFY2(lines.at(1).contains(u" by cli:"_s), qPrintable(list.out));
}

void Tst_server_forms::cliRefusesAndStoresNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.json"_s);
    QJsonObject doc = version2();
    editField(doc, u"equipment"_s, u"rated_power_kw"_s,
              [](QJsonObject &f) { f.insert("type"_L1, u"integer"_s); });
    QVERIFY(writeFile(path, bytes(doc)));
    const gx::test::CommandRun run =
        gx::test::runServerCommand({u"form"_s, u"publish"_s, path, u"--db"_s, m_f->dbUrl()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"incompatible_form, field equipment.rated_power_kw"_s),
             qPrintable(run.err));
    const gx::test::CommandRun missing = gx::test::runServerCommand(
        {u"form"_s, u"publish"_s, dir.filePath(u"none.json"_s), u"--db"_s, m_f->dbUrl()});
    QCOMPARE(missing.exitCode, 1);
    const gx::test::CommandRun usage =
        gx::test::runServerCommand({u"form"_s, u"publish"_s, u"--db"_s, m_f->dbUrl()});
    QCOMPARE(usage.exitCode, 2);
    QCOMPARE(m_f->client(u"office"_s).get(u"/api/v1/forms"_s).jsonArray().size(), 1);
    QCOMPARE(publishAudits(), 0);
}

QTEST_GUILESS_MAIN(Tst_server_forms)
#include "tst_server_forms.moc"
