#include "sync/records/targetstore.h"

#include "core/indicatorlabels.h"
#include "core/indicators.h"
#include "sync/store/auditlog.h"
#include "sync/store/csvreader.h"
#include "sync/store/statementcache.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QString kUpsertSql =
    u"INSERT INTO targets (period, region, indicator, value) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (period, region, indicator) DO UPDATE SET value = excluded.value"_s;
const QString kDeleteSql =
    u"DELETE FROM targets WHERE period = ? AND region = ? AND indicator = ?"_s;

TargetProblem badShape(const QString &field, const QString &message)
{
    return TargetProblem{field, message, false};
}

QString regionsText(const RegionCatalog &catalog)
{
    return u"the city's %1 or one of %2"_s.arg(catalog.city().code,
                                               catalog.regionCodes().join(u' '));
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

DbStatus TargetStore::seed(Database &db, const RegionCatalog &catalog)
{
    QList<const Region *> regions{&catalog.city()};
    for (const Region &region : catalog.regions())
        regions.append(&region);
    for (const Region *region : std::as_const(regions)) {
        if (region->code.isEmpty())
            continue;
        for (auto year = region->targets.cbegin(); year != region->targets.cend(); ++year) {
            for (auto target = year->cbegin(); target != year->cend(); ++target) {
                auto written = db.run(
                    kUpsertSql, {year.key(), region->code, target.key(), target.value().value});
                if (!written)
                    return written.error();
            }
        }
    }
    return Done{};
}

Result<PeriodTargets, DbError> TargetStore::period(int period)
{
    auto query = m_db.statements().exec(
        u"SELECT region, indicator, value FROM targets WHERE period = ?"_s, {period});
    if (!query)
        return query.error();
    PeriodTargets out;
    QSqlQuery &q = *query.value();
    while (q.next())
        out[q.value(0).toString()].insert(q.value(1).toString(), q.value(2).toDouble());
    q.finish();
    return out;
}

Result<RegionCatalog, DbError> TargetStore::catalogFor(const RegionCatalog &catalog, int period)
{
    auto targets = this->period(period);
    if (!targets)
        return targets.error();
    RegionCatalog::TargetTable table;
    for (auto region = targets.value().cbegin(); region != targets.value().cend(); ++region) {
        QMap<QString, Target> &slot = table[region.key()][period];
        for (auto it = region->cbegin(); it != region->cend(); ++it)
            slot.insert(it.key(), Target{it.value(), indicatorComparison(it.key())});
    }
    return catalog.withTargets(table);
}

Result<RegionCatalog, DbError> TargetStore::catalog(const RegionCatalog &catalog)
{
    auto query =
        m_db.statements().exec(u"SELECT period, region, indicator, value FROM targets"_s, {});
    if (!query)
        return query.error();
    RegionCatalog::TargetTable table;
    QSqlQuery &q = *query.value();
    while (q.next()) {
        const QString indicator = q.value(2).toString();
        table[q.value(1).toString()][q.value(0).toInt()].insert(
            indicator, Target{q.value(3).toDouble(), indicatorComparison(indicator)});
    }
    q.finish();
    return catalog.withTargets(table);
}

Result<QList<int>, DbError> TargetStore::periods()
{
    auto query =
        m_db.statements().exec(u"SELECT DISTINCT period FROM targets ORDER BY period"_s, {});
    if (!query)
        return query.error();
    QList<int> out;
    QSqlQuery &q = *query.value();
    while (q.next())
        out.append(q.value(0).toInt());
    q.finish();
    return out;
}

Result<int, DbError> TargetStore::apply(int period, const QList<TargetChange> &changes,
                                        const QString &actor, QLatin1StringView action,
                                        const QString &source, qint64 now)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    // What each named target was, for the audit row and to count real changes.
    auto before = this->period(period);
    if (!before)
        return before.error();
    QJsonArray audited;
    for (const TargetChange &change : changes) {
        const QMap<QString, double> old = before.value().value(change.region);
        const std::optional<double> previous = old.contains(change.indicator)
                                                   ? std::optional(old.value(change.indicator))
                                                   : std::nullopt;
        if (previous == change.value)
            continue;
        auto written =
            change.value
                ? m_db.statements().run(kUpsertSql,
                                        {period, change.region, change.indicator, *change.value})
                : m_db.statements().run(kDeleteSql, {period, change.region, change.indicator});
        if (!written)
            return written.error();
        audited.append(QJsonObject{{u"region"_s, change.region},
                                   {u"indicator"_s, change.indicator},
                                   {u"before"_s, optionalNumber(previous)},
                                   {u"after"_s, optionalNumber(change.value)}});
    }
    if (!audited.isEmpty()) {
        auto recorded = AuditLog::record(
            m_db, now, actor, action,
            QJsonObject{{u"period"_s, period}, {u"source"_s, source}, {u"changes"_s, audited}});
        if (!recorded)
            return recorded.error();
    }
    auto committed = transaction.value().commit();
    if (!committed)
        return committed.error();
    return int(audited.size());
}

