#pragma once

#include "store/storeerror.h"

#include <optional>

namespace gx {

class StoreDatabase;

/**
 * One write transaction of the device store (BEGIN IMMEDIATE ... COMMIT). Whatever the scope
 * leaves without commit() is rolled back, so an error half way through a page, a batch or an
 * edit leaves nothing behind. Internal to gengxin_store.
 */
class Transaction
{
public:
    explicit Transaction(StoreDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    [[nodiscard]] Status<StoreError> begin();
    /** Commits; when it returns no error, the transaction is durable (synchronous=FULL). */
    [[nodiscard]] Status<StoreError> commit();

private:
    StoreDatabase &m_db;
    bool m_open = false;
};

} // namespace gx
