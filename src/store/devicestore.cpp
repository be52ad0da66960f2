#include "store/devicestore.h"

#include "store/logging.h"
#include "store/migrations.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

Result<QString, StoreError> metaValue(StoreDatabase &db, const QString &key)
{
    QSqlQuery &q = db.statement(u"SELECT value FROM meta WHERE key = ?"_s);
    q.bindValue(0, key);
    if (auto done = db.exec(q); !done)
        return done.error();
    const QString value = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}

Status<StoreError> setMetaValue(StoreDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery &q = db.statement(u"INSERT INTO meta (key, value) VALUES (?, ?)"
                                u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bindValue(0, key);
    q.bindValue(1, value);
    return db.exec(q);
}

} // namespace

DeviceStore::DeviceStore(std::unique_ptr<StoreDatabase> db, QString deviceId,
                         std::function<qint64()> wallClockMillis)
    : m_db(std::move(db))
    , m_deviceId(std::move(deviceId))
    , m_wallClockMillis(std::move(wallClockMillis))
    , m_clock(m_deviceId, m_wallClockMillis)
    , m_editor(*m_db, m_clock, m_wallClockMillis)
    , m_outbox(*m_db, m_wallClockMillis)
    , m_inbox(*m_db)
    , m_pull(*m_db, m_inbox, m_wallClockMillis)
    , m_folder(*m_db, m_editor)
    , m_attachments(*m_db, m_db->path() + u".blobs"_s, m_wallClockMillis)
    , m_queries(*m_db)
    , m_forms(*m_db, m_editor, m_wallClockMillis)
{}

DeviceStore::~DeviceStore() = default;

Result<std::unique_ptr<DeviceStore>, StoreError>
DeviceStore::open(const QString &path, const QString &deviceId,
                  std::function<qint64()> wallClockMillis)
{
    if (!Hlc::isValidDeviceId(deviceId)) {
        return StoreError{StoreError::Code::InvalidArgument,
                          u"'%1' is not a device id ([A-Za-z0-9._-], 1..64)"_s.arg(deviceId)};
    }
    if (!wallClockMillis)
        return StoreError{StoreError::Code::InvalidArgument, u"no wall clock given"_s};
    auto db = StoreDatabase::open(path);
    if (!db)
        return db.error();
    std::unique_ptr<DeviceStore> store(
        new DeviceStore(std::move(db).value(), deviceId, std::move(wallClockMillis)));
    if (auto done = store->start(); !done)
        return done.error();
    return store;
}

