#pragma once

#include "sync/store/userstore.h"

#include <QString>

namespace gx::server {

/**
 * Where a record belongs: the scope columns `region` and `enterprise` of `records`
 * (docs/architecture.md "The server in one page"). Empty means unknown (e.g. an enterprise record
 * without a region).
 */
struct RecordScope
{
    QString region;
    QString enterprise;

    friend bool operator==(const RecordScope &, const RecordScope &) = default;
};

/**
 * What one caller may see and write (docs/design.md "Scopes"): an inspector the records of their
 * region, an enterprise user those of their enterprise, office and admin everything. The same
 * object decides writes (covers()) and shapes the pull query (column()/value()), so that what a
 * user may write and what they read back cannot drift apart.
 */
class AccessScope
{
public:
    explicit AccessScope(const AuthedUser &user);

    /** Whether a record with these scope columns is the caller's. */
    [[nodiscard]] bool covers(const RecordScope &scope) const;
    /** True for office and admin: no filter at all. */
    [[nodiscard]] bool isEverything() const { return m_column.isEmpty(); }
    /** The scope column that filters the caller's records ("region" or "enterprise"), or "". */
    [[nodiscard]] const QString &column() const { return m_column; }
    /** The value that column must hold for the caller (their region or USCC). */
    [[nodiscard]] const QString &value() const { return m_value; }

private:
    QString m_column;
    QString m_value;
};

} // namespace gx::server
