#include "store/localeditor.h"

#include "core/formdefinition.h"
#include "store/storedatabase.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

LocalEditor::LocalEditor(StoreDatabase &db, HlcClock &clock,
                         std::function<qint64()> wallClockMillis)
    : m_db(db)
    , m_clock(clock)
    , m_wallClockMillis(std::move(wallClockMillis))
    , m_records(db)
    , m_outbox(db)
{}

void LocalEditor::learnDefinition(const FormDefinition &definition)
{
    for (const EntityDefinition &entity : definition.entities()) {
        m_knownEntities.insert(entity.name);
        if (entity.isCityWide())
            m_cityWide.insert(entity.name);
    }
}

std::optional<StoreError> LocalEditor::readOnlyRefusal(const QString &entity,
                                                       const StoredRecord *existing) const
{
    if (m_cityWideEditable)
        return std::nullopt;
    if (m_cityWide.contains(entity)) {
        return StoreError{StoreError::Code::ReadOnly,
                          u"%1 records are the city's catalogue: only the office changes them"
                          u" (目录只读，由经信局维护)"_s.arg(entity)};
    }
    if (existing && existing->serverRev > 0 && existing->formVersion > m_formVersion &&
        !m_knownEntities.isEmpty() && !m_knownEntities.contains(entity)) {
        return StoreError{StoreError::Code::ReadOnly,
                          u"%1 %2 is of survey definition version %3, which this device has not"
                          u" fetched yet: it cannot be edited before a sync brings it"_s.arg(
                              entity, existing->id, QString::number(existing->formVersion))};
    }
    return std::nullopt;
}

Result<EditReceipt, StoreError> LocalEditor::create(const QString &entity, const QString &id,
                                                    const QJsonObject &fields)
{
    if (auto error = detail::checkEntityName(entity))
        return *error;
    if (auto error = detail::checkRecordId(id))
        return *error;
    if (auto error = detail::checkFieldNames(fields))
        return *error;
    if (auto refusal = readOnlyRefusal(entity, nullptr))
        return *refusal;
    const auto existing = m_records.read(entity, id);
    if (!existing)
        return existing.error();
    if (existing.value()) {
        return StoreError{StoreError::Code::AlreadyExists,
                          u"%1 %2 exists already"_s.arg(entity, id)};
    }
    const Hlc hlc = m_clock.now();
    const qint64 now = wallMillis();
    StoredRecord record;
    record.entity = entity;
    record.id = id;
    record.fields = fields;
    record.state = LocalState::Pending;
    record.parentId = detail::parentIdOf(entity, fields);
    record.updatedAt = now;
    record.formVersion = m_formVersion;
    if (auto done = m_records.insert(record); !done)
        return done.error();

    OutboxEntry entry;
    entry.mutation = Mutation{detail::newUuid(), entity, id, Mutation::Op::Upsert, 0, fields, hlc};
    entry.mutation.formVersion = record.formVersion;
    if (auto seq = m_outbox.insert(entry, now); !seq)
        return seq.error();
    return EditReceipt{entity, id, entry.mutation.mutationId, hlc, true, false};
}

Result<EditReceipt, StoreError> LocalEditor::change(const QString &entity, const QString &id,
                                                    const QJsonObject &changes)
{
    if (auto error = detail::checkFieldNames(changes))
        return *error;
    const auto read = m_records.read(entity, id);
    if (!read)
        return read.error();
    if (!read.value())
        return StoreError{StoreError::Code::NotFound, u"no %1 %2"_s.arg(entity, id)};
    if (auto refusal = readOnlyRefusal(entity, &*read.value()))
        return *refusal;
    StoredRecord record = *read.value();
    if (record.deleted) {
        return StoreError{StoreError::Code::Deleted,
                          u"%1 %2 is deleted and cannot be edited"_s.arg(entity, id)};
    }

    QJsonObject actual;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!detail::sameValue(record.fields.value(it.key()), it.value()))
            actual.insert(it.key(), it.value());
    }
    if (actual.isEmpty())
        return EditReceipt{entity, id, QString(), Hlc(), false, false};

    const Hlc hlc = m_clock.now();
    for (auto it = actual.begin(); it != actual.end(); ++it)
        record.fields.insert(it.key(), it.value());
    record.parentId = detail::parentIdOf(entity, record.fields);
    record.state = LocalState::Pending;
    record.rejection.reset();
    record.updatedAt = wallMillis();
    // Versions only add: the later of the two holds every field of the record.
    record.formVersion = std::max(record.formVersion, m_formVersion);
    if (auto done = m_records.updateEdited(*read.value(), record); !done)
        return done.error();
    return writeEntry(record, actual, hlc);
}

