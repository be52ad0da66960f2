// The validator against a small definition written here (every field type, a relevance, rules
// with and without `when`, every check) and against the real survey definition of assets/forms.
//
// Rows give a record as a patch over a known-good record (or over nothing), the mode, and the
// issues expected as "field:code" (empty field for the whole record). Each issue's message must
// be non-empty in both languages and, for a field of the definition, name it by its Chinese label.
#include "core/formdefinition.h"
#include "core/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using gx::Severity;
using gx::ValidationIssue;
using gx::ValidationMode;

Q_DECLARE_METATYPE(gx::ValidationMode)

namespace {

// A definition that exercises every field type, relevance, rules and checks. Labels are the
// ones the messages must quote.
constexpr char kDefinition[] = R"({
  "form": "validator-test", "version": 3,
  "title": {"zh_CN": "校验测试", "en": "Validation test"},
  "entities": [
    {"name": "plant", "label": {"zh_CN": "企业", "en": "Plant"},
     "fields": [
       {"name": "uscc", "type": "text", "label": {"zh_CN": "统一社会信用代码", "en": "USCC"},
        "required": true, "check": "uscc"},
       {"name": "name", "type": "text", "label": {"zh_CN": "企业名称", "en": "Name"},
        "required": true, "min_length": 2, "max_length": 10},
       {"name": "region", "type": "text", "label": {"zh_CN": "所在县", "en": "County"},
        "check": "region"},
       {"name": "industry_code", "type": "text",
        "label": {"zh_CN": "行业代码", "en": "Industry code"}, "check": "industry_code"},
       {"name": "phone", "type": "text", "label": {"zh_CN": "联系电话", "en": "Phone"},
        "check": "phone"},
       {"name": "record_id", "type": "text", "label": {"zh_CN": "记录编号", "en": "Record id"},
        "check": "uuid"},
       {"name": "notes", "type": "text", "label": {"zh_CN": "备注", "en": "Notes"},
        "max_length": 300},
       {"name": "employees", "type": "integer",
        "label": {"zh_CN": "从业人员数", "en": "Employees"}, "min": 0, "max": 100000},
       {"name": "revenue", "type": "decimal", "label": {"zh_CN": "营业收入", "en": "Revenue"},
        "min": 0},
       {"name": "above_size", "type": "bool",
        "label": {"zh_CN": "规模以上", "en": "Above designated size"}},
       {"name": "visit_date", "type": "date", "label": {"zh_CN": "走访日期", "en": "Visit date"},
        "min": "2024-01-01", "max": "today", "required": true},
       {"name": "level", "type": "single_choice",
        "label": {"zh_CN": "数字化水平等级", "en": "Digital level"}, "required": true,
        "options": [{"value": 0, "label": {"zh_CN": "未达一级", "en": "Below 1"}},
                    {"value": 1, "label": {"zh_CN": "一级", "en": "Level 1"}},
                    {"value": 2, "label": {"zh_CN": "二级", "en": "Level 2"}},
                    {"value": 3, "label": {"zh_CN": "三级", "en": "Level 3"}},
                    {"value": 4, "label": {"zh_CN": "四级", "en": "Level 4"}}]},
       {"name": "renovation", "type": "single_choice",
        "label": {"zh_CN": "改造进展", "en": "Renovation"},
        "options": [{"value": "not_started", "label": {"zh_CN": "未开始", "en": "Not started"}},
                    {"value": "in_progress", "label": {"zh_CN": "进行中", "en": "In progress"}},
                    {"value": "completed", "label": {"zh_CN": "已完成", "en": "Completed"}}]},
       {"name": "design_tools", "type": "bool",
        "label": {"zh_CN": "是否使用研发设计工具", "en": "Uses design tools"}, "required": true},
       {"name": "tool_kinds", "type": "multiple_choice",
        "label": {"zh_CN": "研发设计工具", "en": "Design tools"}, "required": true,
        "min": 1, "max": 2, "relevant": "design_tools == true",
        "options": [{"value": "cad2d", "label": {"zh_CN": "二维CAD", "en": "2D CAD"}},
                    {"value": "cad3d", "label": {"zh_CN": "三维CAD", "en": "3D CAD"}},
                    {"value": "cae", "label": {"zh_CN": "CAE", "en": "CAE"}}]},
       {"name": "key_processes", "type": "integer",
        "label": {"zh_CN": "关键工序数", "en": "Key processes"}, "min": 0, "required": true},
       {"name": "key_processes_cnc", "type": "integer",
        "label": {"zh_CN": "数控化关键工序数", "en": "Key processes under numerical control"},
        "min": 0, "required": true},
       {"name": "photo", "type": "photo", "label": {"zh_CN": "铭牌照片", "en": "Nameplate"}},
       {"name": "location", "type": "location",
        "label": {"zh_CN": "走访位置", "en": "Visit location"}},
       {"name": "founded_year", "type": "integer",
        "label": {"zh_CN": "成立年份", "en": "Year founded"}, "min": 1950, "max": "this_year"}
     ],
     "rules": [
       {"id": "cnc_le_key", "field": "key_processes_cnc",
        "check": "key_processes_cnc <= key_processes",
        "message": {"zh_CN": "数控化关键工序数不能大于关键工序数",
                    "en": "Key processes under numerical control cannot exceed key processes"}},
       {"id": "level_when_completed", "field": "level", "when": "renovation == 'completed'",
        "check": "level >= 1",
        "message": {"zh_CN": "改造已完成的，数字化水平等级应为一级及以上",
                    "en": "A completed renovation needs a digital level of 1 or more"}}
     ]},
    {"name": "machine", "label": {"zh_CN": "设备", "en": "Machine"},
     "parent": "plant", "parent_field": "plant",
     "fields": [
       {"name": "plant", "type": "text", "label": {"zh_CN": "所属企业记录", "en": "Plant record"},
        "required": true, "check": "uuid"},
       {"name": "status", "type": "single_choice", "label": {"zh_CN": "设备状态", "en": "Status"},
        "required": true,
        "options": [{"value": "in_service", "label": {"zh_CN": "在用", "en": "In service"}},
                    {"value": "planned_renewal",
                     "label": {"zh_CN": "计划更新", "en": "Renewal planned"}},
                    {"value": "renewed", "label": {"zh_CN": "已更新", "en": "Renewed"}}]},
       {"name": "commissioned_year", "type": "integer",
        "label": {"zh_CN": "投用年份", "en": "Year commissioned"}, "min": 1950,
        "max": "this_year"},
       {"name": "planned_year", "type": "integer",
        "label": {"zh_CN": "计划更新年份", "en": "Planned renewal year"}, "min": 2024,
        "max": 2035, "required": true, "relevant": "status == 'planned_renewal'"}
     ],
     "rules": [
       {"id": "planned_after_commissioned", "field": "planned_year",
        "when": "status == 'planned_renewal'", "check": "planned_year >= commissioned_year",
        "message": {"zh_CN": "计划更新年份不能早于投用年份",
                    "en": "The planned renewal year cannot be before the year commissioned"}}
     ]}
  ]
})";

