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
    if (auto done = m_db.exec(m_db.statement(u"ROLLBACK"_s)); !done)
        qCWarning(lcStore) << "rollback failed:" << done.error().message;
}

Status<StoreError> Transaction::begin()
{
    if (auto done = m_db.exec(m_db.statement(u"BEGIN IMMEDIATE"_s)); !done)
        return done.error();
    m_open = true;
    return Done{};
}

Status<StoreError> Transaction::commit()
{
    m_db.finishAll();
    if (auto done = m_db.exec(m_db.statement(u"COMMIT"_s)); !done)
        return done.error();
    m_open = false;
    return Done{};
}

} // namespace gx
