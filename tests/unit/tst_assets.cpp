// The shipped data (assets/forms, assets/regions) against docs/design.md: every field the
// indicators and the sync contract depend on exists with its type and codes, and the data loads
// through the core exactly as the server and the app will load it.
#include "core/formdefinition.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace gx;
using namespace Qt::StringLiterals;

namespace {

QString assetsDir()
{
    const QString fromEnv = qEnvironmentVariable("GX_ASSETS_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(GX_ASSETS_DIR) : fromEnv;
}

QSet<QString> optionCodes(const FieldDefinition &field)
{
    QSet<QString> codes;
    for (const ChoiceOption &option : field.options)
        codes.insert(option.value.isString() ? option.value.toString()
                                             : QString::number(option.value.toInteger()));
    return codes;
}

} // namespace

class Tst_assets : public QObject
{
    Q_OBJECT

private:
    std::optional<FormDefinition> m_form;

private slots:
    void initTestCase()
    {
        auto loaded = FormDefinition::load(assetsDir() + u"/forms/survey.v1.json"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        m_form = std::move(loaded).value();
    }

    void identity()
    {
        QCOMPARE(m_form->id(), u"lishui-equipment-renewal"_s);
        QCOMPARE(m_form->version(), 1);
        QVERIFY(!m_form->title().zh.isEmpty());
        QVERIFY(!m_form->title().en.isEmpty());
    }

    void designFields_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("type");
        const QList<std::tuple<const char *, const char *, const char *>> rows = {
            {"enterprise", "uscc", "text"},
            {"enterprise", "name", "text"},
            {"enterprise", "region", "text"},
            {"enterprise", "industry_code", "text"},
            {"enterprise", "cluster", "single_choice"},
            {"enterprise", "above_size", "bool"},
            {"enterprise", "revenue_10k", "decimal"},
            {"enterprise", "employees", "integer"},
            {"enterprise", "address", "text"},
            {"enterprise", "contact_name", "text"},
            {"enterprise", "contact_phone", "text"},
            {"survey", "enterprise", "text"},
            {"survey", "period", "integer"},
            {"survey", "state", "single_choice"},
            {"survey", "visit_date", "date"},
            {"survey", "digital_level", "single_choice"},
            {"survey", "renovation_status", "single_choice"},
            {"survey", "design_tools", "bool"},
            {"survey", "design_tool_kinds", "multiple_choice"},
            {"survey", "key_processes", "integer"},
            {"survey", "key_processes_cnc", "integer"},
            {"survey", "factory_tier", "single_choice"},
            {"survey", "factory_tier_year", "integer"},
            {"survey", "robots_total", "integer"},
            {"survey", "robots_added", "integer"},
            {"survey", "tech_invest_base_10k", "decimal"},
            {"survey", "tech_invest_10k", "decimal"},
            {"survey", "equipment_invest_base_10k", "decimal"},
            {"survey", "equipment_invest_10k", "decimal"},
            {"survey", "first_of_kind_invest_10k", "decimal"},
            {"survey", "uses_5g", "bool"},
            {"survey", "location", "location"},
            {"survey", "notes", "text"},
            {"equipment", "survey", "text"},
            {"equipment", "category", "single_choice"},
            {"equipment", "name", "text"},
            {"equipment", "model", "text"},
            {"equipment", "manufacturer", "text"},
            {"equipment", "quantity", "integer"},
            {"equipment", "commissioned_year", "integer"},
            {"equipment", "is_cnc", "bool"},
            {"equipment", "key_energy", "bool"},
            {"equipment", "efficiency_level", "single_choice"},
            {"equipment", "rated_power_kw", "decimal"},
            {"equipment", "status", "single_choice"},
            {"equipment", "planned_year", "integer"},
            {"equipment", "planned_invest_10k", "decimal"},
            {"equipment", "photo", "photo"},
            {"key_process", "survey", "text"},
            {"key_process", "name", "text"},
            {"key_process", "is_cnc", "bool"},
        };
        for (const auto &[entity, field, type] : rows)
            QTest::addRow("%s.%s", entity, field)
                << QString::fromLatin1(entity) << QString::fromLatin1(field)
                << QString::fromLatin1(type);
    }

    void designFields()
    {
        QFETCH(QString, entity);
        QFETCH(QString, field);
        QFETCH(QString, type);
        const EntityDefinition *e = m_form->entity(entity);
        QVERIFY2(e, qPrintable(entity));
        const FieldDefinition *f = e->field(field);
        QVERIFY2(f, qPrintable(field));
        QCOMPARE(fieldTypeName(f->type), type);
        QVERIFY2(!f->label.zh.isEmpty() && !f->label.en.isEmpty(), "labels in both languages");
    }