// Hand-checked valid USCC (see tst_uscc: GB 11714 over MA2E4K7B gives '4', GB 32100 gives 'X').
constexpr char kPlant[] = R"({
  "uscc": "91331102MA2E4K7B4X", "name": "丽水精工", "region": "331102", "industry_code": "3311",
  "phone": "13905781234", "record_id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
  "notes": "第一行\n第二行\t缩进", "employees": 120, "revenue": 3500.5, "above_size": true,
  "visit_date": "2024-06-01", "level": 2, "renovation": "in_progress", "design_tools": true,
  "tool_kinds": ["cad2d", "cae"], "key_processes": 10, "key_processes_cnc": 7,
  "photo": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "location": {"lat": 28.45, "lon": 119.92}, "founded_year": 2008
})";

constexpr char kMachine[] = R"({
  "plant": "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "status": "in_service",
  "commissioned_year": 2010
})";

constexpr char kSurvey[] = R"({
  "enterprise": "91331102MA2E4K7B4X", "period": 2024, "state": "submitted",
  "visit_date": "2024-06-01", "location": {"lat": 28.46, "lon": 119.92},
  "digital_level": 2, "renovation_status": "in_progress", "design_tools": true,
  "design_tool_kinds": ["cad3d", "cae"], "key_processes": 10, "key_processes_cnc": 6,
  "uses_5g": false, "factory_tier": "none", "robots_total": 12, "robots_added": 2,
  "tech_invest_base_10k": 800, "tech_invest_10k": 950, "equipment_invest_base_10k": 500,
  "equipment_invest_10k": 650, "first_of_kind_invest_10k": 100
})";

