// The coverage rows (CoverageFacts) and the SQL sums over them (CoverageQuery::report(), what
// GET /api/v1/stats/coverage answers) against core's engine over the same store
// (computeCoverage(CoverageQuery::load())): generated stores with drafts, rejected and
// re-approved reviews, deleted records, unknown regions, enterprises outside the registry,
// duplicate counted surveys, zero denominators, then edits that move surveys and rows between
// owners and registry changes; every figure, numerator, denominator, target and count compared,
// after the incremental upkeep and after a full rebuild.

#include "sync/figures/coveragequery.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/recordstore.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace gx;
using namespace gx::test;
using server::StoredRecord;

namespace {

const QList<int> kPeriods{2023, 2024, 2025};

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/** A random store: what each record is, written through RecordStore. */
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {}

    QList<RegistryEntry> registry;
    QList<StoredRecord> records;
    QStringList surveys;
    QStringList equipment;
    QStringList enterprises;

    void generate(int count)
    {
        QStringList regions = testRegions().regionCodes();
        regions.append(u"999999"_s); // not in the catalog
        for (int n = 0; n < count; ++n) {
            const QString uscc = u"E%1"_s.arg(n, 4, 10, QChar(u'0'));
            enterprises.append(uscc);
            const QString region = regions.at(pick(regions.size()));
            const int kind = pick(10);
            if (kind < 7) // in the registry, mostly above size
                registry.append(
                    RegistryEntry{uscc, u"企业"_s + uscc, region, u"3311"_s, pick(5) > 0});
            if (kind >= 3) { // an enterprise record, sometimes in another region or deleted
                const QString own = pick(4) == 0 ? regions.at(pick(regions.size())) : region;
                add(u"enterprise"_s, uscc, {{u"region"_s, own}, {u"above_size"_s, pick(2) == 0}},
                    pick(12) == 0);
            }
            for (int s = pick(4); s > 0; --s)
                addSurvey(uscc);
        }
        addSurvey(QString());                                 // a survey of no enterprise
        add(u"equipment"_s, uuid(), equipmentFields(uuid())); // of no survey
    }

    QJsonObject surveyFields(const QString &uscc)
    {
        QJsonObject f{{u"enterprise"_s, uscc},
                      {u"period"_s, kPeriods.at(pick(kPeriods.size()))},
                      {u"state"_s, pick(4) == 0 ? u"draft"_s : u"submitted"_s}};
        maybe(f, u"digital_level"_s, QJsonValue(pick(5)));
        maybe(f, u"design_tools"_s, QJsonValue(pick(2) == 0));
        const int key = pick(5); // 0: a zero denominator
        maybe(f, u"key_processes"_s, QJsonValue(key));
        maybe(f, u"key_processes_cnc"_s, QJsonValue(pick(key + 2))); // sometimes > key
        static const QStringList tiers{u"none"_s, u"digital_workshop"_s, u"smart_factory"_s,
                                       u"future_factory"_s, u"palace"_s};
        maybe(f, u"factory_tier"_s, QJsonValue(tiers.at(pick(tiers.size()))));
        maybe(f, u"factory_tier_year"_s, QJsonValue(2022 + pick(5)));
        maybe(f, u"robots_added"_s, QJsonValue(pick(9) - 1)); // -1 reads as unreported
        for (const QString &amount :
             {u"tech_invest_base_10k"_s, u"tech_invest_10k"_s, u"equipment_invest_base_10k"_s,
              u"equipment_invest_10k"_s, u"first_of_kind_invest_10k"_s})
            maybe(f, amount, QJsonValue(double(pick(100000)) / 7.0));
        return f;
    }

    QJsonObject equipmentFields(const QString &survey)
    {
        static const QStringList categories{u"machine_tool"_s,
                                            u"inspection_equipment"_s,
                                            u"hydro_generator"_s,
                                            u"motor"_s,
                                            u"pump"_s,
                                            u"mining_scaling"_s,
                                            u"hoist_wire_rope"_s,
                                            u"melting_furnace_fixed"_s,
                                            u"boiler"_s};
        static const QStringList statuses{u"in_service"_s, u"planned_renewal"_s, u"renewed"_s,
                                          u"eliminated"_s, u"broken"_s};
        static const QStringList levels{u"advanced"_s, u"energy_saving"_s, u"access"_s,
                                        u"below_access"_s, u"unknown"_s};
        QJsonObject f{{u"survey"_s, survey},
                      {u"category"_s, categories.at(pick(categories.size()))}};
        maybe(f, u"quantity"_s, QJsonValue(pick(6))); // 0 happens; absent counts as 1
        maybe(f, u"commissioned_year"_s, QJsonValue(1995 + pick(31)));
        maybe(f, u"key_energy"_s, QJsonValue(pick(2) == 0));
        maybe(f, u"efficiency_level"_s, QJsonValue(levels.at(pick(levels.size()))));
        maybe(f, u"status"_s, QJsonValue(statuses.at(pick(statuses.size()))));
        return f;
    }

