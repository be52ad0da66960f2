#include "core/formdefinition.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;

namespace {

// Two entities, a repeat group, a rule, every field type and a comment at several levels.
// (No backslash escapes in here: moc 6.4 mis-reads raw strings that contain \".)
const char kValid[] = R"json({
  "comment": "a definition for the tests",
  "form": "test-form", "version": 3,
  "title": {"zh_CN": "测试", "en": "Test"},
  "entities": [
    {"name": "survey", "label": {"zh_CN": "调查", "en": "Survey"}, "title_field": "period",
     "fields": [
       {"name": "id", "type": "text", "label": {"zh_CN": "编号", "en": "Id"}, "check": "uuid"},
       {"name": "period", "type": "integer", "label": {"zh_CN": "年度", "en": "Year"},
        "min": 2020, "max": "this_year", "required": true}
     ],
     "sections": [
       {"id": "basics", "label": {"zh_CN": "基本", "en": "Basics"}, "comment": "first page",
        "fields": [
         {"name": "uscc", "type": "text", "label": {"zh_CN": "信用代码", "en": "USCC"},
          "hint": {"zh_CN": "18位", "en": "18 characters"}, "check": "uscc",
          "min_length": 18, "max_length": 18, "required": true},
         {"name": "contact", "type": "text", "label": {"zh_CN": "联系人", "en": "Contact"}},
         {"name": "output", "type": "decimal", "label": {"zh_CN": "产值", "en": "Output"},
          "unit": {"zh_CN": "万元", "en": "10k CNY", "comment": "money"}, "min": 0.5, "max": 1e9},
         {"name": "visited_on", "type": "date", "label": {"zh_CN": "走访日期", "en": "Visited"},
          "min": "2024-01-01", "max": "today"},
         {"name": "has_plan", "type": "bool", "label": {"zh_CN": "有计划", "en": "Has plan"}},
         {"name": "plan_year", "type": "integer", "label": {"zh_CN": "计划年", "en": "Plan year"},
          "min": 2024, "max": 2030, "relevant": "has_plan == true"}
       ]},
       {"id": "digital", "label": {"zh_CN": "数字化", "en": "Digital"}, "fields": [
         {"name": "digital_level", "type": "single_choice",
          "label": {"zh_CN": "等级", "en": "Level"}, "options": [
            {"value": 1, "label": {"zh_CN": "一级", "en": "Level 1"}},
            {"value": 2, "label": {"zh_CN": "二级", "en": "Level 2"}, "comment": "mid"},
            {"value": 3, "label": {"zh_CN": "三级", "en": "Level 3"}}]},
         {"name": "tools", "type": "multiple_choice", "label": {"zh_CN": "工具", "en": "Tools"},
          "min": 1, "max": 2, "relevant": "digital_level in [2, 3]", "options": [
            {"value": "cad", "label": {"zh_CN": "设计", "en": "CAD"}},
            {"value": "mes", "label": {"zh_CN": "制造执行", "en": "MES"}}]},
         {"name": "site_photo", "type": "photo", "label": {"zh_CN": "照片", "en": "Photo"}},
         {"name": "site", "type": "location", "label": {"zh_CN": "位置", "en": "Location"}}
       ]},
       {"id": "equipment", "label": {"zh_CN": "设备", "en": "Equipment"}, "repeat": "equipment"}
     ],
     "rules": [
       {"id": "plan_after_period", "field": "plan_year", "when": "has_plan",
        "check": "plan_year >= period", "comment": "no plans in the past",
        "message": {"zh_CN": "计划年不能早于年度", "en": "The plan year is before the year"}}
     ]},
    {"name": "equipment", "label": {"zh_CN": "设备", "en": "Equipment"},
     "parent": "survey", "parent_field": "survey", "title_field": "model",
     "fields": [
       {"name": "survey", "type": "text", "label": {"zh_CN": "调查", "en": "Survey"},
        "check": "uuid"}
     ],
     "sections": [
       {"id": "machine", "label": {"zh_CN": "设备", "en": "Machine"}, "fields": [
         {"name": "model", "type": "text", "label": {"zh_CN": "型号", "en": "Model"},
          "required": true},
         {"name": "count", "type": "integer", "label": {"zh_CN": "数量", "en": "Count"}, "min": 1}
       ]}
     ]}
  ]
})json";