constexpr char kEnterprise[] = R"({
  "uscc": "91331102MA2E4K7B4X", "name": "丽水市精工机械有限公司", "region": "331102",
  "industry_code": "3311", "cluster": "precision", "above_size": true, "revenue_10k": 32000,
  "employees": 260, "address": "丽水市莲都区南明山街道", "contact_name": "张工",
  "contact_phone": "0578-2123456"
})";

constexpr char kEquipment[] = R"({
  "survey": "0f8fad5b-d9cb-469f-a165-70867728950e", "category": "machine_tool",
  "name": "数控车床", "quantity": 4, "commissioned_year": 2012, "is_cnc": true,
  "key_energy": false, "status": "in_service"
})";

const QDate kToday(2024, 6, 15);

gx::ValidationContext context()
{
    return {kToday, {u"331102"_s, u"331121"_s, u"331181"_s, u"331100-EDZ"_s}};
}

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", qPrintable(error.errorString()));
    return document.object();
}

/** The record of a row: `base` with `patch` applied; a patch value "<absent>" removes the key. */
QJsonObject record(const char *base, const QByteArray &patch)
{
    QJsonObject result = base ? object(base) : QJsonObject();
    const QJsonObject changes = object(patch);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value() == QJsonValue(u"<absent>"_s))
            result.remove(it.key());
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

QStringList codes(const QList<ValidationIssue> &issues)
{
    QStringList result;
    for (const ValidationIssue &issue : issues)
        result.append(issue.field + u':' + issue.code);
    result.sort();
    return result;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/** Every message is readable in both languages and names its field by the Chinese label. */
void verifyMessages(const gx::FormDefinition &definition, const QString &entity,
                    const QList<ValidationIssue> &issues, bool labelInRuleMessages)
{
    const gx::EntityDefinition *entityDefinition = definition.entity(entity);
    for (const ValidationIssue &issue : issues) {
        QVERIFY2(!issue.message.zh.trimmed().isEmpty(), qPrintable(issue.code));
        QVERIFY2(!issue.message.en.trimmed().isEmpty(), qPrintable(issue.code));
        const bool isRule =
            entityDefinition &&
            std::any_of(entityDefinition->rules.begin(), entityDefinition->rules.end(),
                        [&](const gx::RuleDefinition &rule) { return rule.id == issue.code; });
        const gx::FieldDefinition *field =
            entityDefinition ? entityDefinition->field(issue.field) : nullptr;
        if (field && (!isRule || labelInRuleMessages)) {
            QVERIFY2(issue.message.zh.contains(field->label.zh), qPrintable(issue.message.zh));
            if (!isRule)
                QVERIFY2(issue.message.en.contains(field->label.en), qPrintable(issue.message.en));
        }
        if (issue.code == u"unknown_field")
            QVERIFY2(issue.message.zh.contains(issue.field), qPrintable(issue.message.zh));
    }
}

} // namespace

class Tst_validator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validate_data();
    void validate();
    void warningsDoNotBlock();
    void usccMessageCarriesTheExpectedCharacter();
    void validateFieldShowsTheFieldsOwnIssuesAndItsRules();
    void todayComesFromTheContext();
    void realDefinition_data();
    void realDefinition();