    void addSurvey(const QString &uscc)
    {
        const QString id = uuid();
        surveys.append(id);
        add(u"survey"_s, id, surveyFields(uscc), pick(10) == 0);
        for (int e = pick(6); e > 0; --e) {
            equipment.append(uuid());
            add(u"equipment"_s, equipment.last(), equipmentFields(id), pick(10) == 0);
        }
        static const QStringList states{u"approved"_s, u"has_issues"_s, u"rejected"_s};
        for (int r = pick(4) == 0 ? pick(3) + 1 : 0; r > 0; --r) {
            add(u"review"_s, uuid(),
                {{u"entity"_s, pick(8) == 0 ? u"equipment"_s : u"survey"_s},
                 {u"record_id"_s, id},
                 {u"state"_s, states.at(pick(states.size()))}},
                pick(6) == 0);
        }
    }

    int pick(int n) { return n <= 1 ? 0 : int(m_random.bounded(n)); }

private:
    void maybe(QJsonObject &fields, const QString &name, const QJsonValue &value)
    {
        if (pick(8) != 0)
            fields.insert(name, value);
    }

    void add(const QString &entity, const QString &id, const QJsonObject &fields,
             bool deleted = false)
    {
        StoredRecord record;
        record.entity = entity;
        record.id = id;
        record.fields = fields;
        record.deleted = deleted;
        records.append(record);
    }

    QRandomGenerator m_random;
};

} // namespace

class Tst_server_coveragefacts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sqlSumsEqualTheEngine_data();
    void sqlSumsEqualTheEngine();
    void duplicateCountedSurveysPickTheGreatestId();

private:
    /** Compares report() with the engine for every period; false after the first QCOMPARE. */
    void compareWithEngine(const QString &when);
    /** Rewrites a record with new fields (rev + 1), as an edit does. */
    void edit(const QString &entity, const QString &id, const QJsonObject &changes,
              bool deleted = false);

    std::unique_ptr<TestDatabase> m_db;
};

void Tst_server_coveragefacts::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void Tst_server_coveragefacts::cleanup()
{
    m_db.reset();
}

void Tst_server_coveragefacts::edit(const QString &entity, const QString &id,
                                    const QJsonObject &changes, bool deleted)
{
    auto transaction = server::WriteTransaction::begin(m_db->db());
    QVERIFY(transaction);
    server::RecordStore store(m_db->db());
    auto current = store.get(entity, id);
    QVERIFY(current && current.value());
    StoredRecord record = *current.value();
    (void)server::RecordStore::applyServerChanges(
        record, changes, Hlc{TestClock::kStart + 1000, 0, server::RecordStore::kServerDevice});
    record.rev = current.value()->rev + 1; // a change even when no field differs
    record.deleted = deleted;
    if (auto written = store.write(record); !written)
        QFAIL(qPrintable(written.error().message));
    if (auto committed = transaction.value().commit(); !committed)
        QFAIL(qPrintable(committed.error().message));
}

