#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gx {

class DeviceStore;

/**
 * The rows (equipment, key processes) deleted from a list, newest last, so that "撤销" (undo)
 * brings the last one back with the same fields. Deleting goes to the store at once; undo
 * re-creates the row: under its old id when the store no longer holds it (a row never pushed
 * simply goes on delete), otherwise (its delete waits for the server) under a new id.
 */
class RowUndo
{
public:
    struct Entry
    {
        QString entity;
        QString id;
        QJsonObject fields;
        QString title;
    };

    void push(Entry entry) { m_entries.append(std::move(entry)); }
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    [[nodiscard]] const Entry *last() const
    {
        return m_entries.isEmpty() ? nullptr : &m_entries.last();
    }
    void clear() { m_entries.clear(); }

    /** Re-creates the last deleted row and forgets it; the receipt names its id. */
    [[nodiscard]] Result<EditReceipt, StoreError> undo(DeviceStore &store);

private:
    QList<Entry> m_entries;
};

} // namespace gx
