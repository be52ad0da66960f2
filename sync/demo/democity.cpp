#include "sync/demo/democity.h"

#include "core/indicators.h"
#include "core/uscc.h"
#include "sync/demo/demodata.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const DemoIndustry &industryByCode(const QString &code)
{
    for (const DemoIndustry &industry : DemoData::industries()) {
        if (industry.code == code)
            return industry;
    }
    qFatal("demo: no industry %s", qUtf8Printable(code));
}

/** Regions whose mountain rivers carry small hydro stations run by factories. */
bool hasSmallHydro(const QString &region)
{
    static const QStringList regions{u"331123"_s, u"331124"_s, u"331126"_s, u"331127"_s,
                                     u"331181"_s};
    return regions.contains(region);
}

QJsonArray pickDistinct(DemoRandom &random, const QStringList &from, int count)
{
    QStringList pool = from;
    QJsonArray out;
    for (int i = 0; i < count && !pool.isEmpty(); ++i)
        out.append(pool.takeAt(random.between(0, int(pool.size()) - 1)));
    return out;
}

} // namespace

DemoCityBuilder::DemoCityBuilder(const RegionCatalog &catalog, DemoOptions options)
    : m_catalog(catalog)
    , m_options(options)
    , m_random(options.seed)
{}

DemoCity DemoCityBuilder::build()
{
    DemoCity whole;
    (void)build(
        [&whole](const DemoCity &part) {
            whole.period = part.period;
            whole.registry += part.registry;
            whole.records += part.records;
            whole.reviews += part.reviews;
            whole.official += part.official;
            whole.enterpriseUserUscc = part.enterpriseUserUscc;
            return true;
        },
        m_options.enterprises);
    return whole;
}

bool DemoCityBuilder::build(const std::function<bool(const DemoCity &)> &sink, int batch)
{
    m_city = DemoCity{};
    m_city.period = m_options.period;
    m_registryRows = 0;
    m_surveys = 0;
    auto flush = [&] {
        const bool more = sink(m_city);
        m_city.registry.clear();
        m_city.records.clear();
        m_city.reviews.clear();
        m_city.official.clear();
        return more;
    };
    // Enterprises found in the field that the bureau's list does not have (below size).
    const int extra = std::max(2, m_options.enterprises / 40);
    for (int i = 0; i < m_options.enterprises + extra; ++i) {
        addEnterprise(i, i < m_options.enterprises);
        if ((i + 1) % std::max(batch, 1) == 0 && !flush())
            return false;
    }
    addOfficialFigures();
    return flush();
}

const DemoIndustry &DemoCityBuilder::pickIndustry(const DemoPlace &place)
{
    if (!place.specialities.isEmpty() && m_random.chance(0.4))
        return industryByCode(m_random.pick(place.specialities));
    QList<int> weights;
    for (const DemoIndustry &industry : DemoData::industries())
        weights.append(industry.weight);
    return DemoData::industries().at(m_random.weighted(weights));
}

QString DemoCityBuilder::newUscc(const DemoPlace &place)
{
    for (;;) {
        const QString body = u"%1"_s.arg(m_random.between(10000000, 99999999));
        const QString code = makeUscc(u'9', u'1', place.division, body);
        if (!code.isEmpty() && !m_usccs.contains(code)) {
            m_usccs.insert(code);
            return code;
        }
    }
}

QString DemoCityBuilder::newName(const DemoPlace &place, const DemoIndustry &industry)
{
    QString name;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int prefixKind = m_random.weighted({70, 20, 10});
        const QString prefix = prefixKind == 0   ? place.prefix
                               : prefixKind == 1 ? u"浙江"_s
                                                 : QString();
        QString brand =
            m_random.pick(DemoData::brandFirst()) + m_random.pick(DemoData::brandSecond());
        if (attempt >= 4)
            brand += m_random.pick(DemoData::brandSecond());
        const int suffixKind = m_random.weighted({78, 14, 8});
        const QString suffix = suffixKind == 0   ? u"有限公司"_s
                               : suffixKind == 1 ? u"股份有限公司"_s
                                                 : u"科技有限公司"_s;
        name = prefix + brand + industry.word + suffix;
        if (!m_names.contains(name))
            break;
    }
    m_names.insert(name);
    return name;
}