    void choiceCodes_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<bool>("exact");
        QTest::newRow("cluster") << u"enterprise"_s << u"cluster"_s
                                 << QStringList{u"semiconductor"_s, u"precision"_s, u"health"_s,
                                                u"fashion"_s,       u"digital"_s,   u"other"_s}
                                 << true;
        QTest::newRow("state") << u"survey"_s << u"state"_s
                               << QStringList{u"draft"_s, u"submitted"_s} << true;
        QTest::newRow("digital_level")
            << u"survey"_s << u"digital_level"_s
            << QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s} << true;
        QTest::newRow("renovation_status")
            << u"survey"_s << u"renovation_status"_s
            << QStringList{u"not_started"_s, u"in_progress"_s, u"completed"_s} << true;
        QTest::newRow("design_tool_kinds")
            << u"survey"_s << u"design_tool_kinds"_s
            << QStringList{u"cad2d"_s,   u"cad3d"_s, u"cae"_s,        u"capp"_s,
                           u"pdm_plm"_s, u"eda"_s,   u"process_sim"_s}
            << true;
        QTest::newRow("factory_tier") << u"survey"_s << u"factory_tier"_s
                                      << QStringList{u"none"_s, u"digital_workshop"_s,
                                                     u"smart_factory"_s, u"future_factory"_s}
                                      << true;
        QTest::newRow("efficiency_level")
            << u"equipment"_s << u"efficiency_level"_s
            << QStringList{u"advanced"_s, u"energy_saving"_s, u"access"_s, u"below_access"_s,
                           u"unknown"_s}
            << true;
        QTest::newRow("status") << u"equipment"_s << u"status"_s
                                << QStringList{u"in_service"_s, u"planned_renewal"_s, u"renewed"_s,
                                               u"eliminated"_s}
                                << true;
        // The categories the indicator engine reads, and a sample of the others the policy names.
        QTest::newRow("category") << u"equipment"_s << u"category"_s
                                  << QStringList{u"machine_tool"_s,
                                                 u"inspection_equipment"_s,
                                                 u"hydro_generator"_s,
                                                 u"motor"_s,
                                                 u"pump"_s,
                                                 u"fan"_s,
                                                 u"compressor"_s,
                                                 u"transformer"_s,
                                                 u"boiler"_s,
                                                 u"mining_scaling"_s,
                                                 u"mining_drill_jumbo"_s,
                                                 u"mining_raise_borer"_s,
                                                 u"mining_haul_truck"_s,
                                                 u"melting_furnace_fixed"_s,
                                                 u"hoist_wire_rope"_s,
                                                 u"wire_rod_mill"_s,
                                                 u"bending_machine"_s,
                                                 u"wood_planer"_s,
                                                 u"table_saw"_s,
                                                 u"scroll_saw"_s,
                                                 u"reactor"_s,
                                                 u"distillation_column"_s,
                                                 u"heat_exchanger"_s,
                                                 u"storage_tank"_s,
                                                 u"pressure_vessel"_s,
                                                 u"ultrasonic_welder"_s,
                                                 u"laser_welder"_s,
                                                 u"electrolyte_filler"_s,
                                                 u"formation_cabinet"_s,
                                                 u"assembly_line"_s,
                                                 u"welding_robot"_s,
                                                 u"evaporator"_s,
                                                 u"centrifuge"_s,
                                                 u"dryer"_s,
                                                 u"ion_exchange"_s,
                                                 u"industrial_robot"_s,
                                                 u"agv"_s,
                                                 u"plc_dcs_scada"_s,
                                                 u"other"_s}
                                  << false;
    }

    void choiceCodes()
    {
        QFETCH(QString, entity);
        QFETCH(QString, field);
        QFETCH(QStringList, codes);
        QFETCH(bool, exact);
        const FieldDefinition *f = m_form->entity(entity)->field(field);
        QVERIFY(f);
        const QSet<QString> have = optionCodes(*f);
        for (const QString &code : codes)
            QVERIFY2(have.contains(code), qPrintable(u"missing option "_s + code));
        if (exact)
            QCOMPARE(have.size(), codes.size());
        for (const ChoiceOption &option : f->options)
            QVERIFY2(!option.label.zh.isEmpty() && !option.label.en.isEmpty(),
                     qPrintable(u"label of option "_s + option.value.toVariant().toString()));
    }

    void repeatGroups_data()
    {
        QTest::addColumn<QString>("child");
        QTest::newRow("equipment") << u"equipment"_s;
        QTest::newRow("key_process") << u"key_process"_s;
    }

    void repeatGroups()
    {
        QFETCH(QString, child);
        const EntityDefinition *e = m_form->entity(child);
        QVERIFY(e);
        QCOMPARE(e->parent, u"survey"_s);
        QCOMPARE(e->parentField, u"survey"_s);
        QCOMPARE(e->field(u"survey"_s)->check, FieldCheck::Uuid);
        bool listed = false;
        for (const SectionDefinition &section : m_form->entity(u"survey"_s)->sections)
            listed = listed || section.repeat == child;
        QVERIFY2(listed, "the survey form has a section listing the rows");
    }

    void everyFieldOnOnePageAtMost()
    {
        for (const EntityDefinition &entity : m_form->entities()) {
            QSet<QString> seen;
            for (const SectionDefinition &section : entity.sections) {
                QVERIFY(!section.label.zh.isEmpty() && !section.label.en.isEmpty());
                for (const QString &name : section.fields) {
                    QVERIFY2(!seen.contains(name), qPrintable(entity.name + u'.' + name));
                    seen.insert(name);
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(Tst_assets)
#include "tst_assets.moc"