std::optional<TargetProblem> TargetStore::check(const TargetChange &change,
                                                const RegionCatalog &catalog,
                                                const QString &regionField,
                                                const QString &valueField)
{
    if (change.region.isEmpty() || !catalog.region(change.region)) {
        return TargetProblem{regionField, u"'%1' is not a region: use %2."_s.arg(
                                              change.region.left(40), regionsText(catalog))};
    }
    if (!indicatorNames().contains(change.indicator)) {
        return TargetProblem{
            valueField,
            u"'%1' is not an indicator (see docs/indicators.md)."_s.arg(change.indicator.left(60))};
    }
    if (!change.value)
        return std::nullopt;
    const double value = *change.value;
    if (!std::isfinite(value))
        return TargetProblem{valueField, u"A target must be a finite number."_s};
    if (indicatorKind(change.indicator) == FigureKind::Rate) {
        if (value < 0 || value > kMaxRate) {
            return TargetProblem{
                valueField,
                u"%1 is a rate: its target is a fraction from 0 to %2 (0.9 for 90 %), not %3."_s
                    .arg(change.indicator, QString::number(kMaxRate), QString::number(value))};
        }
    } else if (value < 0 || value > kMaxCount || std::floor(value) != value) {
        return TargetProblem{
            valueField,
            u"%1 is a count: its target is a whole number from 0 to %2, not %3."_s.arg(
                change.indicator, QString::number(kMaxCount, 'f', 0), QString::number(value))};
    }
    return std::nullopt;
}

Result<QList<TargetChange>, TargetProblem> TargetStore::fromJson(const QJsonObject &body,
                                                                 const RegionCatalog &catalog)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != "regions"_L1)
            return badShape(it.key().left(60),
                            u"Unknown member: the body is {\"regions\": [...]}."_s);
    }
    if (!body.value("regions"_L1).isArray()) {
        return badShape(u"regions"_s, u"'regions' must be a list of {\"region\", \"targets\"}."_s);
    }
    const QJsonArray regions = body.value("regions"_L1).toArray();
    QList<TargetChange> changes;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < regions.size(); ++i) {
        const QString path = u"regions[%1]"_s.arg(i);
        if (!regions.at(i).isObject())
            return badShape(path, u"Each entry must be {\"region\", \"targets\"}."_s);
        const QJsonObject entry = regions.at(i).toObject();
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (it.key() != "region"_L1 && it.key() != "targets"_L1) {
                return badShape(path + u'.' + it.key().left(60),
                                u"Unknown member: an entry is {\"region\", \"targets\"}."_s);
            }
        }
        if (!entry.value("region"_L1).isString())
            return badShape(path + u".region"_s, u"'region' must be a region code."_s);
        if (!entry.value("targets"_L1).isObject()) {
            return badShape(path + u".targets"_s,
                            u"'targets' must be an object {INDICATOR: number or null}."_s);
        }
        const QString region = entry.value("region"_L1).toString();
        if (const auto twice = seen.constFind(region); twice != seen.cend()) {
            return TargetProblem{path + u".region"_s,
                                 u"'%1' is already in regions[%2]: name each region once."_s.arg(
                                     region.left(40), QString::number(*twice))};
        }
        seen.insert(region, i);
        const QJsonObject targets = entry.value("targets"_L1).toObject();
        if (!catalog.region(region)) {
            return TargetProblem{path + u".region"_s, u"'%1' is not a region: use %2."_s.arg(
                                                          region.left(40), regionsText(catalog))};
        }
        for (auto it = targets.begin(); it != targets.end(); ++it) {
            const QString field = path + u".targets."_s + it.key().left(60);
            TargetChange change{region, it.key(), std::nullopt};
            if (!it.value().isNull()) {
                if (!it.value().isDouble()) {
                    return TargetProblem{field,
                                         u"A target must be a number (or null to remove it)."_s};
                }
                change.value = it.value().toDouble();
            }
            if (auto bad = check(change, catalog, path + u".region"_s, field))
                return *bad;
            changes.append(change);
        }
    }
    return changes;
}