QJsonObject validObject()
{
    return QJsonDocument::fromJson(QByteArray(kValid)).object();
}

/** The value with the member or element at `path` ("a/0/b") set, or removed when value is
 *  undefined. An index "+" appends to an array. */
QJsonValue withPath(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        if (key == u'+') {
            array.append(value);
            return array;
        }
        const int index = key.toInt();
        if (value.isUndefined() && path.isEmpty())
            array.removeAt(index);
        else
            array[index] = withPath(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (value.isUndefined() && path.isEmpty())
        object.remove(key);
    else
        object[key] = withPath(object.value(key), path, value);
    return object;
}

const QString kRemove = u"<remove>"_s;
const QString kRaw = u"<raw>"_s;

} // namespace

class Tst_formdefinition : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validDocument();
    void validFields();
    void validOptionsAndRules();
    void typeNames_data();
    void typeNames();
    void checkNames_data();
    void checkNames();
    void broken_data();
    void broken();
    void loadFromFile();
    void loadMissingFile();
    void loadSurveyAsset();
    void errorToString_data();
    void errorToString();
};

void Tst_formdefinition::initTestCase()
{
    // Every refused definition logs a warning; the broken table would flood the output.
    QLoggingCategory::setFilterRules(u"gx.core.warning=false"_s);
}