void DemoCityBuilder::addEnterprise(int index, bool inRegistry)
{
    const QList<DemoPlace> &places = DemoData::places();
    QList<int> weights;
    for (const DemoPlace &place : places)
        weights.append(place.weight);
    // The first enterprises go one to each region, so that every region has some.
    const DemoPlace &place =
        index < places.size() ? places.at(index) : places.at(m_random.weighted(weights));
    const DemoIndustry &industry = pickIndustry(place);
    const bool aboveSize = inRegistry && m_random.chance(0.85);
    const QString uscc = newUscc(place);
    const QString name = newName(place, industry);

    DemoRecord enterprise{u"enterprise"_s, uscc, place.region, uscc, {}};
    QJsonObject &f = enterprise.fields;
    f.insert(u"uscc"_s, uscc);
    f.insert(u"name"_s, name);
    f.insert(u"region"_s, place.region);
    f.insert(u"industry_code"_s, industry.code);
    f.insert(u"cluster"_s, industry.cluster);
    f.insert(u"above_size"_s, aboveSize);
    f.insert(u"revenue_10k"_s,
             aboveSize ? m_random.rounded(2000, 90000, 1) : m_random.rounded(150, 1999, 1));
    f.insert(u"employees"_s, aboveSize ? m_random.between(40, 900) : m_random.between(6, 60));
    f.insert(u"address"_s, u"%1%2%3号"_s.arg(place.district, m_random.pick(place.streets))
                               .arg(m_random.between(1, 888)));
    f.insert(u"contact_name"_s,
             QString(m_random.pick(DemoData::surnames()) + m_random.pick(DemoData::givenNames())));
    f.insert(u"contact_phone"_s,
             u"1%1%2"_s.arg(QList<int>{3, 5, 7, 8, 9}.at(m_random.between(0, 4)))
                 .arg(m_random.between(100000000, 999999999)));
    m_city.records.append(enterprise);
    if (inRegistry) {
        m_city.registry.append(
            RegistryRow{++m_registryRows + 1, uscc, name, place.region, industry.code, aboveSize});
    }

    const Plan plan = m_random.chance(0.75) ? nextPlan() : Plan::None;
    if (plan != Plan::None)
        addSurvey(enterprise, place, industry, plan);
}

DemoCityBuilder::Plan DemoCityBuilder::nextPlan()
{
    // The first surveys take every state in turn, so that even a small city shows them all.
    static const QList<Plan> first{Plan::Submitted, Plan::Approved, Plan::HasIssues, Plan::Rejected,
                                   Plan::Draft};
    const int n = m_surveys++;
    if (n < first.size())
        return first.at(n);
    static const QList<Plan> plans{Plan::Draft, Plan::Submitted, Plan::Approved, Plan::HasIssues,
                                   Plan::Rejected};
    return plans.at(m_random.weighted({12, 20, 48, 13, 7}));
}

