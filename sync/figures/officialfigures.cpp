#include "sync/figures/officialfigures.h"

#include "core/indicators.h"
#include "sync/store/auditlog.h"
#include "sync/store/csvreader.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QStringList kRequiredColumns{u"region"_s, u"period"_s, u"indicator"_s, u"value"_s};
const QStringList kOptionalColumns{u"current"_s, u"base"_s};

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QVariant optionalVariant(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

std::optional<double> variantNumber(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

OfficialFigureProblem problem(const QString &field, const QString &message)
{
    return OfficialFigureProblem{field, message};
}

/** A finite number written as in a spreadsheet cell ("0.12", "-3", "1e3"); "" is nothing. */
Result<std::optional<double>, QString> parseNumberCell(const QString &text)
{
    if (text.isEmpty())
        return std::optional<double>();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return u"'%1' is not a number"_s.arg(text);
    return std::optional<double>(value);
}

} // namespace

QJsonObject OfficialFigureEntry::toJson() const
{
    return QJsonObject{{u"region"_s, region},
                       {u"period"_s, period},
                       {u"indicator"_s, indicator},
                       {u"value"_s, value},
                       {u"current"_s, optionalNumber(current)},
                       {u"base"_s, optionalNumber(base)}};
}

std::optional<OfficialFigureProblem> OfficialFigures::check(const OfficialFigureEntry &entry,
                                                            const RegionCatalog &catalog)
{
    if (entry.region.isEmpty() || !catalog.region(entry.region)) {
        return problem(u"region"_s,
                       u"'%1' is not a region: use the city's code %2 or one of %3."_s.arg(
                           entry.region, catalog.city().code, catalog.regionCodes().join(u' ')));
    }
    if (entry.period < kMinPeriod || entry.period > kMaxPeriod) {
        return problem(u"period"_s, u"The period must be a year from %1 to %2, not %3."_s.arg(
                                        QString::number(kMinPeriod), QString::number(kMaxPeriod),
                                        QString::number(entry.period)));
    }
    if (!officialIndicatorNames().contains(entry.indicator)) {
        return problem(u"indicator"_s,
                       u"'%1' is not an official figure; the statistics bureau's are: %2."_s.arg(
                           entry.indicator, officialIndicatorNames().join(u", "_s)));
    }
    if (!std::isfinite(entry.value))
        return problem(u"value"_s, u"The value must be a finite number."_s);
    if (entry.current && !std::isfinite(*entry.current))
        return problem(u"current"_s, u"'current' must be a finite number."_s);
    if (entry.base && !std::isfinite(*entry.base))
        return problem(u"base"_s, u"'base' must be a finite number."_s);
    return std::nullopt;
}

Result<OfficialFigureEntry, OfficialFigureProblem>
OfficialFigures::fromJson(const QJsonObject &body, const RegionCatalog &catalog)
{
    static const QStringList known = kRequiredColumns + kOptionalColumns;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            return problem(it.key(),
                           u"'%1' is not a member of an official figure (known: %2)."_s.arg(
                               it.key(), known.join(u", "_s)));
        }
    }
    OfficialFigureEntry entry;
    for (const QString &name : {u"region"_s, u"indicator"_s}) {
        const QJsonValue value = body.value(name);
        if (!value.isString())
            return problem(name, u"'%1' is required and must be a string."_s.arg(name));
        (name == "region"_L1 ? entry.region : entry.indicator) = value.toString();
    }
    const QJsonValue period = body.value("period"_L1);
    const double periodNumber = period.toDouble(-1);
    if (!period.isDouble() || periodNumber != std::floor(periodNumber))
        return problem(u"period"_s, u"'period' is required and must be a year, as in 2024."_s);
    if (periodNumber < kMinPeriod || periodNumber > kMaxPeriod) {
        return problem(u"period"_s, u"The period must be a year from %1 to %2."_s.arg(
                                        QString::number(kMinPeriod), QString::number(kMaxPeriod)));
    }
    entry.period = int(periodNumber);
    if (!body.value("value"_L1).isDouble())
        return problem(u"value"_s, u"'value' is required and must be a number (0.12 for 12 %)."_s);
    entry.value = body.value("value"_L1).toDouble();
    for (const QString &name : kOptionalColumns) {
        const QJsonValue value = body.value(name);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isDouble())
            return problem(name, u"'%1' must be a number when given."_s.arg(name));
        (name == "current"_L1 ? entry.current : entry.base) = value.toDouble();
    }
    if (auto bad = check(entry, catalog))
        return *bad;
    return entry;
}