private:
    std::optional<gx::FormDefinition> m_definition;
    std::optional<gx::FormDefinition> m_survey;
};

void Tst_validator::initTestCase()
{
    auto loaded = gx::FormDefinition::fromJson(QByteArray(kDefinition), u"inline"_s);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
    m_definition = loaded.value();

    QString assets = qEnvironmentVariable("GX_ASSETS_DIR");
    if (assets.isEmpty())
        assets = QStringLiteral(GX_ASSETS_DIR);
    auto survey = gx::FormDefinition::load(assets + u"/forms/survey.v1.json"_s);
    QVERIFY2(survey.ok(), survey.ok() ? "" : qPrintable(survey.error().toString()));
    m_survey = survey.value();
}

void Tst_validator::validate_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<bool>("fromBase");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<ValidationMode>("mode");
    QTest::addColumn<QStringList>("expected");

    const auto draft = ValidationMode::Draft;
    const auto submit = ValidationMode::Submit;
    const QString plant = u"plant"_s;
    const QString machine = u"machine"_s;
    auto row = [](const char *name, const QString &entity, bool fromBase, const char *patch,
                  ValidationMode mode, const QStringList &expected) {
        QTest::newRow(name) << entity << fromBase << QByteArray(patch) << mode << expected;
    };

    // Whole records.
    row("complete record, submit", plant, true, "{}", submit, {});
    row("complete record, draft", plant, true, "{}", draft, {});
    row("empty draft", plant, false, "{}", draft, {});
    row("empty submission: required fields", plant, false, "{}", submit,
        {u"uscc:required"_s, u"name:required"_s, u"visit_date:required"_s, u"level:required"_s,
         u"design_tools:required"_s, u"key_processes:required"_s, u"key_processes_cnc:required"_s});
    row("null and empty answers are no answers", plant, true,
        R"({"uscc": null, "name": "", "tool_kinds": [], "key_processes": "<absent>"})", submit,
        {u"uscc:required"_s, u"name:required"_s, u"tool_kinds:required"_s,
         u"key_processes:required"_s});
    row("draft never reports required", plant, true,
        R"({"uscc": null, "name": "", "tool_kinds": [], "key_processes": "<absent>"})", draft, {});
    row("unknown entity", u"factory"_s, false, "{}", submit, {u":unknown_entity"_s});
    row("unknown field is a warning", plant, true, R"({"legacy_score": 3})", submit,
        {u"legacy_score:unknown_field"_s});

    // Rules.
    row("key_processes_cnc > key_processes", plant, true,
        R"({"key_processes": 5, "key_processes_cnc": 6})", submit,
        {u"key_processes_cnc:cnc_le_key"_s});
    row("key_processes_cnc == key_processes", plant, true,
        R"({"key_processes": 6, "key_processes_cnc": 6})", submit, {});
    row("rule also in drafts", plant, false, R"({"key_processes": 0, "key_processes_cnc": 1})",
        draft, {u"key_processes_cnc:cnc_le_key"_s});
    row("rule skipped when a field is missing", plant, true,
        R"({"key_processes": "<absent>", "key_processes_cnc": 6})", draft, {});
    row("rule skipped when a field is null, required on submit", plant, true,
        R"({"key_processes": null, "key_processes_cnc": 6})", submit,
        {u"key_processes:required"_s});
    row("rule skipped when a field has the wrong type", plant, true,
        R"({"key_processes": "5", "key_processes_cnc": 6})", submit, {u"key_processes:type"_s});
    row("rule with when: completed needs level >= 1", plant, true,
        R"({"renovation": "completed", "level": 0})", submit, {u"level:level_when_completed"_s});
    row("rule with when false is skipped", plant, true,
        R"({"renovation": "in_progress", "level": 0})", submit, {});

    // Dates, with today injected as 2024-06-15.
    row("visit date tomorrow", plant, true, R"({"visit_date": "2024-06-16"})", draft,
        {u"visit_date:max"_s});
    row("visit date today", plant, true, R"({"visit_date": "2024-06-15"})", submit, {});
    row("visit date before the minimum", plant, true, R"({"visit_date": "2023-12-31"})", submit,
        {u"visit_date:min"_s});
    row("Feb 29 on a non-leap year", plant, true, R"({"visit_date": "2023-02-29"})", submit,
        {u"visit_date:type"_s});
    row("Feb 29 on a leap year", plant, true, R"({"visit_date": "2024-02-29"})", submit, {});
    row("date with slashes", plant, true, R"({"visit_date": "2024/06/01"})", submit,
        {u"visit_date:type"_s});
    row("date without padding", plant, true, R"({"visit_date": "2024-6-1"})", submit,
        {u"visit_date:type"_s});
    row("year after this year", plant, true, R"({"founded_year": 2025})", submit,
        {u"founded_year:max"_s});
    row("year this year", plant, true, R"({"founded_year": 2024})", submit, {});

    // Types and options.
    row("unknown option", plant, true, R"({"renovation": "finished"})", submit,
        {u"renovation:option"_s});
    row("coded option out of range", plant, true, R"({"level": 5})", submit, {u"level:option"_s});
    row("coded option given as string", plant, true, R"({"level": "2"})", submit,
        {u"level:type"_s});
    row("int given as 1.5", plant, true, R"({"employees": 1.5})", submit, {u"employees:type"_s});
    row("int given as 120.0 is an int", plant, true, R"({"employees": 120.0})", submit, {});
    row("int beyond 2^53", plant, true, R"({"employees": 1e16})", submit, {u"employees:type"_s});
    // 2^53 + 1 reads as 2^53, which the sync codec refuses too (found by fuzzing).
    row("int of 2^53", plant, true, R"({"employees": 9007199254740993})", submit,
        {u"employees:type"_s});
    row("number given as string", plant, true, R"({"employees": "120"})", submit,
        {u"employees:type"_s});
    row("string given as number", plant, true, R"({"name": 123})", submit, {u"name:type"_s});
    row("decimal given as string", plant, true, R"({"revenue": "3500"})", submit,
        {u"revenue:type"_s});
    row("bool given as string", plant, true, R"({"above_size": "true"})", submit,
        {u"above_size:type"_s});
    row("integer below min", plant, true, R"({"employees": -1})", submit, {u"employees:min"_s});
    row("integer above max", plant, true, R"({"employees": 100001})", submit, {u"employees:max"_s});
    row("decimal below min", plant, true, R"({"revenue": -0.5})", submit, {u"revenue:min"_s});
    row("multiple choice duplicate", plant, true, R"({"tool_kinds": ["cad2d", "cad2d"]})", submit,
        {u"tool_kinds:option"_s});
    row("multiple choice unknown item", plant, true, R"({"tool_kinds": ["cad2d", "plm"]})", submit,
        {u"tool_kinds:option"_s});
    row("multiple choice over max items", plant, true,
        R"({"tool_kinds": ["cad2d", "cad3d", "cae"]})", submit, {u"tool_kinds:max"_s});
    row("multiple choice not a list", plant, true, R"({"tool_kinds": "cad2d"})", submit,
        {u"tool_kinds:type"_s});
    row("photo in upper-case hex", plant, true,
        R"({"photo": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})", submit,
        {u"photo:type"_s});
    row("photo too short", plant, true, R"({"photo": "e3b0c442"})", submit, {u"photo:type"_s});
    row("latitude out of range", plant, true, R"({"location": {"lat": 91, "lon": 119.9}})", submit,
        {u"location:type"_s});
    row("location with an extra member", plant, true,
        R"({"location": {"lat": 28.4, "lon": 119.9, "alt": 60}})", submit, {u"location:type"_s});
    row("location as a pair", plant, true, R"({"location": [28.4, 119.9]})", submit,
        {u"location:type"_s});

    // Text.
    row("oversize text", plant, true, R"({"name": "丽水精工机械制造有限公司"})", submit,
        {u"name:max_length"_s});
    row("10 emoji are 10 characters", plant, true, R"({"name": "😀😀😀😀😀😀😀😀😀😀"})", submit, {});
    row("11 emoji are too many", plant, true, R"({"name": "😀😀😀😀😀😀😀😀😀😀😀"})", submit,
        {u"name:max_length"_s});
    row("text under min length", plant, true, R"({"name": "丽"})", submit, {u"name:min_length"_s});
    row("line break in short text", plant, true, R"({"name": "丽水\n精工"})", submit,
        {u"name:control_character"_s});
    row("bell in long text", plant, true, R"({"notes": "响铃\u0007"})", submit,
        {u"notes:control_character"_s});
    row("surrounding spaces are fine", plant, true, R"({"name": "  丽水精工 "})", submit, {});

    // Checks.
    row("uscc with a wrong check character", plant, true, R"({"uscc": "91331102MA2E4K7B4Y"})",
        submit, {u"uscc:uscc"_s});
    row("uscc in lower case", plant, true, R"({"uscc": "91331102ma2e4k7b4x"})", submit,
        {u"uscc:uscc"_s});
    row("unknown region", plant, true, R"({"region": "330000"})", submit, {u"region:region"_s});
    row("development zone region", plant, true, R"({"region": "331100-EDZ"})", submit, {});
    row("industry code with group 0", plant, true, R"({"industry_code": "1301"})", submit,
        {u"industry_code:industry_code"_s});
    row("landline", plant, true, R"({"phone": "0578-2123456"})", submit, {});
    row("landline without hyphen", plant, true, R"({"phone": "05782123456"})", submit, {});
    row("too short a phone", plant, true, R"({"phone": "12345"})", submit, {u"phone:phone"_s});
    row("mobile starting 12", plant, true, R"({"phone": "12905781234"})", submit,
        {u"phone:phone"_s});
    row("uuid in upper case", plant, true,
        R"({"record_id": "1B4E28BA-2FA1-41D2-883F-0016D3CCA427"})", submit, {u"record_id:uuid"_s});
    row("uuid with braces", plant, true,
        R"({"record_id": "{1b4e28ba-2fa1-41d2-883f-0016d3cca427}"})", submit,
        {u"record_id:uuid"_s});

    // Relevance.
    row("not-relevant value kept without error", plant, true,
        R"({"design_tools": false, "tool_kinds": ["cad2d", "cad3d", "cae"]})", submit, {});
    row("not-relevant value of the wrong type", plant, true,
        R"({"design_tools": false, "tool_kinds": "cad2d"})", submit, {u"tool_kinds:type"_s});
    row("relevant and empty: required on submit", plant, true, R"({"tool_kinds": []})", submit,
        {u"tool_kinds:required"_s});
    row("relevant and empty: fine in a draft", plant, true, R"({"tool_kinds": []})", draft, {});
    row("planned renewal without planned year", machine, true, R"({"status": "planned_renewal"})",
        submit, {u"planned_year:required"_s});
    row("planned renewal without planned year, draft", machine, true,
        R"({"status": "planned_renewal"})", draft, {});
    row("planned year kept while in service", machine, true, R"({"planned_year": 2020})", submit,
        {});
    row("planned before commissioned", machine, true,
        R"({"status": "planned_renewal", "commissioned_year": 2025, "planned_year": 2024})", submit,
        {u"commissioned_year:max"_s, u"planned_year:planned_after_commissioned"_s});
    row("planned rule skipped without commissioned year", machine, true,
        R"({"status": "planned_renewal", "commissioned_year": null, "planned_year": 2025})", submit,
        {});
    row("parent id must be a uuid", machine, true, R"({"plant": "plant-1"})", submit,
        {u"plant:uuid"_s});
}

