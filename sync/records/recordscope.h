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
    /**
     * Both columns of a city-wide record (an entity whose definition says `"scope": "city"`: the
     * catalogue): every user reads it, only office and admin write it.
     */
    static constexpr QLatin1StringView kCityWide{"*"};

    QString region;
    QString enterprise;

    [[nodiscard]] static RecordScope cityWide() { return {kCityWide, kCityWide}; }
    [[nodiscard]] bool isCityWide() const { return region == kCityWide; }

    friend bool operator==(const RecordScope &, const RecordScope &) = default;
};

/**
 * What one caller may see and write (docs/design.md "Scopes"): an inspector the records of their
 * region, an enterprise user those of their enterprise, office and admin everything. The same
 * object decides writes (covers()) and shapes the pull query (column()/value()), so that what a
 * user may write and what they read back cannot drift apart. City-wide records (the catalogue)
 * are read by everyone (mayRead(), and the pull adds RecordScope::kCityWide to the column's
 * value) and written by office and admin only (covers()).
 */
class AccessScope
{
public:
    explicit AccessScope(const AuthedUser &user);

    /** Whether the caller may write a record with these scope columns. */
    [[nodiscard]] bool covers(const RecordScope &scope) const;
    /** Whether the caller may read it: what covers() allows, and every city-wide record. */
    [[nodiscard]] bool mayRead(const RecordScope &scope) const;
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