Result<EditReceipt, StoreError> LocalEditor::writeEntry(const StoredRecord &record,
                                                        const QJsonObject &changes, const Hlc &hlc)
{
    const auto entries = m_outbox.of(record.entity, record.id);
    if (!entries)
        return entries.error();
    const OutboxEntry *target = nullptr;
    QList<const OutboxEntry *> rejected;
    for (const OutboxEntry &e : entries.value()) {
        if (e.status == OutboxStatus::Rejected && e.mutation.op == Mutation::Op::Upsert)
            rejected.append(&e);
        else if (e.status == OutboxStatus::Pending && e.attempts == 0 &&
                 e.mutation.op == Mutation::Op::Upsert)
            target = &e; // the newest wins: entries come oldest first
    }

    OutboxEntry entry;
    if (target) {
        entry = *target;
    } else {
        entry.mutation = Mutation{detail::newUuid(), record.entity, record.id, Mutation::Op::Upsert,
                                  record.serverRev,  QJsonObject(), hlc};
    }
    for (const OutboxEntry *r : std::as_const(rejected)) {
        for (auto it = r->mutation.fields.begin(); it != r->mutation.fields.end(); ++it)
            entry.mutation.fields.insert(it.key(), record.fields.value(it.key()));
        entry.mutation.baseRev = std::min(entry.mutation.baseRev, r->mutation.baseRev);
    }
    for (auto it = changes.begin(); it != changes.end(); ++it)
        entry.mutation.fields.insert(it.key(), it.value());
    entry.mutation.hlc = hlc;
    // The version the record's fields are now of holds every field the mutation carries (an
    // edit made on an older version that it absorbs included: versions only add).
    entry.mutation.formVersion = record.formVersion;

    const qint64 now = wallMillis();
    if (target) {
        if (auto done = m_outbox.rewrite(entry, now); !done)
            return done.error();
    } else if (auto seq = m_outbox.insert(entry, now); !seq) {
        return seq.error();
    }
    for (const OutboxEntry *r : std::as_const(rejected)) {
        if (auto done = m_outbox.remove(r->seq); !done)
            return done.error();
    }
    return EditReceipt{record.entity, record.id, entry.mutation.mutationId,
                       hlc,           true,      target != nullptr};
}

Result<EditReceipt, StoreError> LocalEditor::remove(const QString &entity, const QString &id)
{
    const auto read = m_records.read(entity, id);
    if (!read)
        return read.error();
    if (!read.value())
        return StoreError{StoreError::Code::NotFound, u"no %1 %2"_s.arg(entity, id)};
    if (auto refusal = readOnlyRefusal(entity, &*read.value()))
        return *refusal;
    StoredRecord record = *read.value();
    if (record.deleted)
        return EditReceipt{entity, id, QString(), Hlc(), false, false};
    const auto entries = m_outbox.of(entity, id);
    if (!entries)
        return entries.error();

    const bool everSent =
        record.serverRev > 0 || std::any_of(entries.value().begin(), entries.value().end(),
                                            [](const OutboxEntry &e) { return e.attempts > 0; });
    const Hlc hlc = m_clock.now();
    if (!everSent) {
        // Nothing of it can have reached the server: the record and its entries simply go.
        if (auto done = m_records.remove(entity, id); !done)
            return done.error();
        // No mutation carries this reading of the clock: keep it for the next start.
        if (auto done = detail::persistClockAtLeast(m_db, hlc); !done)
            return done.error();
        return EditReceipt{entity, id, QString(), hlc, true, false};
    }
    for (const OutboxEntry &e : entries.value()) {
        if (e.status != OutboxStatus::InFlight) {
            if (auto done = m_outbox.remove(e.seq); !done)
                return done.error();
        }
    }
    record.deleted = true;
    record.state = LocalState::Pending;
    record.rejection.reset();
    record.updatedAt = wallMillis();
    if (auto done = m_records.update(record); !done)
        return done.error();
    OutboxEntry entry;
    entry.mutation = Mutation{detail::newUuid(), entity,        id, Mutation::Op::Delete,
                              record.serverRev,  QJsonObject(), hlc};
    if (auto seq = m_outbox.insert(entry, record.updatedAt); !seq)
        return seq.error();
    return EditReceipt{entity, id, entry.mutation.mutationId, hlc, true, false};
}

} // namespace gx
