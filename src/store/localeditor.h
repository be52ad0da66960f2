#pragma once

#include "core/hlc.h"
#include "core/result.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace gx {

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
 */
class LocalEditor
{
public:
    LocalEditor(StoreDatabase &db, HlcClock &clock, std::function<qint64()> wallClockMillis);

    /** The survey definition version stamped on records created from now on. */
    void setFormVersion(int version) { m_formVersion = version; }
    [[nodiscard]] int formVersion() const { return m_formVersion; }

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
    [[nodiscard]] Result<EditReceipt, StoreError>
    writeEntry(const StoredRecord &record, const QJsonObject &changes, const Hlc &hlc);

    StoreDatabase &m_db;
    HlcClock &m_clock;
    std::function<qint64()> m_wallClockMillis;
    detail::RecordRows m_records;
    detail::OutboxRows m_outbox;
    int m_formVersion = 0;
};

} // namespace gx
