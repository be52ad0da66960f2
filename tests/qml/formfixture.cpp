#include "formfixture.h"

#include "app/camerasupport.h"
#include "app/nameplatepicture.h"
#include "app/session.h"
#include "app/stillimagesource.h"
#include "core/formchanges.h"
#include "formversion.h"
#include "store/devicestore.h"

#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
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

namespace {
QPointer<StillImageSource> g_sampleCamera; // the last one CameraSupport made
QString g_nextFailure;
} // namespace

void FormFixture::useSampleCamera(bool on)
{
    g_nextFailure.clear();
    if (!on) {
        CameraSupport::setSourceFactory({});
        return;
    }
    CameraSupport::setSourceFactory([](QObject *parent) {
        auto *source =
            new StillImageSource({NameplatePicture::draw(QSize(2400, 1800)), {}}, parent);
        source->setFailure(g_nextFailure);
        g_sampleCamera = source;
        return source;
    });
}

void FormFixture::failNextCapture(const QString &reason)
{
    g_nextFailure = reason;
    if (g_sampleCamera)
        g_sampleCamera->setFailure(reason);
}

QSize FormFixture::photoSize(const QString &sha256)
{
    Session *session = Session::current();
    if (!session || !session->store())
        return {};
    QImageReader reader(session->store()->attachments().filePath(sha256));
    return reader.format() == "jpeg" ? reader.size() : QSize();
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

namespace {

Change catalogueChange(const QString &entity, const QString &id, qint64 rev, QJsonObject fields)
{
    Change c;
    c.entity = entity;
    c.id = id;
    c.rev = rev;
    c.fields = std::move(fields);
    c.formVersion = 2;
    return c;
}

QJsonObject product(const QString &name, const QString &maker, const QString &county,
                    const QString &model, const QString &category, const QString &efficiency,
                    bool firstOfKind)
{
    QJsonObject f{{u"name"_s, name},         {u"maker"_s, maker},
                  {u"county"_s, county},     {u"model"_s, model},
                  {u"category"_s, category}, {u"first_of_kind"_s, firstOfKind}};
    if (!efficiency.isEmpty())
        f.insert(u"efficiency_level"_s, efficiency);
    return f;
}

QJsonObject provider(const QString &name, const QString &county, const QStringList &categories,
                     const QStringList &services, bool excellent, const QString &contact,
                     const QString &phone)
{
    return QJsonObject{{u"name"_s, name},
                       {u"county"_s, county},
                       {u"categories"_s, QJsonArray::fromStringList(categories)},
                       {u"services"_s, QJsonArray::fromStringList(services)},
                       {u"excellent"_s, excellent},
                       {u"contact_name"_s, contact},
                       {u"contact_phone"_s, phone}};
}

} // namespace

int FormFixture::pullCatalogue(bool withVersion)
{
    Session *session = Session::current();
    if (!session->store())
        return -1;
    static int serial = 0;
    PullPage page;
    page.cursor = u"form-fixture-catalogue-"_s + QString::number(++serial);
    const qint64 rev = 5000 + 100 * serial;
    page.changes
        << catalogueChange(u"product"_s, u"prod-motor-ld"_s, rev + 1,
                           product(u"YE4 超高效三相异步电动机"_s, u"丽水市力源电机有限公司"_s,
                                   u"331102"_s, u"YE4-160M-4"_s, u"motor"_s, u"advanced"_s, true))
        << catalogueChange(u"product"_s, u"prod-motor-qt"_s, rev + 2,
                           product(u"永磁同步电动机"_s, u"青田县恒力电机有限公司"_s, u"331121"_s,
                                   u"TYCX-132"_s, u"motor"_s, u"energy_saving"_s, false))
        << catalogueChange(u"product"_s, u"prod-pump-ld"_s, rev + 3,
                           product(u"节能离心泵"_s, u"丽水市莲都泵业有限公司"_s, u"331102"_s,
                                   u"IS80-65"_s, u"pump"_s, u"energy_saving"_s, false))
        << catalogueChange(u"provider"_s, u"prov-energy-ld"_s, rev + 4,
                           provider(u"莲都绿能节能科技有限公司"_s, u"331102"_s,
                                    {u"motor"_s, u"pump"_s, u"fan"_s},
                                    {u"energy_saving"_s, u"consulting"_s}, true, u"陈丽"_s,
                                    u"0578-2123456"_s))
        << catalogueChange(u"provider"_s, u"prov-motor-qt"_s, rev + 5,
                           provider(u"青田机电设备服务有限公司"_s, u"331121"_s, {u"motor"_s},
                                    {u"installation"_s, u"maintenance"_s}, false, u"刘强"_s,
                                    u"0578-6801234"_s));
    auto applied = session->store()->pull().applyPullPage(page);
    if (!applied) {
        qWarning("pullCatalogue: %s", qPrintable(applied.error().toString()));
        return -1;
    }
    if (withVersion && !session->form().entity(u"product"_s)) {
        StoredFormVersion next;
        next.definition = test::withCatalogue(session->form().json());
        next.version = session->formVersion() + 1;
        next.publishedAt = u"2025-03-01T08:00:00Z"_s;
        next.publishedBy = u"system"_s;
        if (auto added = session->store()->forms().add(next); !added) {
            qWarning("pullCatalogue: %s", qPrintable(added.error().toString()));
            return -1;
        }
        if (auto done = session->useNewestForm(); !done)
            qWarning("pullCatalogue: %s", qPrintable(done.error()));
    }
    session->notifyDataChanged();
    return int(page.changes.size());
}

bool FormFixture::pullCatalogueDeletion(const QString &entity, const QString &id)
{
    Session *session = Session::current();
    if (!session->store())
        return false;
    static int serial = 0;
    PullPage page;
    page.cursor = u"form-fixture-tombstone-"_s + QString::number(++serial);
    Change c = catalogueChange(entity, id, 9000 + serial, {});
    c.deleted = true;
    page.changes << c;
    if (auto applied = session->store()->pull().applyPullPage(page); !applied) {
        qWarning("pullCatalogueDeletion: %s", qPrintable(applied.error().toString()));
        return false;
    }
    session->notifyDataChanged();
    return true;
}

QString FormFixture::tryEdit(const QString &entity, const QString &id, const QString &field,
                             const QVariant &value)
{
    DeviceStore *store = Session::current()->store();
    if (!store)
        return u"no_store"_s;
    auto edited = store->setField(entity, id, field, QJsonValue::fromVariant(value));
    return edited ? QString() : edited.error().codeName();
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
