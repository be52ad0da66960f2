#include "sync/records/pullfeed.h"

#include "sync/store/statementcache.h"

#include <QJsonDocument>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace gx::server {

QString PullFeed::sql(const AccessScope &scope)
{
    const QString columns = u"entity, id, rev, seq, deleted, fields, form_version"_s;
    if (scope.isEverything())
        return u"SELECT %1 FROM records WHERE seq > ? ORDER BY seq LIMIT ?"_s.arg(columns);
    // The caller's own records and the city-wide ones (the catalogue): each leg one range of its
    // index in seq order, at most a page long, merged; never a scan or a sort of the scope.
    const QString leg =
        u"SELECT %1 FROM records WHERE %2 = ? AND seq > ? ORDER BY seq LIMIT ?"_s.arg(
            columns, scope.column());
    return u"SELECT * FROM (%1) own UNION ALL SELECT * FROM (%1) city ORDER BY seq LIMIT ?"_s.arg(
        leg);
}

QVariantList PullFeed::params(const AccessScope &scope, qint64 since, int limit)
{
    if (scope.isEverything())
        return {since, limit + 1};
    return {scope.value(), since,     limit + 1, QString(RecordScope::kCityWide),
            since,         limit + 1, limit + 1};
}

Result<qint64, DbError> PullFeed::latestSeq()
{
    auto latest =
        m_db.statements().exec(u"SELECT value FROM counters WHERE name = ?"_s, {u"seq"_s});
    if (!latest)
        return latest.error();
    const qint64 value = latest.value()->next() ? latest.value()->value(0).toLongLong() : 0;
    latest.value()->finish();
    return value;
}

Result<PullPage, DbError> PullFeed::page(const AccessScope &scope, qint64 since, int limit)
{
    PullPage page;
    qint64 last = since;
    // Nothing written since the cursor: one primary-key probe of the counter answers, however
    // large the store (the scoped range scan below descends an index that grows with it).
    auto latest = m_db.statements().exec(
        u"SELECT value FROM counters WHERE name = ? AND value > ?"_s, {u"seq"_s, since});
    if (!latest)
        return latest.error();
    const bool changed = latest.value()->next();
    latest.value()->finish();
    // A user without a region or enterprise has no records; the query would match NULL = '' rows.
    if (changed && (scope.isEverything() || !scope.value().isEmpty())) {
        auto query = m_db.statements().exec(sql(scope), params(scope, since, limit));
        if (!query)
            return query.error();
        QSqlQuery &q = *query.value();
        const auto finished = qScopeGuard([&q] { q.finish(); });
        while (q.next()) {
            if (page.changes.size() == limit) {
                page.more = true;
                break;
            }
            Change change;
            change.entity = q.value(0).toString();
            change.id = q.value(1).toString();
            change.rev = q.value(2).toLongLong();
            last = q.value(3).toLongLong();
            change.deleted = q.value(4).toInt() != 0;
            if (!change.deleted)
                change.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            change.formVersion = q.value(6).toInt();
            page.changes.append(std::move(change));
        }
    }
    page.cursor = PullCursor{last}.encode();
    return page;
}

} // namespace gx::server
