#include "sync/records/recordfacts.h"

#include "core/indicators.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/recordstore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

template <typename T>
QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

template <typename Enum>
QVariant nullableEnum(const std::optional<Enum> &value)
{
    return value ? QVariant(static_cast<int>(*value)) : QVariant();
}

QVariant nullableBool(const std::optional<bool> &value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant();
}

/** The upsert of n equipment_facts rows (9 parameters each: equipmentRow()). */
QString equipmentSql(qsizetype n)
{
    QStringList rows(n, u"(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    return u"INSERT INTO equipment_facts (id, survey, category, quantity, commissioned_year, "
           "key_energy, efficiency_level, status, deleted) VALUES %1 "
           "ON CONFLICT (id) DO UPDATE SET survey = excluded.survey, "
           "category = excluded.category, quantity = excluded.quantity, "
           "commissioned_year = excluded.commissioned_year, key_energy = excluded.key_energy, "
           "efficiency_level = excluded.efficiency_level, status = excluded.status, "
           "deleted = excluded.deleted"_s.arg(rows.join(u", "_s));
}

QVariantList equipmentRow(const StoredRecord &record)
{
    const EquipmentFacts e = EquipmentFacts::fromFields(record.fields);
    return {record.id,
            e.survey,
            e.category,
            e.quantity,
            nullable(e.commissionedYear),
            e.keyEnergy ? 1 : 0,
            static_cast<int>(e.efficiencyLevel),
            static_cast<int>(e.status),
            record.deleted ? 1 : 0};
}

} // namespace

DbStatus RecordFacts::defer(const StoredRecord &record)
{
    if (m_markCoverage) {
        if (auto marked = markCoverage(record); !marked) // rev 1: no previous row to read
            return marked;
    }
    if (record.entity == "equipment"_L1)
        m_deferredEquipment.append(equipmentRow(record));
    return Done{};
}

DbStatus RecordFacts::flushDeferred()
{
    constexpr qsizetype kRowsPerInsert = 100;
    for (qsizetype at = 0; at < m_deferredEquipment.size(); at += kRowsPerInsert) {
        const qsizetype n = std::min(kRowsPerInsert, m_deferredEquipment.size() - at);
        QVariantList params;
        params.reserve(n * 9);
        for (qsizetype i = at; i < at + n; ++i)
            params.append(m_deferredEquipment.at(i));
        if (auto written = m_statements.run(equipmentSql(n), params); !written)
            return written;
    }
    m_deferredEquipment.clear();
    return Done{};
}

Result<std::optional<QString>, DbError>
RecordFacts::previous(const QString &table, const QString &column, const StoredRecord &record)
{
    // rev 1 is a record's first write: it has no facts row yet.
    if (record.rev == 1)
        return std::optional<QString>();
    auto query =
        m_statements.exec(u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(column, table), {record.id});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    std::optional<QString> value;
    if (q.next())
        value = q.value(0).toString(); // NULL reads as "": the enterprise "" is one too
    q.finish();
    return value;
}

DbStatus RecordFacts::markCoverage(const StoredRecord &record)
{
    Database &db = m_statements.db();
    const bool enterprise = record.entity == "enterprise"_L1;
    const bool survey = record.entity == "survey"_L1;
    const bool equipment = record.entity == "equipment"_L1;
    const bool review = record.entity == "review"_L1;
    if (!enterprise && !survey && !equipment && !review)
        return Done{};
    // What the row said before this write: a moved survey or row leaves its old owner stale.
    const QString table = enterprise  ? u"enterprise_facts"_s
                          : survey    ? u"survey_facts"_s
                          : equipment ? u"equipment_facts"_s
                                      : u"review_facts"_s;
    const QString column = enterprise ? u"uscc"_s : survey ? u"enterprise"_s : u"survey"_s;
    auto old = previous(table, column, record);
    if (!old)
        return old.error();
    if (enterprise || survey) {
        const QString now = enterprise ? EnterpriseFacts::fromFields(record.id, record.fields).uscc
                                       : record.fields.value("enterprise"_L1).toString();
        if (auto marked = CoverageFacts::markEnterprise(db, now); !marked)
            return marked;
        if (old.value() && *old.value() != now)
            return CoverageFacts::markEnterprise(db, *old.value());
        return Done{};
    }
    const QString now = equipment ? record.fields.value("survey"_L1).toString()
                                  : record.fields.value("record_id"_L1).toString();
    if (auto marked = CoverageFacts::markSurvey(db, now); !marked)
        return marked;
    if (old.value() && *old.value() != now)
        return CoverageFacts::markSurvey(db, *old.value());
    return Done{};
}

DbStatus RecordFacts::write(const StoredRecord &record)
{
    if (m_markCoverage) {
        if (auto marked = markCoverage(record); !marked)
            return marked;
    }
    const int deleted = record.deleted ? 1 : 0;
    if (record.entity == "enterprise"_L1) {
        const EnterpriseFacts e = EnterpriseFacts::fromFields(record.id, record.fields);
        return m_statements.run(
            u"INSERT INTO enterprise_facts (id, uscc, region, above_size, deleted) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET uscc = excluded.uscc, "
            "region = excluded.region, above_size = excluded.above_size, "
            "deleted = excluded.deleted"_s,
            {record.id, e.uscc, e.region, e.aboveSize ? 1 : 0, deleted});
    }
    if (record.entity == "survey"_L1) {
        const SurveyFacts s = SurveyFacts::fromFields(record.id, record.fields, ReviewState::None);
        return m_statements.run(
            u"INSERT INTO survey_facts (id, enterprise, period, state, digital_level, "
            "design_tools, key_processes, key_processes_cnc, factory_tier, factory_tier_year, "
            "robots_added, tech_invest_base, tech_invest, equipment_invest_base, "
            "equipment_invest, first_of_kind_invest, deleted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET enterprise = excluded.enterprise, "
            "period = excluded.period, state = excluded.state, "
            "digital_level = excluded.digital_level, design_tools = excluded.design_tools, "
            "key_processes = excluded.key_processes, "
            "key_processes_cnc = excluded.key_processes_cnc, "
            "factory_tier = excluded.factory_tier, "
            "factory_tier_year = excluded.factory_tier_year, "
            "robots_added = excluded.robots_added, "
            "tech_invest_base = excluded.tech_invest_base, tech_invest = excluded.tech_invest, "
            "equipment_invest_base = excluded.equipment_invest_base, "
            "equipment_invest = excluded.equipment_invest, "
            "first_of_kind_invest = excluded.first_of_kind_invest, deleted = excluded.deleted"_s,
            {record.id, s.enterprise, s.period, static_cast<int>(s.state), nullable(s.digitalLevel),
             nullableBool(s.designTools), nullable(s.keyProcesses), nullable(s.keyProcessesCnc),
             nullableEnum(s.factoryTier), nullable(s.factoryTierYear), nullable(s.robotsAdded),
             nullable(s.techInvestBase), nullable(s.techInvest), nullable(s.equipmentInvestBase),
             nullable(s.equipmentInvest), nullable(s.firstOfKindInvest), deleted});
    }
    if (record.entity == "equipment"_L1) {
        static const QString single = equipmentSql(1);
        return m_statements.run(single, equipmentRow(record));
    }
    if (record.entity == "review"_L1) {
        // Only reviews of surveys bear on the indicators; any other counts as deleted here.
        const bool ofSurvey = record.fields.value("entity"_L1).toString() == "survey"_L1;
        const ReviewState state = reviewStateFromName(record.fields.value("state"_L1).toString())
                                      .value_or(ReviewState::None);
        return m_statements.run(
            u"INSERT INTO review_facts (id, survey, state, seq, deleted) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET survey = excluded.survey, state = excluded.state, "
            "seq = excluded.seq, deleted = excluded.deleted"_s,
            {record.id, record.fields.value("record_id"_L1).toString(), static_cast<int>(state),
             record.seq, record.deleted || !ofSurvey ? 1 : 0});
    }
    return Done{};
}

DbStatus RecordFacts::backfill(Database &db)
{
    // In pages read whole before writing: PostgreSQL cannot run the writes while a forward-only
    // result is still being fetched on the same connection.
    StatementCache statements(db);
    RecordFacts facts(statements);
    facts.m_markCoverage = false;
    qint64 after = -1;
    for (;;) {
        auto query = db.exec(u"SELECT entity, id, seq, deleted, fields FROM records "
                             "WHERE seq > ? AND entity IN ('enterprise', 'survey', 'equipment', "
                             "'review') ORDER BY seq LIMIT 5000"_s,
                             {after});
        if (!query)
            return query.error();
        QList<StoredRecord> page;
        QSqlQuery &q = query.value();
        while (q.next()) {
            StoredRecord record;
            record.entity = q.value(0).toString();
            record.id = q.value(1).toString();
            record.seq = q.value(2).toLongLong();
            record.deleted = q.value(3).toInt() != 0;
            record.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
            page.append(std::move(record));
        }
        q.finish();
        if (page.isEmpty())
            return Done{};
        after = page.constLast().seq;
        for (const StoredRecord &record : std::as_const(page)) {
            if (auto written = facts.write(record); !written)
                return written.error();
        }
    }
}

} // namespace gx::server
