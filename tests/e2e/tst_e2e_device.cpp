// One device's harder cases against the real server: two devices that began the same
// enterprise's survey offline (duplicate_survey, folded), a token revoked on the server (401:
// needs_login, the outbox kept), and a photo upload that resumes from what the server holds.

#include "e2eworld.h"

#include "syncclient/tokenfile.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;
using gx::e2e::TestDevice;

class Tst_e2e_device : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void duplicateSurveyFolds();
    void revokedTokenNeedsLogin();
    void rejectionStaysVisible();
    void photoUploadResumes();

private:
    E2eWorld m_world;
};

void Tst_e2e_device::initTestCase()
{
    GX_EMPTY(m_world.setUp());
}

void Tst_e2e_device::duplicateSurveyFolds()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-a"_s, &why);
    QVERIFY2(a, qPrintable(why));
    auto b = m_world.device(u"insp.b"_s, u"tab-b"_s, &why);
    QVERIFY2(b, qPrintable(why));
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());

    // Both begin a survey of enterprise 3 offline, each with an equipment row.
    const QString e3 = E2eWorld::enterprise(3);
    const QString surveyA = gx::test::newUuid();
    const QString surveyB = gx::test::newUuid();
    const QString rowA = gx::test::newUuid();
    const QString rowB = gx::test::newUuid();
    QJsonObject fieldsA = gx::test::draftSurveyFields(e3);
    fieldsA.insert(u"notes"_s, u"A 记录"_s);
    QVERIFY(a->store().createRecord(u"survey"_s, fieldsA, surveyA).ok());
    QVERIFY(
        a->store()
            .createRecord(u"equipment"_s, gx::test::equipmentFields(surveyA, u"A 数控车床"_s), rowA)
            .ok());
    QJsonObject fieldsB = gx::test::draftSurveyFields(e3);
    fieldsB.insert(u"renovation_status"_s, u"completed"_s);
    fieldsB.insert(u"robots_total"_s, 7);
    QVERIFY(b->store().createRecord(u"survey"_s, fieldsB, surveyB).ok());
    QVERIFY(b->store()
                .createRecord(u"equipment"_s, gx::test::equipmentFields(surveyB, u"B 冲床"_s), rowB)
                .ok());

    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync()); // refused as duplicate_survey, folded, pushed again
    QCOMPARE(b->client().lastReport().folded, 1);
    GX_EMPTY(a->sync());

    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(!view.contains(u"survey/"_s + surveyB));
    int surveysOfE3 = 0;
    for (const QJsonObject &change : view) {
        if (change.value("entity"_L1).toString() == "survey"_L1 &&
            change.value("fields"_L1).toObject().value("enterprise"_L1).toString() == e3 &&
            !change.value("deleted"_L1).toBool())
            ++surveysOfE3;
    }
    QCOMPARE(surveysOfE3, 1);
    const QJsonObject survey = view.value(u"survey/"_s + surveyA).value("fields"_L1).toObject();
    QCOMPARE(survey.value("notes"_L1).toString(), u"A 记录"_s);                // A's, untouched
    QCOMPARE(survey.value("renovation_status"_L1).toString(), u"completed"_s); // B's, folded in
    QCOMPARE(survey.value("robots_total"_L1).toInt(), 7);                      // B's
    // Both rows under A's survey: nothing either inspector typed is lost.
    const QJsonObject serverRowA = view.value(u"equipment/"_s + rowA).value("fields"_L1).toObject();
    const QJsonObject serverRowB = view.value(u"equipment/"_s + rowB).value("fields"_L1).toObject();
    QCOMPARE(serverRowA.value("survey"_L1).toString(), surveyA);
    QCOMPARE(serverRowB.value("survey"_L1).toString(), surveyA);
    QCOMPARE(serverRowB.value("name"_L1).toString(), u"B 冲床"_s);

    // B's own survey is gone from B, nothing waits or stays refused, and both hold the same.
    const auto local = b->store().record(u"survey"_s, surveyB);
    QVERIFY(local.ok());
    QVERIFY(!local.value().has_value());
    const auto entries = b->store().outbox().entries();
    QVERIFY(entries.ok());
    QVERIFY(entries.value().isEmpty());
    for (TestDevice *device : {a.get(), b.get()}) {
        QCOMPARE(device->fields(u"survey"_s, surveyA), survey);
        QCOMPARE(device->fields(u"equipment"_s, rowB), serverRowB);
        QCOMPARE(device->fields(u"equipment"_s, rowA), serverRowA);
    }
}

void Tst_e2e_device::revokedTokenNeedsLogin()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-t"_s, &why);
    QVERIFY2(a, qPrintable(why));
    GX_EMPTY(a->sync());
    const QString tokenPath = a->client().tokenFilePath();
    const auto saved = gx::TokenFile(tokenPath).read();
    QVERIFY(saved.has_value());

    // The token is revoked on the server (as by a logout elsewhere, or its expiry).
    gx::test::HttpClient other(m_world.baseUrl());
    other.setToken(saved->token);
    const gx::test::HttpResult loggedOut = other.postJson(u"/api/v1/logout"_s, {});
    QVERIFY2(loggedOut.status == 204, loggedOut.describe().constData());

    const QString e4 = E2eWorld::enterprise(4);
    QVERIFY(a->store().setField(u"enterprise"_s, e4, u"contact_name"_s, u"李四"_s).ok());
    const QString failed = a->sync();
    QVERIFY2(failed.startsWith(u"needs_login"_s), qPrintable(failed));
    QCOMPARE(a->client().stateName(), u"needs_login"_s);
    QVERIFY(!a->client().isLoggedIn());
    QVERIFY(!QFile::exists(tokenPath));
    // The outbox is untouched: the edit waits, pending, not in flight.
    auto entries = a->store().outbox().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, gx::OutboxStatus::Pending);
    QCOMPARE(a->fields(u"enterprise"_s, e4).value("contact_name"_L1).toString(), u"李四"_s);

    GX_EMPTY(a->login(u"insp.a"_s, gx::test::kPassword));
    QCOMPARE(a->client().stateName(), u"idle"_s);
    GX_EMPTY(a->sync());
    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QCOMPARE(view.value(u"enterprise/"_s + e4)
                 .value("fields"_L1)
                 .toObject()
                 .value("contact_name"_L1)
                 .toString(),
             u"李四"_s);
    entries = a->store().outbox().entries();
    QVERIFY(entries.ok() && entries.value().isEmpty());
}