void Tst_formdefinition::validDocument()
{
    const auto loaded = FormDefinition::fromJson(QByteArray(kValid), u"valid.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const FormDefinition &form = loaded.value();
    QCOMPARE(form.id(), u"test-form"_s);
    QCOMPARE(form.version(), 3);
    QCOMPARE(form.title(), (LocalizedText{u"测试"_s, u"Test"_s}));
    QCOMPARE(form.json(), validObject());
    QCOMPARE(form.entities().size(), 2);
    QCOMPARE(form.entities().at(0).name, u"survey"_s);
    QCOMPARE(form.entities().at(1).name, u"equipment"_s);
    QVERIFY(form.entity(u"nope"_s) == nullptr);

    const EntityDefinition *survey = form.entity(u"survey"_s);
    QVERIFY(survey);
    QCOMPARE(survey->label, (LocalizedText{u"调查"_s, u"Survey"_s}));
    QVERIFY(!survey->isRepeatGroup());
    QCOMPARE(survey->parent, QString());
    QCOMPARE(survey->titleField, u"period"_s);
    QStringList names;
    for (const FieldDefinition &f : survey->fields)
        names.append(f.name);
    QCOMPARE(names, (QStringList{u"id"_s, u"period"_s, u"uscc"_s, u"contact"_s, u"output"_s,
                                 u"visited_on"_s, u"has_plan"_s, u"plan_year"_s, u"digital_level"_s,
                                 u"tools"_s, u"site_photo"_s, u"site"_s}));
    QCOMPARE(survey->sections.size(), 3);
    QCOMPARE(survey->sections.at(0).id, u"basics"_s);
    QCOMPARE(survey->sections.at(0).label, (LocalizedText{u"基本"_s, u"Basics"_s}));
    QCOMPARE(survey->sections.at(0).fields,
             (QStringList{u"uscc"_s, u"contact"_s, u"output"_s, u"visited_on"_s, u"has_plan"_s,
                          u"plan_year"_s}));
    QCOMPARE(survey->sections.at(0).repeat, QString());
    QCOMPARE(survey->sections.at(1).fields,
             (QStringList{u"digital_level"_s, u"tools"_s, u"site_photo"_s, u"site"_s}));
    QCOMPARE(survey->sections.at(2).id, u"equipment"_s);
    QCOMPARE(survey->sections.at(2).repeat, u"equipment"_s);
    QVERIFY(survey->sections.at(2).fields.isEmpty());

    const EntityDefinition *equipment = form.entity(u"equipment"_s);
    QVERIFY(equipment);
    QVERIFY(equipment->isRepeatGroup());
    QCOMPARE(equipment->parent, u"survey"_s);
    QCOMPARE(equipment->parentField, u"survey"_s);
    QCOMPARE(equipment->titleField, u"model"_s);
    QCOMPARE(equipment->fields.size(), 3);
    QCOMPARE(equipment->sections.size(), 1);
    QCOMPARE(equipment->sections.at(0).fields, (QStringList{u"model"_s, u"count"_s}));
    QVERIFY(equipment->rules.isEmpty());
    QVERIFY(equipment->field(u"model"_s)->required);
    QVERIFY(equipment->field(u"period"_s) == nullptr);
}

void Tst_formdefinition::validFields()
{
    const auto loaded = FormDefinition::fromJson(QByteArray(kValid), u"valid.json"_s);
    QVERIFY(loaded.ok());
    const EntityDefinition &survey = loaded.value().entities().at(0);

    const FieldDefinition *id = survey.field(u"id"_s);
    QCOMPARE(id->type, FieldType::Text);
    QCOMPARE(id->check, FieldCheck::Uuid);
    QVERIFY(!id->required);
    QVERIFY(id->relevant.isEmpty());

    const FieldDefinition *period = survey.field(u"period"_s);
    QCOMPARE(period->type, FieldType::Integer);
    QCOMPARE(period->label, (LocalizedText{u"年度"_s, u"Year"_s}));
    QVERIFY(period->required);
    QCOMPARE(period->minimum.kind, Bound::Kind::Number);
    QCOMPARE(period->minimum.number, 2020.0);
    QCOMPARE(period->maximum.kind, Bound::Kind::ThisYear);
    QCOMPARE(period->maxLength, 0);
    QCOMPARE(period->check, FieldCheck::None);

    const FieldDefinition *uscc = survey.field(u"uscc"_s);
    QCOMPARE(uscc->check, FieldCheck::Uscc);
    QCOMPARE(uscc->hint, (LocalizedText{u"18位"_s, u"18 characters"_s}));
    QCOMPARE(uscc->minLength, 18);
    QCOMPARE(uscc->maxLength, 18);
    QVERIFY(!uscc->minimum.isSet());

    const FieldDefinition *contact = survey.field(u"contact"_s);
    QCOMPARE(contact->minLength, 0);
    QCOMPARE(contact->maxLength, 500); // FormDefinition::kDefaultMaxLength
    QVERIFY(contact->hint.isEmpty());

    const FieldDefinition *output = survey.field(u"output"_s);
    QCOMPARE(output->type, FieldType::Decimal);
    QCOMPARE(output->unit, (LocalizedText{u"万元"_s, u"10k CNY"_s}));
    QCOMPARE(output->minimum.number, 0.5);
    QCOMPARE(output->maximum.number, 1e9);

    const FieldDefinition *visited = survey.field(u"visited_on"_s);
    QCOMPARE(visited->type, FieldType::Date);
    QCOMPARE(visited->minimum.kind, Bound::Kind::Date);
    QCOMPARE(visited->minimum.date, QDate(2024, 1, 1));
    QCOMPARE(visited->maximum.kind, Bound::Kind::Today);

    QCOMPARE(survey.field(u"has_plan"_s)->type, FieldType::Bool);
    const FieldDefinition *planYear = survey.field(u"plan_year"_s);
    QCOMPARE(planYear->relevant.source(), u"has_plan == true"_s);
    QCOMPARE(planYear->relevant.fields(), QStringList{u"has_plan"_s});
    QVERIFY(planYear->relevant.evaluate(QJsonObject{{u"has_plan"_s, true}}));
    QVERIFY(!planYear->relevant.evaluate(QJsonObject()));
    QCOMPARE(planYear->maximum.number, 2030.0);

    QCOMPARE(survey.field(u"site_photo"_s)->type, FieldType::Photo);
    QCOMPARE(survey.field(u"site"_s)->type, FieldType::Location);
    QVERIFY(survey.field(u"site"_s)->options.isEmpty());
}

void Tst_formdefinition::validOptionsAndRules()
{
    const auto loaded = FormDefinition::fromJson(QByteArray(kValid), u"valid.json"_s);
    QVERIFY(loaded.ok());
    const EntityDefinition &survey = loaded.value().entities().at(0);

    const FieldDefinition *level = survey.field(u"digital_level"_s);
    QCOMPARE(level->type, FieldType::SingleChoice);
    QCOMPARE(level->options.size(), 3);
    QCOMPARE(level->options.at(1).value, QJsonValue(2));
    QCOMPARE(level->options.at(1).label, (LocalizedText{u"二级"_s, u"Level 2"_s}));
    QVERIFY(level->option(QJsonValue(2)));
    QCOMPARE(level->option(QJsonValue(2))->label.en, u"Level 2"_s);
    QCOMPARE(level->option(QJsonValue(3.0))->label.en, u"Level 3"_s);
    QVERIFY(level->option(QJsonValue(u"2"_s)) == nullptr);
    QVERIFY(level->option(QJsonValue(4)) == nullptr);

    const FieldDefinition *tools = survey.field(u"tools"_s);
    QCOMPARE(tools->type, FieldType::MultipleChoice);
    QCOMPARE(tools->options.size(), 2);
    QCOMPARE(tools->options.at(0).value, QJsonValue(u"cad"_s));
    QCOMPARE(tools->option(QJsonValue(u"mes"_s))->label.zh, u"制造执行"_s);
    QCOMPARE(tools->minimum.number, 1.0);
    QCOMPARE(tools->maximum.number, 2.0);
    QVERIFY(tools->relevant.evaluate(QJsonObject{{u"digital_level"_s, 3}}));
    QVERIFY(!tools->relevant.evaluate(QJsonObject{{u"digital_level"_s, 1}}));

    QCOMPARE(survey.rules.size(), 1);
    const RuleDefinition &rule = survey.rules.at(0);
    QCOMPARE(rule.id, u"plan_after_period"_s);
    QCOMPARE(rule.field, u"plan_year"_s);
    QCOMPARE(rule.when.source(), u"has_plan"_s);
    QCOMPARE(rule.check.fields(), (QStringList{u"plan_year"_s, u"period"_s}));
    QCOMPARE(rule.message.en, u"The plan year is before the year"_s);
    QVERIFY(rule.check.evaluate(QJsonObject{{u"plan_year"_s, 2025}, {u"period"_s, 2024}}));
    QVERIFY(!rule.check.evaluate(QJsonObject{{u"plan_year"_s, 2023}, {u"period"_s, 2024}}));
}

void Tst_formdefinition::typeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<FieldType>("type");
    QTest::newRow("integer") << u"integer"_s << FieldType::Integer;
    QTest::newRow("decimal") << u"decimal"_s << FieldType::Decimal;
    QTest::newRow("bool") << u"bool"_s << FieldType::Bool;
    QTest::newRow("text") << u"text"_s << FieldType::Text;
    QTest::newRow("date") << u"date"_s << FieldType::Date;
    QTest::newRow("single_choice") << u"single_choice"_s << FieldType::SingleChoice;
    QTest::newRow("multiple_choice") << u"multiple_choice"_s << FieldType::MultipleChoice;
    QTest::newRow("photo") << u"photo"_s << FieldType::Photo;
    QTest::newRow("location") << u"location"_s << FieldType::Location;
}