QJsonObject DemoCityBuilder::surveyFields(const QString &uscc, const DemoPlace &place,
                                          const DemoIndustry &industry, bool aboveSize)
{
    const int period = m_options.period;
    QJsonObject f;
    f.insert(u"enterprise"_s, uscc);
    f.insert(u"period"_s, period);
    f.insert(u"visit_date"_s,
             QDate(period, 3, 1).addDays(m_random.between(0, 260)).toString(Qt::ISODate));
    f.insert(u"location"_s,
             QJsonObject{{u"lat"_s, m_random.rounded(place.lat - 0.08, place.lat + 0.08, 5)},
                         {u"lon"_s, m_random.rounded(place.lon - 0.08, place.lon + 0.08, 5)}});
    if (m_random.chance(0.3)) {
        f.insert(u"notes"_s, m_random.pick(QStringList{u"企业负责人陪同走访。"_s,
                                                       u"设备台账齐全，已拍照留存铭牌。"_s,
                                                       u"计划明年申报数字化车间。"_s}));
    }
    const int level =
        aboveSize ? m_random.weighted({8, 30, 32, 20, 10}) : m_random.weighted({35, 40, 18, 6, 1});
    f.insert(u"digital_level"_s, level);
    f.insert(u"renovation_status"_s,
             level == 0 ? (m_random.chance(0.7) ? u"not_started"_s : u"in_progress"_s)
                        : (m_random.chance(0.6) ? u"completed"_s : u"in_progress"_s));
    const bool designTools = m_random.chance(aboveSize ? 0.8 : 0.45);
    f.insert(u"design_tools"_s, designTools);
    if (designTools) {
        QJsonArray kinds = pickDistinct(
            m_random, {u"cad2d"_s, u"cad3d"_s, u"cae"_s, u"capp"_s, u"pdm_plm"_s, u"process_sim"_s},
            m_random.between(1, 3));
        if (industry.cluster == "semiconductor"_L1)
            kinds.append(u"eda"_s);
        f.insert(u"design_tool_kinds"_s, kinds);
    }
    const int keyProcesses = aboveSize ? m_random.between(2, 8) : m_random.between(0, 5);
    f.insert(u"key_processes"_s, keyProcesses);
    f.insert(u"key_processes_cnc"_s,
             std::min(keyProcesses, int(keyProcesses * m_random.real(0.2, 1.0) + 0.5)));
    f.insert(u"uses_5g"_s, m_random.chance(0.25));
    QString tier = u"none"_s;
    if (level >= 3)
        tier =
            QStringList{u"none"_s, u"digital_workshop"_s, u"smart_factory"_s, u"future_factory"_s}
                .at(m_random.weighted({50, 30, 15, 5}));
    else if (level == 2 && m_random.chance(0.2))
        tier = u"digital_workshop"_s;
    f.insert(u"factory_tier"_s, tier);
    if (tier != "none"_L1)
        f.insert(u"factory_tier_year"_s, m_random.between(period - 5, period));
    const int robots = aboveSize && m_random.chance(0.5) ? m_random.between(1, 40) : 0;
    f.insert(u"robots_total"_s, robots);
    f.insert(u"robots_added"_s, m_random.between(0, robots / 2));
    const double techBase = aboveSize ? m_random.rounded(50, 3000, 1) : m_random.rounded(5, 300, 1);
    f.insert(u"tech_invest_base_10k"_s, techBase);
    f.insert(u"tech_invest_10k"_s, double(qint64(techBase * m_random.real(0.8, 1.5) * 10)) / 10);
    const double equipmentBase = double(qint64(techBase * m_random.real(0.5, 1.5) * 10)) / 10;
    const double equipment = double(qint64(equipmentBase * m_random.real(0.7, 1.6) * 10)) / 10;
    f.insert(u"equipment_invest_base_10k"_s, equipmentBase);
    f.insert(u"equipment_invest_10k"_s, equipment);
    if (m_random.chance(0.1))
        f.insert(u"first_of_kind_invest_10k"_s,
                 double(qint64(equipment * m_random.real(0.1, 0.4) * 10)) / 10);
    return f;
}