OfficialFigureFile OfficialFigures::parseCsv(const QByteArray &csv, const RegionCatalog &catalog)
{
    OfficialFigureFile file;
    auto records = CsvReader::parse(csv);
    if (!records) {
        file.errors.append({records.error().line, records.error().message});
        return file;
    }
    const QString headerText = kRequiredColumns.join(u',') + u"[,current,base]"_s;
    if (records.value().size() < 2) {
        file.errors.append(
            {1, u"the file needs the header %1 and at least one row"_s.arg(headerText)});
        return file;
    }
    QHash<QString, int> column;
    QStringList headerProblems;
    const CsvRecord &header = records.value().constFirst();
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString name = header.cells.at(i).trimmed().toLower();
        if (!kRequiredColumns.contains(name) && !kOptionalColumns.contains(name))
            headerProblems.append(u"unknown column '%1'"_s.arg(header.cells.at(i).trimmed()));
        else if (column.contains(name))
            headerProblems.append(u"column '%1' appears twice"_s.arg(name));
        else
            column.insert(name, i);
    }
    for (const QString &name : kRequiredColumns) {
        if (!column.contains(name))
            headerProblems.append(u"column '%1' is missing"_s.arg(name));
    }
    if (!headerProblems.isEmpty()) {
        file.errors.append({header.line, u"the header must be %1: %2"_s.arg(
                                             headerText, headerProblems.join(u"; "_s))});
        return file;
    }

    QHash<QString, int> seen; // region|period|indicator -> line
    for (qsizetype r = 1; r < records.value().size(); ++r) {
        const CsvRecord &record = records.value().at(r);
        if (record.cells.size() != header.cells.size()) {
            file.errors.append(
                {record.line, u"expected %1 cells, found %2"_s.arg(header.cells.size())
                                  .arg(record.cells.size())});
            continue;
        }
        auto cell = [&](const QString &name) {
            return column.contains(name) ? record.cells.at(column.value(name)).trimmed()
                                         : QString();
        };
        QStringList problems;
        OfficialFigureEntry entry;
        entry.region = cell(u"region"_s);
        entry.indicator = cell(u"indicator"_s);
        bool periodOk = false;
        entry.period = cell(u"period"_s).toInt(&periodOk);
        if (!periodOk)
            problems.append(u"period '%1' is not a year"_s.arg(cell(u"period"_s)));
        auto value = parseNumberCell(cell(u"value"_s));
        if (!value)
            problems.append(u"value: "_s + value.error());
        else if (!value.value())
            problems.append(u"value is empty"_s);
        else
            entry.value = *value.value();
        for (const QString &name : kOptionalColumns) {
            auto amount = parseNumberCell(cell(name));
            if (!amount)
                problems.append(name + u": "_s + amount.error());
            else
                (name == "current"_L1 ? entry.current : entry.base) = amount.value();
        }
        if (problems.isEmpty()) {
            if (auto bad = check(entry, catalog))
                problems.append(bad->field + u": "_s + bad->message);
        }
        const QString key =
            entry.region + u'|' + QString::number(entry.period) + u'|' + entry.indicator;
        if (problems.isEmpty() && seen.contains(key)) {
            problems.append(u"%1 %2 %3 is already on line %4"_s.arg(
                entry.region, QString::number(entry.period), entry.indicator,
                QString::number(seen.value(key))));
        }
        if (problems.isEmpty()) {
            seen.insert(key, record.line);
            file.rows.append(entry);
        } else {
            file.errors.append({record.line, problems.join(u"; "_s)});
        }
    }
    if (!file.errors.isEmpty())
        file.rows.clear();
    return file;
}

DbStatus OfficialFigures::upsert(Database &db, const OfficialFigureEntry &entry)
{
    return db.run(u"INSERT INTO official_figures (region, period, indicator, value, numerator, "
                  "denominator) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region, period, indicator) "
                  "DO UPDATE SET value = excluded.value, numerator = excluded.numerator, "
                  "denominator = excluded.denominator"_s,
                  {entry.region, entry.period, entry.indicator, entry.value,
                   optionalVariant(entry.current), optionalVariant(entry.base)});
}

DbStatus OfficialFigures::set(Database &db, const OfficialFigureEntry &entry, const QString &actor,
                              qint64 now)
{
    auto transaction = WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error();
    if (auto written = upsert(db, entry); !written)
        return written;
    if (auto audited =
            AuditLog::record(db, now, actor, AuditAction::OfficialFigureSet, entry.toJson());
        !audited)
        return audited;
    return transaction.value().commit();
}

Result<int, DbError> OfficialFigures::import(Database &db, const QList<OfficialFigureEntry> &rows,
                                             const QString &actor, const QString &source,
                                             qint64 now)
{
    auto transaction = WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error();
    QSet<int> periods;
    for (const OfficialFigureEntry &entry : rows) {
        if (auto written = upsert(db, entry); !written)
            return written.error();
        periods.insert(entry.period);
    }
    QList<int> sortedPeriods(periods.cbegin(), periods.cend());
    std::sort(sortedPeriods.begin(), sortedPeriods.end());
    QJsonArray periodList;
    for (int period : sortedPeriods)
        periodList.append(period);
    if (auto audited = AuditLog::record(
            db, now, actor, AuditAction::OfficialFiguresImported,
            {{u"file"_s, source}, {u"rows"_s, int(rows.size())}, {u"periods"_s, periodList}});
        !audited)
        return audited.error();
    if (auto committed = transaction.value().commit(); !committed)
        return committed.error();
    return int(rows.size());
}

Result<QList<OfficialFigureEntry>, DbError> OfficialFigures::list(Database &db, int period)
{
    auto query = db.exec(u"SELECT region, indicator, value, numerator, denominator "
                         "FROM official_figures WHERE period = ? ORDER BY region, indicator"_s,
                         {period});
    if (!query)
        return query.error();
    QList<OfficialFigureEntry> out;
    QSqlQuery &q = query.value();
    while (q.next()) {
        out.append(OfficialFigureEntry{q.value(0).toString(), period, q.value(1).toString(),
                                       q.value(2).toDouble(), variantNumber(q.value(3)),
                                       variantNumber(q.value(4))});
    }
    return out;
}

} // namespace gx::server