void Tst_formdefinition::typeNames()
{
    QFETCH(QString, name);
    QFETCH(FieldType, type);
    QCOMPARE(fieldTypeName(type), name);
    QCOMPARE(fieldTypeFromName(name), std::optional<FieldType>(type));
    QCOMPARE(fieldTypeFromName(name.toUpper()), std::optional<FieldType>());
}

void Tst_formdefinition::checkNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<FieldCheck>("check");
    QTest::newRow("uscc") << u"uscc"_s << FieldCheck::Uscc;
    QTest::newRow("region") << u"region"_s << FieldCheck::Region;
    QTest::newRow("industry_code") << u"industry_code"_s << FieldCheck::IndustryCode;
    QTest::newRow("phone") << u"phone"_s << FieldCheck::Phone;
    QTest::newRow("uuid") << u"uuid"_s << FieldCheck::Uuid;
}

void Tst_formdefinition::checkNames()
{
    QFETCH(QString, name);
    QFETCH(FieldCheck, check);
    QCOMPARE(fieldCheckName(check), name);
    QCOMPARE(fieldCheckFromName(name), std::optional<FieldCheck>(check));
    QCOMPARE(fieldCheckFromName(name + u'x'), std::optional<FieldCheck>());
}

void Tst_formdefinition::broken_data()
{
    QTest::addColumn<QString>("path");  // where in kValid to change, kRaw for a whole document
    QTest::addColumn<QString>("value"); // JSON, or kRemove
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reasonPart");

    const QString s = u"entities/0/"_s;                  // survey
    const QString e = u"entities/1/"_s;                  // equipment
    const QString period = s + u"fields/1/"_s;           // integer, survey.period
    const QString basics = s + u"sections/0/"_s;         // section basics
    const QString uscc = basics + u"fields/0/"_s;        // text, check uscc
    const QString contact = basics + u"fields/1/"_s;     // text, default max_length
    const QString output = basics + u"fields/2/"_s;      // decimal
    const QString visited = basics + u"fields/3/"_s;     // date
    const QString hasPlan = basics + u"fields/4/"_s;     // bool
    const QString planYear = basics + u"fields/5/"_s;    // integer with relevance
    const QString level = s + u"sections/1/fields/0/"_s; // single choice, integer options
    const QString rule = s + u"rules/0/"_s;
    const QString label = u"{\"zh_CN\": \"标签\", \"en\": \"Label\"}"_s;

    QTest::newRow("not JSON") << kRaw << u"{\"form\": "_s << QString() << u"not valid JSON"_s;
    QTest::newRow("not an object") << kRaw << u"[1, 2]"_s << QString() << u"not a JSON object"_s;
    QTest::newRow("no version") << u"version"_s << kRemove << QString() << u"missing version"_s;
    QTest::newRow("version 0") << u"version"_s << u"0"_s << QString() << u"positive integer"_s;
    QTest::newRow("version as string") << u"version"_s << u"\"3\""_s << QString() << u"version"_s;
    QTest::newRow("no form id") << u"form"_s << kRemove << QString() << u"missing form id"_s;
    QTest::newRow("unknown top member")
        << u"colour"_s << u"1"_s << QString() << u"unknown member 'colour'"_s;
    QTest::newRow("no title") << u"title"_s << kRemove << QString() << u"missing title"_s;
    QTest::newRow("entity name case")
        << s + u"name"_s << u"\"Survey\""_s << QString() << u"entity name 'Survey'"_s;
    QTest::newRow("entity name too long")
        << e + u"name"_s << u"\"%1\""_s.arg(QString(65, u'e')) << QString() << u"at most 64"_s;
    QTest::newRow("unknown entity scope")
        << s + u"scope"_s << u"\"county\""_s << u"survey"_s << u"scope 'county'"_s;
    QTest::newRow("city-wide repeat group")
        << e + u"scope"_s << u"\"city\""_s << u"equipment"_s << u"repeat group"_s;
    QTest::newRow("duplicate entity")
        << e + u"name"_s << u"\"survey\""_s << u"survey"_s << u"duplicate entity 'survey'"_s;
    QTest::newRow("field name with dash")
        << period + u"name"_s << u"\"per-iod\""_s << u"survey"_s << u"field name 'per-iod'"_s;
    QTest::newRow("field name is a keyword")
        << s + u"fields/0/name"_s << u"\"in\""_s << u"survey"_s << u"expression language"_s;
    QTest::newRow("duplicate field")
        << uscc + u"name"_s << u"\"id\""_s << u"survey.id"_s << u"duplicate field 'id'"_s;
    QTest::newRow("duplicate section") << s + u"sections/1/id"_s << u"\"basics\""_s << u"survey"_s
                                       << u"duplicate section 'basics'"_s;
    QTest::newRow("unknown type") << period + u"type"_s << u"\"number\""_s << u"survey.period"_s
                                  << u"unknown type 'number'"_s;
    QTest::newRow("unknown check")
        << uscc + u"check"_s << u"\"usc\""_s << u"survey.uscc"_s << u"unknown check 'usc'"_s;
    QTest::newRow("check on integer")
        << period + u"check"_s << u"\"uuid\""_s << u"survey.period"_s << u"text fields only"_s;
    QTest::newRow("choice without options")
        << level + u"options"_s << u"[]"_s << u"survey.digital_level"_s << u"needs options"_s;
    QTest::newRow("duplicate option value")
        << level + u"options/1/value"_s << u"1"_s << u"survey.digital_level"_s
        << u"duplicate option value 1"_s;
    QTest::newRow("mixed option kinds") << level + u"options/1/value"_s << u"\"two\""_s
                                        << u"survey.digital_level"_s << u"mix strings"_s;
    QTest::newRow("fractional option value")
        << level + u"options/1/value"_s << u"2.5"_s << u"survey.digital_level"_s << u"integer"_s;
    QTest::newRow("options on bool")
        << hasPlan + u"options"_s << u"[{\"value\": \"y\", \"label\": %1}]"_s.arg(label)
        << u"survey.has_plan"_s << u"choice fields only"_s;
    QTest::newRow("min > max") << planYear + u"min"_s << u"2031"_s << u"survey.plan_year"_s
                               << u"min 2031 is greater than max 2030"_s;
    QTest::newRow("date min > max") << visited + u"max"_s << u"\"2023-12-31\""_s
                                    << u"survey.visited_on"_s << u"greater than max"_s;
    QTest::newRow("invalid date") << visited + u"min"_s << u"\"2024-02-30\""_s
                                  << u"survey.visited_on"_s << u"not a valid date"_s;
    QTest::newRow("this_year on a date") << visited + u"max"_s << u"\"this_year\""_s
                                         << u"survey.visited_on"_s << u"not a valid date"_s;
    QTest::newRow("this_year on a decimal")
        << output + u"max"_s << u"\"this_year\""_s << u"survey.output"_s << u"must be a number"_s;
    QTest::newRow("min on bool") << hasPlan + u"min"_s << u"1"_s << u"survey.has_plan"_s
                                 << u"applies to numbers"_s;
    QTest::newRow("negative min_length")
        << uscc + u"min_length"_s << u"-1"_s << u"survey.uscc"_s << u"negative"_s;
    QTest::newRow("min_length > max_length")
        << uscc + u"min_length"_s << u"19"_s << u"survey.uscc"_s << u"19 is greater than"_s;
    QTest::newRow("min_length > default max_length")
        << contact + u"min_length"_s << u"501"_s << u"survey.contact"_s << u"max_length 500"_s;
    QTest::newRow("max_length on integer")
        << period + u"max_length"_s << u"10"_s << u"survey.period"_s << u"text fields only"_s;
    QTest::newRow("no zh_CN label")
        << period + u"label/zh_CN"_s << kRemove << u"survey.period"_s << u"missing label zh_CN"_s;
    QTest::newRow("no en label") << period + u"label/en"_s << kRemove << u"survey.period"_s
                                 << u"missing label en"_s;
    QTest::newRow("no entity label")
        << e + u"label"_s << kRemove << u"equipment"_s << u"missing label"_s;
    QTest::newRow("no section label zh_CN")
        << basics + u"label/zh_CN"_s << kRemove << u"survey"_s << u"missing label zh_CN"_s;
    QTest::newRow("no option label en") << level + u"options/0/label/en"_s << kRemove
                                        << u"survey.digital_level"_s << u"missing label en"_s;
    QTest::newRow("relevant does not parse")
        << planYear + u"relevant"_s << u"\"has_plan ==\""_s << u"survey.plan_year"_s
        << u"at position 11: expected a value"_s;
    QTest::newRow("relevant reads unknown field")
        << planYear + u"relevant"_s << u"\"hasplan == true\""_s << u"survey.plan_year"_s
        << u"unknown field 'hasplan'"_s;
    QTest::newRow("rule when does not parse")
        << rule + u"when"_s << u"\"has_plan and\""_s << u"survey"_s << u"at position 12"_s;
    QTest::newRow("rule check reads unknown field")
        << rule + u"check"_s << u"\"plan_year >= periode\""_s << u"survey"_s
        << u"unknown field 'periode'"_s;
    QTest::newRow("rule on unknown field")
        << rule + u"field"_s << u"\"nope\""_s << u"survey"_s << u"unknown field 'nope'"_s;
    QTest::newRow("rule with empty check")
        << rule + u"check"_s << u"\"\""_s << u"survey"_s << u"check is empty"_s;
    QTest::newRow("rule without check")
        << rule + u"check"_s << kRemove << u"survey"_s << u"check is empty"_s;
    QTest::newRow("repeat of unknown entity")
        << s + u"sections/2/repeat"_s << u"\"machines\""_s << u"survey"_s << u"not an entity"_s;
    QTest::newRow("repeat of a non-child") << s + u"sections/2/repeat"_s << u"\"survey\""_s
                                           << u"survey"_s << u"whose parent is not 'survey'"_s;
    QTest::newRow("unknown parent") << e + u"parent"_s << u"\"surveys\""_s << u"equipment"_s
                                    << u"parent 'surveys' is not an entity"_s;
    QTest::newRow("parent_field not a field")
        << e + u"parent_field"_s << u"\"owner\""_s << u"equipment"_s << u"parent_field 'owner'"_s;
    const QString cycle = uR"json({"form": "f", "version": 1, "title": %1, "entities": [
        {"name": "a", "label": %1, "parent": "b", "parent_field": "x",
         "fields": [{"name": "x", "type": "text", "label": %1}]},
        {"name": "b", "label": %1, "parent": "a", "parent_field": "y",
         "fields": [{"name": "y", "type": "text", "label": %1}]}]})json"_s.arg(label);
    QTest::newRow("parent cycle") << kRaw << cycle << u"a"_s << u"own ancestor"_s;
    QTest::newRow("title_field not a field")
        << s + u"title_field"_s << u"\"year\""_s << u"survey"_s << u"title_field 'year'"_s;
    QTest::newRow("required as string")
        << period + u"required"_s << u"\"yes\""_s << u"survey.period"_s << u"must be a boolean"_s;
    QTest::newRow("typo in field member") << period + u"requird"_s << u"true"_s
                                          << u"survey.period"_s << u"unknown member 'requird'"_s;
    QTest::newRow("typo in entity member")
        << s + u"sectons"_s << u"[]"_s << u"survey"_s << u"unknown member 'sectons'"_s;
    QTest::newRow("unknown language")
        << period + u"label/fr"_s << u"\"an\""_s << u"survey.period"_s << u"unknown member 'fr'"_s;
    QTest::newRow("fields not an array")
        << s + u"fields"_s << u"{}"_s << u"survey"_s << u"must be an array"_s;
    QTest::newRow("field not an object")
        << s + u"fields/+"_s << u"5"_s << u"survey"_s << u"not an object"_s;
    QTest::newRow("section with fields and repeat")
        << s + u"sections/2/fields"_s << u"[{\"name\": \"x\"}]"_s << u"survey"_s
        << u"both fields and repeat"_s;
}