void Tst_server_coveragefacts::compareWithEngine(const QString &when)
{
    for (const int period : kPeriods) {
        server::CoverageQuery query(m_db->db(), testRegions());
        auto input = query.load(period);
        QVERIFY2(input, input ? "" : qPrintable(input.error().message));
        auto fromSql = query.report(period);
        QVERIFY2(fromSql, fromSql ? "" : qPrintable(fromSql.error().message));
        const CoverageReport engine = computeCoverage(input.value());
        const CoverageReport &sql = fromSql.value();
        const QString at = u"%1, period %2"_s.arg(when).arg(period);
        QVERIFY2(engine.city.countedSurveys > 0 || period != 2024, qPrintable(at));
        QCOMPARE(sql.unassignedSurveys, engine.unassignedSurveys);
        QCOMPARE(sql.unassignedRegistry, engine.unassignedRegistry);
        QCOMPARE(sql.regions.size(), engine.regions.size());
        QList<const RegionFigures *> sqlRegions{&sql.city};
        QList<const RegionFigures *> engineRegions{&engine.city};
        for (qsizetype i = 0; i < engine.regions.size(); ++i) {
            sqlRegions.append(&sql.regions.at(i));
            engineRegions.append(&engine.regions.at(i));
        }
        for (qsizetype i = 0; i < engineRegions.size(); ++i) {
            const RegionFigures &a = *sqlRegions.at(i);
            const RegionFigures &b = *engineRegions.at(i);
            const QString where = at + u", region "_s + b.region;
            QVERIFY2(a.region == b.region, qPrintable(where));
            QVERIFY2(a.registry == b.registry, qPrintable(where + u": registry"_s));
            QVERIFY2(a.surveyed == b.surveyed, qPrintable(where + u": surveyed"_s));
            QVERIFY2(a.countedSurveys == b.countedSurveys, qPrintable(where + u": counted"_s));
            QVERIFY2(a.flaggedEnterprises == b.flaggedEnterprises,
                     qPrintable(where + u": flagged "_s + a.flaggedEnterprises.join(u',') +
                                u" / "_s + b.flaggedEnterprises.join(u',')));
            QCOMPARE(a.indicators.keys(), b.indicators.keys());
            for (auto it = b.indicators.cbegin(); it != b.indicators.cend(); ++it) {
                const Figure x = a.indicators.value(it.key());
                const Figure &y = it.value();
                const QString what = u"%1: %2 = %3 (%4/%5), engine %6 (%7/%8)"_s.arg(
                    where, it.key(), x.value ? QString::number(*x.value, 'g', 17) : u"null"_s,
                    QString::number(x.numerator, 'g', 17), QString::number(x.denominator, 'g', 17),
                    y.value ? QString::number(*y.value, 'g', 17) : u"null"_s,
                    QString::number(y.numerator, 'g', 17), QString::number(y.denominator, 'g', 17));
                QVERIFY2(bool(x.value) == bool(y.value), qPrintable(what));
                if (x.value)
                    QVERIFY2(close(*x.value, *y.value), qPrintable(what));
                QVERIFY2(close(x.numerator, y.numerator), qPrintable(what));
                QVERIFY2(close(x.denominator, y.denominator), qPrintable(what));
                QVERIFY2(bool(x.target) == bool(y.target), qPrintable(what));
                if (x.target)
                    QVERIFY2(x.target->value == y.target->value, qPrintable(what));
                QVERIFY2(x.met == y.met, qPrintable(what + u": met"_s));
            }
        }
    }
}

void Tst_server_coveragefacts::sqlSumsEqualTheEngine_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("enterprises");
    QTest::newRow("seed 1") << quint32(1) << 120;
    QTest::newRow("seed 20241128") << quint32(20241128) << 200;
    QTest::newRow("seed 7, small") << quint32(7) << 25;
}

