#include "formfixture.h"

#include "app/session.h"
#include "core/formchanges.h"
#include "formversion.h"
#include "store/devicestore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx {

FormFixture::FormFixture(QObject *parent)
    : QObject(parent)
{}

int FormFixture::rowCount(const QString &surveyId, const QString &entity)
{
    DeviceStore *store = Session::current()->store();
    auto view = store ? store->queries().survey(surveyId)
                      : Result<std::optional<SurveyView>, StoreError>(std::nullopt);
    if (!view || !view.value())
        return -1;
    return int(entity == u"key_process"_s ? view.value()->keyProcesses.size()
                                          : view.value()->equipment.size());
}

bool FormFixture::addReview(const QString &entity, const QString &recordId, const QString &field,
                            const QString &comment)
{
    Session *session = Session::current();
    if (!session->store())
        return false;
    static int serial = 0;
    PullPage page;
    page.cursor = u"form-fixture-"_s + QString::number(++serial);
    page.changes << Change{
        u"review"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), 1000 + serial, false,
        QJsonObject{
            {u"entity"_s, entity},
            {u"record_id"_s, recordId},
            {u"state"_s, u"has_issues"_s},
            {u"comment"_s, comment},
            {u"field"_s, field},
            {u"reviewed_at"_s, u"2024-11-28T10:00:%1Z"_s.arg(serial % 60, 2, 10, QChar(u'0'))},
            {u"reviewer"_s, u"office"_s}}};
    auto applied = session->store()->pull().applyPullPage(page);
    if (!applied) {
        qWarning("addReview: %s", qPrintable(applied.error().toString()));
        return false;
    }
    session->notifyDataChanged();
    return true;
}

bool FormFixture::addConflict(const QString &entity, const QString &recordId, const QString &field,
                              const QVariant &kept, const QVariant &lost, const QString &lostBy)
{
    Session *session = Session::current();
    if (!session->store())
        return false;
    static int serial = 0;
    PullPage page;
    page.cursor = u"form-fixture-conflict-"_s + QString::number(++serial);
    page.changes << Change{u"conflict"_s, QUuid::createUuid().toString(QUuid::WithoutBraces),
                           2000 + serial, false,
                           QJsonObject{{u"entity"_s, entity},
                                       {u"record_id"_s, recordId},
                                       {u"field"_s, field},
                                       {u"kept_value"_s, QJsonValue::fromVariant(kept)},
                                       {u"lost_value"_s, QJsonValue::fromVariant(lost)},
                                       {u"kept_hlc"_s, u"1732795200000:0:tablet-2"_s},
                                       {u"lost_hlc"_s, u"1732795100000:0:tablet-9"_s},
                                       {u"lost_device"_s, u"tablet-9"_s},
                                       {u"lost_by"_s, lostBy},
                                       {u"reason"_s, u"hlc"_s}}};
    auto applied = session->store()->pull().applyPullPage(page);
    if (!applied) {
        qWarning("addConflict: %s", qPrintable(applied.error().toString()));
        return false;
    }
    session->notifyDataChanged();
    return true;
}

int FormFixture::addEquipmentRows(const QString &surveyId, int n)
{
    Session *session = Session::current();
    if (!session->store())
        return 0;
    QList<QJsonObject> rows;
    for (int i = 0; i < n; ++i)
        rows << QJsonObject{{u"survey"_s, surveyId},
                            {u"name"_s, u"数控车床 %1"_s.arg(i + 1)},
                            {u"category"_s, i % 2 ? u"machine_tool"_s : u"motor"_s},
                            {u"quantity"_s, 1 + i % 5},
                            {u"status"_s, u"in_service"_s}};
    auto made = session->store()->createRecords(u"equipment"_s, rows);
    if (!made)
        return 0;
    session->notifyDataChanged();
    return int(made.value().size());
}

QString FormFixture::screenshotDir()
{
    return qEnvironmentVariable("GX_SCREENSHOT_DIR");
}

int FormFixture::storeNextFormVersion()
{
    Session *session = Session::current();
    if (!session->store())
        return 0;
    StoredFormVersion next;
    next.definition = test::withNewSurveyField(session->form().json());
    next.version = session->formVersion() + 1;
    next.publishedAt = u"2025-03-01T08:00:00Z"_s;
    next.publishedBy = u"office"_s;
    auto loaded = FormDefinition::fromJson(QJsonDocument(next.definition).toJson(), u"next"_s);
    if (!loaded) {
        qWarning("storeNextFormVersion: %s", qPrintable(loaded.error().toString()));
        return 0;
    }
    if (auto changes = compareForms(session->form(), loaded.value()))
        next.changes = formChangesToJson(changes.value());
    if (auto added = session->store()->forms().add(next); !added) {
        qWarning("storeNextFormVersion: %s", qPrintable(added.error().toString()));
        return 0;
    }
    if (auto done = session->useNewestForm(); !done)
        qWarning("storeNextFormVersion: %s", qPrintable(done.error()));
    session->notifyDataChanged();
    return session->formVersion();
}

int FormFixture::recordFormVersion(const QString &entity, const QString &id)
{
    DeviceStore *store = Session::current()->store();
    auto record = store ? store->record(entity, id)
                        : Result<std::optional<StoredRecord>, StoreError>(std::nullopt);
    return record && record.value() ? record.value()->formVersion : 0;
}

int FormFixture::mutationFormVersion(const QString &entity, const QString &id)
{
    DeviceStore *store = Session::current()->store();
    if (!store)
        return 0;
    auto entries = store->outbox().entries();
    int version = 0;
    if (entries) {
        for (const OutboxEntry &entry : entries.value()) {
            if (entry.mutation.entity == entity && entry.mutation.id == id)
                version = entry.mutation.formVersion;
        }
    }
    return version;
}

} // namespace gx