void DemoCityBuilder::addSurvey(const DemoRecord &enterprise, const DemoPlace &place,
                                const DemoIndustry &industry, Plan plan)
{
    const bool aboveSize = enterprise.fields.value("above_size"_L1).toBool();
    DemoRecord survey{u"survey"_s, m_random.uuid(), enterprise.region, enterprise.id, {}};
    survey.fields = surveyFields(enterprise.id, place, industry, aboveSize);
    const bool draft = plan == Plan::Draft;
    survey.fields.insert(u"state"_s, draft ? u"draft"_s : u"submitted"_s);
    if (draft) {
        // A draft is half filled: drop some of what a finished survey answers.
        static const QStringList droppable{u"design_tools"_s,
                                           u"design_tool_kinds"_s,
                                           u"key_processes"_s,
                                           u"key_processes_cnc"_s,
                                           u"factory_tier"_s,
                                           u"factory_tier_year"_s,
                                           u"robots_total"_s,
                                           u"robots_added"_s,
                                           u"tech_invest_base_10k"_s,
                                           u"tech_invest_10k"_s,
                                           u"equipment_invest_base_10k"_s,
                                           u"equipment_invest_10k"_s,
                                           u"first_of_kind_invest_10k"_s,
                                           u"uses_5g"_s};
        for (const QString &name : droppable) {
            if (m_random.chance(0.5))
                survey.fields.remove(name);
        }
    }
    m_city.records.append(survey);
    if (enterprise.region == "331102"_L1 && m_city.enterpriseUserUscc.isEmpty())
        m_city.enterpriseUserUscc = enterprise.id;

    const int rows = draft       ? m_random.between(0, 4)
                     : aboveSize ? m_random.between(6, 18)
                                 : m_random.between(2, 8);
    addEquipment(survey, place, industry, rows);
    if (!draft) {
        addKeyProcesses(survey, survey.fields.value("key_processes"_L1).toInt(),
                        survey.fields.value("key_processes_cnc"_L1).toInt());
    }
    addReviews(survey, plan);
}

void DemoCityBuilder::addEquipment(const DemoRecord &survey, const DemoPlace &place,
                                   const DemoIndustry &industry, int rows)
{
    const int period = m_options.period;
    for (int i = 0; i < rows; ++i) {
        QString category = !industry.equipment.isEmpty() && m_random.chance(0.35)
                               ? m_random.pick(industry.equipment)
                               : m_random.pick(DemoData::commonEquipment());
        if (i == 0 && hasSmallHydro(place.region) && m_random.chance(0.06))
            category = u"hydro_generator"_s;
        const DemoEquipmentKind &kind = DemoData::equipmentKind(category);
        DemoRecord row{u"equipment"_s, m_random.uuid(), survey.region, survey.enterprise, {}};
        QJsonObject &f = row.fields;
        const QString name = m_random.pick(kind.names);
        f.insert(u"survey"_s, survey.id);
        f.insert(u"category"_s, category);
        f.insert(u"name"_s, name);
        f.insert(u"model"_s, m_random.pick(kind.models));
        f.insert(u"manufacturer"_s, m_random.pick(kind.manufacturers));
        f.insert(u"quantity"_s, m_random.between(1, kind.maxQuantity));
        // Machine tools and hydro sets are often old: the aged-equipment figures need them.
        const bool oldKind = category == "machine_tool"_L1 || category == "hydro_generator"_L1 ||
                             category == "inspection_equipment"_L1;
        const int commissioned = m_random.between(oldKind ? 1992 : 2004, period);
        f.insert(u"commissioned_year"_s, commissioned);
        if (kind.cnc) {
            const bool manual =
                name.startsWith(u"普通"_s) || name.contains(u"摇臂"_s) || name.contains(u"磨床"_s);
            f.insert(u"is_cnc"_s, !manual);
        }
        f.insert(u"key_energy"_s, kind.keyEnergy);
        if (kind.keyEnergy) {
            static const QStringList levels{u"advanced"_s, u"energy_saving"_s, u"access"_s,
                                            u"below_access"_s, u"unknown"_s};
            const int age = period - commissioned;
            f.insert(u"efficiency_level"_s,
                     levels.at(age <= 4    ? m_random.weighted({30, 40, 25, 3, 2})
                               : age <= 14 ? m_random.weighted({10, 35, 40, 10, 5})
                                           : m_random.weighted({3, 15, 40, 35, 7})));
        }
        f.insert(u"rated_power_kw"_s, m_random.rounded(kind.minPowerKw, kind.maxPowerKw, 1));
        static const QStringList statuses{u"in_service"_s, u"planned_renewal"_s, u"renewed"_s,
                                          u"eliminated"_s};
        const bool old = period - commissioned > 15;
        const QString status = statuses.at(old ? m_random.weighted({55, 25, 10, 10})
                                               : m_random.weighted({80, 12, 6, 2}));
        f.insert(u"status"_s, status);
        if (status == "planned_renewal"_L1) {
            f.insert(u"planned_year"_s, m_random.between(std::max(period, commissioned), 2027));
            f.insert(u"planned_invest_10k"_s, m_random.rounded(5, 300, 1));
        }
        m_city.records.append(row);
    }
}