void Tst_server_coveragefacts::sqlSumsEqualTheEngine()
{
    QFETCH(quint32, seed);
    QFETCH(int, enterprises);
    Generator gen(seed);
    gen.generate(enterprises);
    // Half the registry before the records and half after: both orders must mark.
    const qsizetype half = gen.registry.size() / 2;
    QCOMPARE(storeRegistry(m_db->db(), gen.registry.mid(0, half)), QString());
    QCOMPARE(storeRecords(m_db->db(), gen.records), QString());
    QCOMPARE(storeRegistry(m_db->db(), gen.registry.mid(half)), QString());
    compareWithEngine(u"as written"_s);

    // Edits, one transaction each: owners change, records die and come back, reviews flip.
    for (int round = 0; round < 60; ++round) {
        switch (gen.pick(8)) {
        case 0: // a survey moves to another enterprise
            edit(u"survey"_s, gen.surveys.at(gen.pick(gen.surveys.size())),
                 {{u"enterprise"_s, gen.enterprises.at(gen.pick(gen.enterprises.size()))}});
            break;
        case 1: // or to another period, or is submitted
            edit(u"survey"_s, gen.surveys.at(gen.pick(gen.surveys.size())),
                 {{u"period"_s, kPeriods.at(gen.pick(kPeriods.size()))},
                  {u"state"_s, u"submitted"_s}});
            break;
        case 2: // a row is re-parented, as a folded duplicate survey's rows are
            if (!gen.equipment.isEmpty()) {
                edit(u"equipment"_s, gen.equipment.at(gen.pick(gen.equipment.size())),
                     {{u"survey"_s, gen.surveys.at(gen.pick(gen.surveys.size()))},
                      {u"status"_s, u"eliminated"_s}});
            }
            break;
        case 3: // deleted, or revived
            edit(u"survey"_s, gen.surveys.at(gen.pick(gen.surveys.size())), {}, gen.pick(2) == 0);
            break;
        case 4:
            if (!gen.equipment.isEmpty()) {
                edit(u"equipment"_s, gen.equipment.at(gen.pick(gen.equipment.size())),
                     {{u"quantity"_s, gen.pick(9)}}, gen.pick(3) == 0);
            }
            break;
        case 5: { // a new review, the latest
            const QString survey = gen.surveys.at(gen.pick(gen.surveys.size()));
            QCOMPARE(storeRecords(
                         m_db->db(),
                         {StoredRecord{u"review"_s,
                                       uuid(),
                                       0,
                                       0,
                                       false,
                                       {{u"entity"_s, u"survey"_s},
                                        {u"record_id"_s, survey},
                                        {u"state"_s, gen.pick(2) ? u"rejected"_s : u"approved"_s}},
                                       {},
                                       {},
                                       {}}}),
                     QString());
            break;
        }
        case 6: { // the registry moves an enterprise or changes its size
            const RegistryEntry &entry = gen.registry.at(gen.pick(gen.registry.size()));
            const QStringList regions = testRegions().regionCodes();
            auto transaction = server::WriteTransaction::begin(m_db->db());
            QVERIFY(transaction);
            QVERIFY(m_db->db()
                        .run(u"UPDATE registry SET region = ?, above_size = ? WHERE uscc = ?"_s,
                             {regions.at(gen.pick(regions.size())), gen.pick(2), entry.uscc})
                        .ok());
            QVERIFY(server::CoverageFacts::markEnterprise(m_db->db(), entry.uscc).ok());
            QVERIFY(transaction.value().commit().ok());
            break;
        }
        default: // an enterprise record moves or is deleted
            const QString uscc = gen.enterprises.at(gen.pick(gen.enterprises.size()));
            if (server::RecordStore(m_db->db()).get(u"enterprise"_s, uscc).value()) {
                edit(u"enterprise"_s, uscc,
                     {{u"region"_s, testRegions().regionCodes().constFirst()}}, gen.pick(3) == 0);
            }
        }
        if (QTest::currentTestFailed())
            return;
    }
    compareWithEngine(u"after edits"_s);
    if (QTest::currentTestFailed())
        return;

    // The incremental rows are those a rebuild makes.
    auto before = m_db->db().exec(u"SELECT COUNT(*), SUM(eq_all), SUM(rate) FROM coverage_facts"_s);
    QVERIFY(before && before.value().next());
    const QList<double> counts{before.value().value(0).toDouble(),
                               before.value().value(1).toDouble(),
                               before.value().value(2).toDouble()};
    {
        auto transaction = server::WriteTransaction::begin(m_db->db());
        QVERIFY(transaction);
        QVERIFY(server::CoverageFacts::rebuild(m_db->db()).ok());
        QVERIFY(transaction.value().commit().ok());
    }
    auto after = m_db->db().exec(u"SELECT COUNT(*), SUM(eq_all), SUM(rate) FROM coverage_facts"_s);
    QVERIFY(after && after.value().next());
    for (int i = 0; i < 3; ++i)
        QVERIFY(close(after.value().value(i).toDouble(), counts.at(i)));
    compareWithEngine(u"after a rebuild"_s);
}

void Tst_server_coveragefacts::duplicateCountedSurveysPickTheGreatestId()
{
    // The server refuses a second survey of an enterprise and period, but the engine's rule for
    // one that got in anyway (the greatest id counts) holds here too.
    QCOMPARE(
        storeRegistry(m_db->db(), {RegistryEntry{u"E1"_s, u"一"_s, u"331102"_s, u"3311"_s, true}}),
        QString());
    const QJsonObject low{{u"enterprise"_s, u"E1"_s},
                          {u"period"_s, 2024},
                          {u"state"_s, u"submitted"_s},
                          {u"digital_level"_s, 0}};
    QJsonObject high = low;
    high.insert(u"digital_level"_s, 3);
    QCOMPARE(storeRecords(m_db->db(),
                          {StoredRecord{u"survey"_s, u"b-survey"_s, 0, 0, false, high, {}, {}, {}},
                           StoredRecord{u"survey"_s, u"a-survey"_s, 0, 0, false, low, {}, {}, {}}}),
             QString());
    auto report = server::CoverageQuery(m_db->db(), testRegions()).report(2024);
    QVERIFY(report);
    const Figure digital =
        report.value().city.indicators.value(indicator::kDigitalRenovationCoverage);
    QCOMPARE(digital.numerator, 1.0);
    QCOMPARE(digital.denominator, 1.0);
    compareWithEngine(u"two counted surveys"_s);
}

QTEST_GUILESS_MAIN(Tst_server_coveragefacts)
#include "tst_server_coveragefacts.moc"