void Tst_validator::validate()
{
    QFETCH(QString, entity);
    QFETCH(bool, fromBase);
    QFETCH(QByteArray, patch);
    QFETCH(ValidationMode, mode);
    QFETCH(QStringList, expected);

    const char *base = !fromBase ? nullptr : entity == u"machine" ? kMachine : kPlant;
    const QJsonObject fields = record(base, patch);
    const gx::Validator validator(*m_definition, context());
    const QList<ValidationIssue> issues = validator.validate(entity, fields, mode);
    QCOMPARE(codes(issues), sorted(expected));
    verifyMessages(*m_definition, entity, issues, true);
    if (QTest::currentTestFailed())
        return;

    // What validate() reports on a field, validateField() reports too (the inline messages).
    for (const ValidationIssue &issue : issues) {
        if (issue.field.isEmpty())
            continue;
        const auto inline_ = validator.validateField(entity, issue.field, fields, mode);
        QVERIFY2(inline_.contains(issue), qPrintable(issue.field + u':' + issue.code));
    }
}

void Tst_validator::warningsDoNotBlock()
{
    const gx::Validator validator(*m_definition, context());
    const QJsonObject fields = record(kPlant, R"({"legacy_score": 3, "old_note": "x"})");
    const auto issues = validator.validate(u"plant"_s, fields, ValidationMode::Submit);
    QCOMPARE(issues.size(), 2);
    for (const ValidationIssue &issue : issues)
        QCOMPARE(issue.severity, Severity::Warning);
    QVERIFY(!gx::Validator::hasErrors(issues));

    const auto withError =
        validator.validate(u"plant"_s, record(kPlant, R"({"legacy_score": 3, "employees": -1})"),
                           ValidationMode::Submit);
    QVERIFY(gx::Validator::hasErrors(withError));
}

