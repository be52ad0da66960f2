#include "app/rowundo.h"

#include "store/devicestore.h"

namespace gx {

Result<EditReceipt, StoreError> RowUndo::undo(DeviceStore &store)
{
    if (m_entries.isEmpty())
        return StoreError{StoreError::Code::NotFound, QStringLiteral("nothing to undo")};
    const Entry entry = m_entries.last();
    auto receipt = store.createRecord(entry.entity, entry.fields, entry.id);
    if (!receipt && receipt.error().code == StoreError::Code::AlreadyExists)
        receipt = store.createRecord(entry.entity, entry.fields);
    if (receipt)
        m_entries.removeLast();
    return receipt;
}

} // namespace gx
