#pragma once

#include "core/hlc.h"
#include "core/result.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace gx {

class FormDefinition;
class StoreDatabase;

/**
 * Internal to gengxin_store: one local edit of one record, written together with its outbox
 * entry, inside a transaction the caller opened (so that the value and the entry commit or
 * vanish together).
 *
 * Coalescing: an edit merges into the record's newest outbox mutation that has never been taken
 * for a push (later value of a field wins, hlc = the latest); otherwise it starts a new one with
 * base_rev = the record's server_rev. A mutation ever taken for a push is never merged into: the
 * server may have it already and would answer a resend "duplicate", dropping the merged edits.
 * The clock's readings live in the mutations that carry them (DeviceStore restores the HLC
 * from the newest one and from meta, where Outbox keeps the readings of settled ones).
 * Rejected mutations of the record are absorbed into the edit's mutation (their fields with the
 * record's current values), so that fixing one field also resends what was refused with it.
 *
 * Read-only records: an entity that a kept definition marks city-wide (the catalogue: provider,
 * product, case) is written by the office alone, so create, change and remove refuse it with
 * StoreError::Code::ReadOnly unless setCityWideEditable(true) (the office's and admin's
 * devices). So is a pulled record whose entity no kept definition knows while it names a
 * version above the newest kept (its definition has not been fetched yet: the pull runs before
 * the forms step), since its scope is unknown. Nothing is written when an edit is refused.
 */
class LocalEditor
{
public:
    LocalEditor(StoreDatabase &db, HlcClock &clock, std::function<qint64()> wallClockMillis);

    /** The survey definition version stamped on records created from now on. */
    void setFormVersion(int version) { m_formVersion = version; }
    [[nodiscard]] int formVersion() const { return m_formVersion; }

    /** Learns the entities of a kept definition (versions only add: the union is kept). */
    void learnDefinition(const FormDefinition &definition);
    /** Whether city-wide (catalogue) records may be edited on this device (office, admin). */
    void setCityWideEditable(bool editable) { m_cityWideEditable = editable; }
    [[nodiscard]] bool isCityWideEditable() const { return m_cityWideEditable; }
    /** Whether a kept definition marks the entity city-wide. */
    [[nodiscard]] bool isCityWide(const QString &entity) const
    {
        return m_cityWide.contains(entity);
    }

    /** A new record (base_rev 0) with its initial fields; fails when the id exists. */
    [[nodiscard]] Result<EditReceipt, StoreError> create(const QString &entity, const QString &id,
                                                         const QJsonObject &fields);
    /** Sets the given fields of an existing, not deleted record. */
    [[nodiscard]] Result<EditReceipt, StoreError> change(const QString &entity, const QString &id,
                                                         const QJsonObject &changes);
    /**
     * Deletes a record: a record the server has never seen (nothing of it ever pushed) simply
     * goes; otherwise it is marked deleted and a delete mutation replaces its unsent edits.
     */
    [[nodiscard]] Result<EditReceipt, StoreError> remove(const QString &entity, const QString &id);

    [[nodiscard]] qint64 wallMillis() const { return m_wallClockMillis(); }

private:
    /** Why an edit of the entity (and of `existing`, when the record is there) is refused. */
    [[nodiscard]] std::optional<StoreError> readOnlyRefusal(const QString &entity,
                                                            const StoredRecord *existing) const;
    [[nodiscard]] Result<EditReceipt, StoreError>
    writeEntry(const StoredRecord &record, const QJsonObject &changes, const Hlc &hlc);

    StoreDatabase &m_db;
    HlcClock &m_clock;
    std::function<qint64()> m_wallClockMillis;
    detail::RecordRows m_records;
    detail::OutboxRows m_outbox;
    int m_formVersion = 0;
    QSet<QString> m_knownEntities; ///< every entity of the definitions learnt
    QSet<QString> m_cityWide;      ///< those marked city-wide
    bool m_cityWideEditable = false;
};

} // namespace gx