void Tst_validator::usccMessageCarriesTheExpectedCharacter()
{
    // 91331102MA2E4K7B4 has the check character X (worked out in tst_uscc).
    const gx::Validator validator(*m_definition, context());
    const auto issues = validator.validate(
        u"plant"_s, record(kPlant, R"({"uscc": "91331102MA2E4K7B4Y"})"), ValidationMode::Draft);
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().message.zh.contains(u"统一社会信用代码") &&
                 issues.first().message.zh.contains(u"「X」"),
             qPrintable(issues.first().message.zh));
    QVERIFY2(issues.first().message.en.contains(u"'X'"), qPrintable(issues.first().message.en));
}

void Tst_validator::validateFieldShowsTheFieldsOwnIssuesAndItsRules()
{
    const gx::Validator validator(*m_definition, context());
    const QJsonObject fields =
        record(kPlant, R"({"key_processes": -2, "key_processes_cnc": 6, "employees": 1.5})");
    const auto mode = ValidationMode::Draft;

    // The rule reads key_processes but speaks on key_processes_cnc; key_processes is its own
    // problem (-2 < 0) and not the rule's.
    QCOMPARE(codes(validator.validateField(u"plant"_s, u"key_processes_cnc"_s, fields, mode)),
             QStringList{u"key_processes_cnc:cnc_le_key"_s});
    QCOMPARE(codes(validator.validateField(u"plant"_s, u"key_processes"_s, fields, mode)),
             QStringList{u"key_processes:min"_s});
    QCOMPARE(codes(validator.validateField(u"plant"_s, u"employees"_s, fields, mode)),
             QStringList{u"employees:type"_s});
    QVERIFY(validator.validateField(u"plant"_s, u"name"_s, fields, mode).isEmpty());
    QCOMPARE(codes(validator.validateField(u"plant"_s, u"legacy"_s, fields, mode)),
             QStringList{u"legacy:unknown_field"_s});
    QCOMPARE(codes(validator.validateField(u"factory"_s, u"name"_s, fields, mode)),
             QStringList{u":unknown_entity"_s});
}