Result<QList<TargetChange>, QList<TargetProblem>>
TargetStore::parseCsv(const QByteArray &csv, const RegionCatalog &catalog)
{
    auto records = CsvReader::parse(csv);
    if (!records) {
        return QList<TargetProblem>{
            {u"line %1"_s.arg(records.error().line), records.error().message, true}};
    }
    if (records.value().size() < 2) {
        return QList<TargetProblem>{
            {u"line 1"_s, u"the file needs the header region,INDICATOR,... and at least one row"_s,
             true}};
    }
    const CsvRecord &header = records.value().constFirst();
    QStringList columns;
    QStringList headerProblems;
    for (qsizetype i = 0; i < header.cells.size(); ++i) {
        const QString name = header.cells.at(i).trimmed();
        if (i == 0 && name.toLower() != "region"_L1)
            headerProblems.append(u"the first column must be 'region', not '%1'"_s.arg(name));
        else if (i > 0 && !indicatorNames().contains(name))
            headerProblems.append(u"'%1' is not an indicator"_s.arg(name.left(60)));
        else if (columns.contains(name))
            headerProblems.append(u"column '%1' appears twice"_s.arg(name));
        columns.append(name);
    }
    if (columns.size() < 2)
        headerProblems.append(u"no indicator column"_s);
    if (!headerProblems.isEmpty()) {
        return QList<TargetProblem>{
            {u"line %1"_s.arg(header.line),
             u"the header must be region,INDICATOR,...: "_s + headerProblems.join(u"; "_s), true}};
    }

    QList<TargetChange> changes;
    QList<TargetProblem> problems;
    QHash<QString, int> seen; // region -> line
    for (qsizetype r = 1; r < records.value().size(); ++r) {
        const CsvRecord &record = records.value().at(r);
        const QString line = u"line %1"_s.arg(record.line);
        if (record.cells.size() != columns.size()) {
            problems.append(
                {line,
                 u"expected %1 cells, found %2"_s.arg(columns.size()).arg(record.cells.size()),
                 true});
            continue;
        }
        const QString region = record.cells.at(0).trimmed();
        if (const auto twice = seen.constFind(region); twice != seen.cend()) {
            problems.append({line + u", region"_s,
                             u"%1 is already on line %2"_s.arg(region, QString::number(*twice)),
                             true});
            continue;
        }
        seen.insert(region, record.line);
        if (!catalog.region(region)) {
            problems.append(
                {line + u", region"_s,
                 u"'%1' is not a region: use %2"_s.arg(region.left(40), regionsText(catalog)),
                 true});
            continue;
        }
        for (qsizetype c = 1; c < columns.size(); ++c) {
            const QString text = record.cells.at(c).trimmed();
            if (text.isEmpty())
                continue;
            const QString field = line + u", "_s + columns.at(c);
            bool ok = false;
            const double value = text.toDouble(&ok);
            if (!ok) {
                problems.append(
                    {field,
                     u"'%1' is not a number (write rates as fractions: 0.9)"_s.arg(text.left(40)),
                     true});
                continue;
            }
            const TargetChange change{region, columns.at(c), value};
            if (auto bad = check(change, catalog, line + u", region"_s, field))
                problems.append(*bad);
            else
                changes.append(change);
        }
    }
    if (!problems.isEmpty())
        return problems;
    return changes;
}

QJsonObject TargetStore::toJson(int period, const PeriodTargets &targets,
                                const RegionCatalog &catalog)
{
    QStringList codes{catalog.city().code};
    codes += catalog.regionCodes();
    QJsonArray regions;
    for (const QString &code : std::as_const(codes)) {
        QJsonObject byIndicator;
        const QMap<QString, double> values = targets.value(code);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            byIndicator.insert(it.key(), it.value());
        regions.append(QJsonObject{{u"region"_s, code}, {u"targets"_s, byIndicator}});
    }
    return QJsonObject{{u"period"_s, period}, {u"regions"_s, regions}};
}

} // namespace gx::server
