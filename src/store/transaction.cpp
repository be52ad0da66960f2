#include "store/transaction.h"

#include "store/logging.h"
#include "store/storedatabase.h"

using namespace Qt::StringLiterals;

namespace gx {

Transaction::Transaction(StoreDatabase &db)
    : m_db(db)
{}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    m_db.finishAll();
    if (auto error = m_db.exec(m_db.statement(u"ROLLBACK"_s)))
        qCWarning(lcStore) << "rollback failed:" << error->message;
}

std::optional<StoreError> Transaction::begin()
{
    if (auto error = m_db.exec(m_db.statement(u"BEGIN IMMEDIATE"_s)))
        return error;
    m_open = true;
    return std::nullopt;
}

std::optional<StoreError> Transaction::commit()
{
    m_db.finishAll();
    if (auto error = m_db.exec(m_db.statement(u"COMMIT"_s)))
        return error;
    m_open = false;
    return std::nullopt;
}

} // namespace gx