void Tst_validator::todayComesFromTheContext()
{
    const QJsonObject fields = record(kPlant, R"({"visit_date": "2024-07-01"})");
    const gx::Validator june(*m_definition, context());
    const gx::Validator july(*m_definition, {QDate(2024, 7, 1), context().regionCodes});
    QCOMPARE(codes(june.validate(u"plant"_s, fields, ValidationMode::Submit)),
             QStringList{u"visit_date:max"_s});
    QVERIFY(july.validate(u"plant"_s, fields, ValidationMode::Submit).isEmpty());

    // "this_year" follows the injected date too.
    const QJsonObject founded = record(kPlant, R"({"founded_year": 2025})");
    const gx::Validator nextYear(*m_definition, {QDate(2025, 1, 1), context().regionCodes});
    QVERIFY(nextYear.validate(u"plant"_s, founded, ValidationMode::Submit).isEmpty());

    // Region codes come from the context as well.
    const gx::Validator noRegions(*m_definition, {kToday, {}});
    QCOMPARE(codes(noRegions.validate(u"plant"_s, record(kPlant, "{}"), ValidationMode::Submit)),
             QStringList{u"region:region"_s});
}

void Tst_validator::realDefinition_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<ValidationMode>("mode");
    QTest::addColumn<QStringList>("expected");

    const auto submit = ValidationMode::Submit;
    auto row = [](const char *name, const char *entity, const char *patch, ValidationMode mode,
                  const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(entity) << QByteArray(patch) << mode << expected;
    };
    row("complete survey", "survey", "{}", submit, {});
    row("survey: key_processes_cnc > key_processes", "survey",
        R"({"key_processes": 10, "key_processes_cnc": 11})", submit,
        {u"key_processes_cnc:cnc_le_key"_s});
    row("survey: visit in the future", "survey", R"({"visit_date": "2024-06-16"})", submit,
        {u"visit_date:max"_s});
    row("survey: smart factory needs its year and a level", "survey",
        R"({"factory_tier": "smart_factory", "digital_level": 0})", submit,
        {u"factory_tier_year:required"_s, u"digital_level:recognised_has_level"_s});
    row("survey: design tool kinds not relevant without tools", "survey",
        R"({"design_tools": false, "design_tool_kinds": ["cad2d", "eda"]})", submit, {});
    row("survey: bad enterprise code", "survey", R"({"enterprise": "91331102MA2E4K7B4Y"})", submit,
        {u"enterprise:uscc"_s});
    row("survey: draft of a half-filled survey", "survey",
        R"({"digital_level": null, "key_processes": "<absent>", "robots_added": null})",
        ValidationMode::Draft, {});
    row("complete enterprise", "enterprise", "{}", submit, {});
    row("enterprise: industry code of a missing division", "enterprise",
        R"({"industry_code": "9911"})", submit, {u"industry_code:industry_code"_s});
    row("complete equipment", "equipment", "{}", submit, {});
    row("equipment: planned renewal without planned year", "equipment",
        R"({"status": "planned_renewal"})", submit, {u"planned_year:required"_s});
    row("equipment: stale planned year kept", "equipment",
        R"({"planned_year": 2019, "planned_invest_10k": -1})", submit, {});
    row("equipment: key energy needs an efficiency level", "equipment", R"({"key_energy": true})",
        submit, {u"efficiency_level:required"_s});
}

void Tst_validator::realDefinition()
{
    QFETCH(QString, entity);
    QFETCH(QByteArray, patch);
    QFETCH(ValidationMode, mode);
    QFETCH(QStringList, expected);

    const char *base = entity == u"survey"      ? kSurvey
                       : entity == u"equipment" ? kEquipment
                                                : kEnterprise;
    const gx::Validator validator(*m_survey, context());
    const QList<ValidationIssue> issues = validator.validate(entity, record(base, patch), mode);
    QCOMPARE(codes(issues), sorted(expected));
    // The definition's rule messages are its authors' sentences; the validator's own messages
    // quote the label.
    verifyMessages(*m_survey, entity, issues, false);
}

QTEST_APPLESS_MAIN(Tst_validator)
#include "tst_validator.moc"