void DemoCityBuilder::addKeyProcesses(const DemoRecord &survey, int count, int cnc)
{
    const QJsonArray names = pickDistinct(m_random, DemoData::keyProcesses(), count);
    for (int i = 0; i < names.size(); ++i) {
        DemoRecord row{u"key_process"_s, m_random.uuid(), survey.region, survey.enterprise, {}};
        row.fields.insert(u"survey"_s, survey.id);
        row.fields.insert(u"name"_s, names.at(i).toString());
        row.fields.insert(u"is_cnc"_s, i < cnc);
        if (i < cnc && m_random.chance(0.5))
            row.fields.insert(u"equipment_note"_s, u"数控设备加工，程序自动控制。"_s);
        m_city.records.append(row);
    }
}

void DemoCityBuilder::addReviews(const DemoRecord &survey, Plan plan)
{
    const QDate visit =
        QDate::fromString(survey.fields.value("visit_date"_L1).toString(), Qt::ISODate);
    // 10:00 in Lishui (UTC+8) some days after the visit, then later for each further review.
    qint64 at = QDateTime(visit, QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();
    auto review = [&](const QString &state, const QString &comment, const QString &field) {
        at += qint64(m_random.between(5, 30)) * 24 * 3600 * 1000 +
              qint64(m_random.between(0, 8 * 3600)) * 1000;
        m_city.reviews.append(DemoReview{
            ReviewRequest{u"survey"_s, survey.id, state, comment, field}, m_random.uuid(), at});
    };
    const auto &issues = DemoData::issueComments();
    switch (plan) {
    case Plan::Approved:
        // Some were sent back first and approved once fixed: the latest review counts.
        if (m_random.chance(0.3)) {
            const auto &[field, comment] = m_random.pick(issues);
            review(u"has_issues"_s, comment, field);
        }
        review(u"approved"_s, m_random.chance(0.5) ? u"数据完整，审核通过。"_s : QString(), {});
        break;
    case Plan::HasIssues: {
        const auto &[field, comment] = m_random.pick(issues);
        review(u"has_issues"_s, comment, field);
        break;
    }
    case Plan::Rejected:
        review(u"rejected"_s, m_random.pick(DemoData::rejectComments()), {});
        break;
    case Plan::None:
    case Plan::Draft:
    case Plan::Submitted:
        break;
    }
}

void DemoCityBuilder::addOfficialFigures()
{
    QList<const Region *> regions{&m_catalog.city()};
    for (const Region &region : m_catalog.regions())
        regions.append(&region);
    for (const Region *region : regions) {
        for (const QString &indicator : officialIndicatorNames()) {
            const auto target = region->target(indicator, m_options.period);
            const double value = m_random.rounded(target ? target->value - 0.04 : 0.02,
                                                  (target ? target->value : 0.1) + 0.05, 3);
            const double base = region == &m_catalog.city() ? m_random.rounded(400, 900, 2)
                                                            : m_random.rounded(20, 120, 2);
            const double current = double(qint64(base * (1 + value) * 100 + 0.5)) / 100;
            m_city.official.append(OfficialFigureEntry{region->code, m_options.period, indicator,
                                                       value, current, base});
        }
    }
}

} // namespace gx::server