Status<StoreError> DeviceStore::start()
{
    const auto version = Migrations::apply(*m_db, m_wallClockMillis());
    if (!version)
        return version.error();
    m_schemaVersion = version.value();

    Transaction tx(*m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    const auto owner = metaValue(*m_db, u"device_id"_s);
    if (!owner)
        return owner.error();
    if (owner.value().isEmpty()) {
        if (auto done = setMetaValue(*m_db, u"device_id"_s, m_deviceId); !done)
            return done.error();
    } else if (owner.value() != m_deviceId) {
        return StoreError{StoreError::Code::DeviceMismatch,
                          u"the device store %1 belongs to device '%2', not '%3'"_s.arg(
                              m_db->path(), owner.value(), m_deviceId)};
    }
    const auto hlc = detail::storedClock(*m_db);
    if (!hlc)
        return hlc.error();
    m_clock.restore(hlc.value());
    const auto form = metaValue(*m_db, u"form_version"_s);
    if (!form)
        return form.error();
    m_editor.setFormVersion(std::max(1, form.value().toInt()));
    // The entities the kept versions define (the newest holds them all: versions only add), so
    // that the catalogue's city-wide records are read-only from the first edit on.
    const auto newest = m_forms.newest();
    if (!newest)
        return newest.error();
    if (newest.value() > 0) {
        const auto definition = m_forms.definition(newest.value());
        if (!definition)
            return definition.error();
        if (definition.value())
            m_editor.learnDefinition(*definition.value());
    }
    // A batch in flight when the process died: its answer never arrived. Back to pending, same
    // mutation ids, so the server recognises those it applied.
    const auto released = m_outbox.releaseInFlight();
    if (!released)
        return released.error();
    if (released.value() > 0)
        qCInfo(lcStore) << released.value() << "mutations in flight at the last exit are pending";
    return tx.commit();
}

const QString &DeviceStore::path() const
{
    return m_db->path();
}

QString DeviceStore::pragma(const QString &name)
{
    return m_db->pragma(name);
}

void DeviceStore::setCityWideEditable(bool editable)
{
    m_editor.setCityWideEditable(editable);
}

bool DeviceStore::isReadOnly(const QString &entity) const
{
    return m_editor.isCityWide(entity) && !m_editor.isCityWideEditable();
}

Status<StoreError> DeviceStore::setFormVersion(int version)
{
    if (version < 1) {
        return StoreError{StoreError::Code::InvalidArgument,
                          u"a survey definition version is at least 1, not %1"_s.arg(version)};
    }
    if (auto done = setMetaValue(*m_db, u"form_version"_s, QString::number(version)); !done)
        return done.error();
    m_editor.setFormVersion(version);
    return Done{};
}

template <typename Fn>
auto DeviceStore::inTransaction(Fn &&fn) -> decltype(fn())
{
    Transaction tx(*m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    auto result = fn();
    if (!result)
        return result;
    if (auto done = tx.commit(); !done)
        return done.error();
    return result;
}

Result<std::optional<StoredRecord>, StoreError> DeviceStore::record(const QString &entity,
                                                                    const QString &id)
{
    return detail::RecordRows(*m_db).read(entity, id);
}

Result<EditReceipt, StoreError>
DeviceStore::createRecord(const QString &entity, const QJsonObject &fields, const QString &id)
{
    return inTransaction(
        [&] { return m_editor.create(entity, id.isEmpty() ? detail::newUuid() : id, fields); });
}

Result<EditReceipt, StoreError> DeviceStore::setField(const QString &entity, const QString &id,
                                                      const QString &field, const QJsonValue &value)
{
    return setFields(entity, id, QJsonObject{{field, value}});
}

Result<EditReceipt, StoreError> DeviceStore::setFields(const QString &entity, const QString &id,
                                                       const QJsonObject &changes)
{
    return inTransaction([&] { return m_editor.change(entity, id, changes); });
}

Result<EditReceipt, StoreError> DeviceStore::deleteRecord(const QString &entity, const QString &id)
{
    return inTransaction([&] { return m_editor.remove(entity, id); });
}

Result<EditReceipt, StoreError>
DeviceStore::duplicateRecord(const QString &entity, const QString &id, const QStringList &omit)
{
    return inTransaction([&]() -> Result<EditReceipt, StoreError> {
        const auto original = detail::RecordRows(*m_db).read(entity, id);
        if (!original)
            return original.error();
        if (!original.value() || original.value()->deleted)
            return StoreError{StoreError::Code::NotFound, u"no %1 %2"_s.arg(entity, id)};
        QJsonObject fields = original.value()->fields;
        for (const QString &name : omit)
            fields.remove(name);
        return m_editor.create(entity, detail::newUuid(), fields);
    });
}

Result<QList<EditReceipt>, StoreError>
DeviceStore::createRecords(const QString &entity, const QList<QJsonObject> &fieldsOfEach)
{
    return inTransaction([&]() -> Result<QList<EditReceipt>, StoreError> {
        QList<EditReceipt> receipts;
        receipts.reserve(fieldsOfEach.size());
        for (const QJsonObject &fields : fieldsOfEach) {
            auto receipt = m_editor.create(entity, detail::newUuid(), fields);
            if (!receipt)
                return receipt.error();
            receipts.append(std::move(receipt).value());
        }
        return receipts;
    });
}

Result<QList<EditReceipt>, StoreError> DeviceStore::applyEdits(const QList<FieldEdit> &edits)
{
    return inTransaction([&]() -> Result<QList<EditReceipt>, StoreError> {
        QList<EditReceipt> receipts;
        receipts.reserve(edits.size());
        for (const FieldEdit &edit : edits) {
            auto receipt = m_editor.change(edit.entity, edit.id, {{edit.field, edit.value}});
            if (!receipt)
                return receipt.error();
            receipts.append(std::move(receipt).value());
        }
        return receipts;
    });
}

Result<QList<EditReceipt>, StoreError> DeviceStore::deleteRecords(const QString &entity,
                                                                  const QStringList &ids)
{
    return inTransaction([&]() -> Result<QList<EditReceipt>, StoreError> {
        QList<EditReceipt> receipts;
        for (const QString &id : ids) {
            auto receipt = m_editor.remove(entity, id);
            if (!receipt)
                return receipt.error();
            receipts.append(std::move(receipt).value());
        }
        return receipts;
    });
}

Result<FoldOutcome, StoreError> DeviceStore::foldSurvey(const QString &localSurveyId,
                                                        const QString &existingSurveyId)
{
    return m_folder.foldSurvey(localSurveyId, existingSurveyId);
}

} // namespace gx