void Tst_e2e_device::rejectionStaysVisible()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-r"_s, &why);
    QVERIFY2(a, qPrintable(why));
    GX_EMPTY(a->sync());
    // A survey of an enterprise of another county: outside the inspector's scope.
    const QString outside = gx::test::newUuid();
    QVERIFY(a->store()
                .createRecord(u"survey"_s,
                              gx::test::draftSurveyFields(E2eWorld::otherEnterprise(2)), outside)
                .ok());
    // And one the server accepts, in the same push.
    const QString inside = gx::test::newUuid();
    QVERIFY(
        a->store()
            .createRecord(u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(7)), inside)
            .ok());
    GX_EMPTY(a->sync()); // a refusal is not a failed sync
    QCOMPARE(a->client().lastReport().rejected, 1);
    QCOMPARE(a->client().lastReport().pushed, 1);

    const auto record = a->store().record(u"survey"_s, outside);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->state, gx::LocalState::Rejected);
    QVERIFY(record.value()->rejection.has_value());
    QCOMPARE(record.value()->rejection->code, u"forbidden"_s);
    QVERIFY(!record.value()->rejection->message.isEmpty());
    auto entries = a->store().outbox().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, gx::OutboxStatus::Rejected);

    // Not sent again: the next sync pushes nothing and the server saw one push of it.
    GX_EMPTY(a->sync());
    QCOMPARE(a->client().lastReport().pushed, 0);
    QCOMPARE(a->client().lastReport().rejected, 0);
    entries = a->store().outbox().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY(!view.contains(u"survey/"_s + outside));
    QVERIFY(view.contains(u"survey/"_s + inside));
}

void Tst_e2e_device::photoUploadResumes()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-p"_s, &why);
    QVERIFY2(a, qPrintable(why));
    const QString survey = gx::test::newUuid();
    const QString row = gx::test::newUuid();
    QVERIFY(
        a->store()
            .createRecord(u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(5)), survey)
            .ok());
    QVERIFY(a->store()
                .createRecord(u"equipment"_s, gx::test::equipmentFields(survey, u"空压机"_s), row)
                .ok());

    // 300 KiB of photo; the device sends 64 KiB chunks.
    constexpr qint64 kSize = 300 * 1024;
    QByteArray bytes(kSize, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (qint64 i = 0; i < kSize; ++i)
        bytes[i] = char(rng.bounded(256));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const auto added = a->store().attachments().add(bytes);
    QVERIFY(added.ok());
    QCOMPARE(added.value(), sha);
    QVERIFY(a->store().setField(u"equipment"_s, row, u"photo"_s, sha).ok());

    // An earlier, interrupted upload by this user left the first 128 KiB on the server (a
    // partial upload is its uploader's: another user's would not count).
    gx::test::HttpClient same(m_world.baseUrl());
    QVERIFY(!same.login(u"insp.a"_s, gx::test::kPassword).isEmpty());
    const gx::test::HttpResult first =
        same.send("PUT", u"/api/v1/blobs/"_s + sha, bytes.left(128 * 1024),
                  {{"Content-Range", "bytes 0-131071/" + QByteArray::number(kSize)},
                   {"Content-Type", "application/octet-stream"}});
    QVERIFY2(first.status == 202, first.describe().constData());

    GX_EMPTY(a->sync());
    QCOMPARE(a->client().lastReport().uploaded, 1);
    const auto attachment = a->store().attachments().attachment(sha);
    QVERIFY(attachment.ok() && attachment.value());
    QVERIFY(attachment.value()->uploaded);

    // The device asked where the upload stood and sent only the rest: 172 KiB in three
    // chunks (64 + 64 + 44), after our one.
    static const QRegularExpression put(u"PUT /api/v1/blobs/%1 (\\d+)"_s.arg(sha));
    QStringList statuses;
    for (auto it = put.globalMatch(m_world.server().log()); it.hasNext();)
        statuses.append(it.next().captured(1));
    QCOMPARE(statuses, (QStringList{u"202"_s, u"202"_s, u"202"_s, u"201"_s}));
    QVERIFY(m_world.server().log().contains(u"GET /api/v1/blobs/%1/status 200"_s.arg(sha)));

    const gx::test::HttpResult back = m_world.office().get(u"/api/v1/blobs/"_s + sha);
    QCOMPARE(back.status, 200);
    QVERIFY(back.body == bytes);
    QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QCOMPARE(view.value(u"equipment/"_s + row)
                 .value("fields"_L1)
                 .toObject()
                 .value("photo"_L1)
                 .toString(),
             sha);

    // A second sync has nothing to upload.
    GX_EMPTY(a->sync());
    QCOMPARE(a->client().lastReport().uploaded, 0);
}

QTEST_GUILESS_MAIN(Tst_e2e_device)
#include "tst_e2e_device.moc"