void Tst_formdefinition::broken()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, field);
    QFETCH(QString, reasonPart);

    QByteArray json;
    if (path == kRaw) {
        json = value.toUtf8();
    } else {
        QJsonValue v(QJsonValue::Undefined); // remove
        if (value != kRemove) {
            const auto wrapped = QJsonDocument::fromJson(u"[%1]"_s.arg(value).toUtf8());
            QVERIFY2(wrapped.isArray() && wrapped.array().size() == 1, qPrintable(value));
            v = wrapped.array().at(0);
        }
        const QJsonValue changed = withPath(validObject(), path.split(u'/'), v);
        json = QJsonDocument(changed.toObject()).toJson();
    }
    const auto loaded = FormDefinition::fromJson(json, u"broken.json"_s);
    QVERIFY2(!loaded.ok(), "the broken definition was accepted");
    const DefinitionError &error = loaded.error();
    QCOMPARE(error.file, u"broken.json"_s);
    QVERIFY2(error.reason.contains(reasonPart), qPrintable(error.toString()));
    QCOMPARE(error.field, field);
}

void Tst_formdefinition::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"survey.v3.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kValid);
    file.close();
    const auto loaded = FormDefinition::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE(loaded.value().version(), 3);
    QCOMPARE(loaded.value().entities().size(), 2);
}

void Tst_formdefinition::loadMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.json"_s);
    const auto loaded = FormDefinition::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().file, path);
    QCOMPARE(loaded.error().field, QString());
    QVERIFY(loaded.error().toString().startsWith(path + u": "_s));
}

void Tst_formdefinition::loadSurveyAsset()
{
    QString assets = qEnvironmentVariable("GX_ASSETS_DIR");
    if (assets.isEmpty())
        assets = QStringLiteral(GX_ASSETS_DIR);
    const auto loaded = FormDefinition::load(assets + u"/forms/survey.v1.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const FormDefinition &form = loaded.value();
    QCOMPARE(form.id(), u"lishui-equipment-renewal"_s);
    QCOMPARE(form.version(), 1);
    QVERIFY(form.entity(u"survey"_s));
    QVERIFY(form.entity(u"equipment"_s));
    QCOMPARE(form.entity(u"equipment"_s)->parent, u"survey"_s);
}

void Tst_formdefinition::errorToString_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("document") << QString() << u"f.json: bad"_s;
    QTest::newRow("entity") << u"survey"_s << u"f.json: survey: bad"_s;
    QTest::newRow("field") << u"survey.period"_s << u"f.json: survey.period: bad"_s;
}

void Tst_formdefinition::errorToString()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE((DefinitionError{u"f.json"_s, field, u"bad"_s}.toString()), expected);
}

QTEST_APPLESS_MAIN(Tst_formdefinition)
#include "tst_formdefinition.moc"
