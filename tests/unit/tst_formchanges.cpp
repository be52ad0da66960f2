#include "core/formchanges.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace gx;

namespace {

using ObjectEdit = std::function<void(QJsonObject &)>;

QString assetsDir()
{
    const QString fromEnv = qEnvironmentVariable("GX_ASSETS_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(GX_ASSETS_DIR) : fromEnv;
}

QJsonObject shippedDefinition(int version = 1)
{
    QFile file(assetsDir() + u"/forms/survey.v%1.json"_s.arg(version));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the shipped definition");
    return QJsonDocument::fromJson(file.readAll()).object();
}

void editArray(QJsonObject &o, QLatin1StringView key, const std::function<void(QJsonArray &)> &fn)
{
    QJsonArray array = o.value(key).toArray();
    fn(array);
    o.insert(key, array);
}

/** Applies edit to the member of `array` whose `key` is `name`; an edit that empties it
 * removes it. */
bool editNamed(QJsonArray &array, QLatin1StringView key, const QString &name,
               const ObjectEdit &edit)
{
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject item = array.at(i).toObject();
        if (item.value(key).toString() != name)
            continue;
        edit(item);
        if (item.isEmpty())
            array.removeAt(i);
        else
            array.replace(i, item);
        return true;
    }
    return false;
}

ObjectEdit inEntity(const QString &entity, const ObjectEdit &edit)
{
    return [=](QJsonObject &doc) {
        editArray(doc, "entities"_L1,
                  [&](QJsonArray &entities) { editNamed(entities, "name"_L1, entity, edit); });
    };
}

/** Edits a field of an entity wherever it is declared (the entity's fields or a section's). */
ObjectEdit onField(const QString &entity, const QString &field, const ObjectEdit &edit)
{
    return inEntity(entity, [=](QJsonObject &e) {
        bool done = false;
        editArray(e, "fields"_L1,
                  [&](QJsonArray &fields) { done = editNamed(fields, "name"_L1, field, edit); });
        if (done)
            return;
        editArray(e, "sections"_L1, [&](QJsonArray &sections) {
            for (qsizetype i = 0; i < sections.size() && !done; ++i) {
                QJsonObject s = sections.at(i).toObject();
                editArray(s, "fields"_L1, [&](QJsonArray &fields) {
                    done = editNamed(fields, "name"_L1, field, edit);
                });
                sections.replace(i, s);
            }
        });
    });
}

ObjectEdit onSection(const QString &entity, const QString &section, const ObjectEdit &edit)
{
    return inEntity(entity, [=](QJsonObject &e) {
        editArray(e, "sections"_L1,
                  [&](QJsonArray &sections) { editNamed(sections, "id"_L1, section, edit); });
    });
}

ObjectEdit appendTo(QLatin1StringView key, const QJsonObject &item)
{
    return [=](QJsonObject &o) {
        editArray(o, key, [&](QJsonArray &a) { a.append(item); });
    };
}

QJsonObject text(const QString &zh, const QString &en)
{
    return QJsonObject{{u"zh_CN"_s, zh}, {u"en"_s, en}};
}

const QJsonObject kProviderField{
    {u"name"_s, u"digital_service_provider"_s},
    {u"type"_s, u"text"_s},
    {u"label"_s, text(u"数字化改造服务商"_s, u"Digital transformation provider"_s)},
    {u"max_length"_s, 100}};

/** The named edits of the data table, each applied to the shipped definition. */
const QHash<QString, ObjectEdit> &edits()
{
    static const QHash<QString, ObjectEdit> table{
        {u"nothing"_s,
         [](QJsonObject &) {
         }},
        {u"comment only"_s,
         [](QJsonObject &doc) {
             doc.insert("comment"_L1, u"v2"_s);
         }},
        {u"add an optional field"_s,
         onSection(u"enterprise"_s, u"basic"_s, appendTo("fields"_L1, kProviderField))},
        {u"add an option"_s,
         onField(u"enterprise"_s, u"cluster"_s,
                 appendTo("options"_L1,
                          QJsonObject{{u"value"_s, u"new_materials"_s},
                                      {u"label"_s, text(u"新材料"_s, u"New materials"_s)}}))},
        {u"change a label"_s, onField(u"enterprise"_s, u"name"_s,
                                      [](QJsonObject &f) {
                                          f.insert("label"_L1, text(u"企业全称"_s, u"Full name"_s));
                                      })},
        {u"make a field required"_s,
         onField(u"survey"_s, u"uses_5g"_s, [](QJsonObject &f) { f.insert("required"_L1, true); })},
        {u"add a section"_s,
         inEntity(u"enterprise"_s,
                  appendTo("sections"_L1, QJsonObject{{u"id"_s, u"digital"_s},
                                                      {u"label"_s, text(u"数字化"_s, u"Digital"_s)},
                                                      {u"fields"_s, QJsonArray{kProviderField}}}))},
        {u"add a rule"_s,
         inEntity(u"enterprise"_s,
                  appendTo("rules"_L1, QJsonObject{{u"id"_s, u"employees_positive"_s},
                                                   {u"field"_s, u"employees"_s},
                                                   {u"check"_s, u"employees > 0"_s},
                                                   {u"message"_s, text(u"从业人数应大于0"_s,
                                                                       u"Employees > 0"_s)}}))},
        {u"drop a rule"_s, inEntity(u"survey"_s,
                                    [](QJsonObject &e) {
                                        editArray(e, "rules"_L1, [](QJsonArray &rules) {
                                            editNamed(rules, "id"_L1, u"cnc_le_key"_s,
                                                      [](QJsonObject &r) { r = {}; });
                                        });
                                    })},
        {u"change the title"_s,
         [](QJsonObject &doc) {
             doc.insert("title"_L1, text(u"新标题"_s, u"New title"_s));
         }},
        {u"remove a field"_s,
         onField(u"enterprise"_s, u"employees"_s, [](QJsonObject &f) { f = {}; })},
        {u"remove an entity's own field"_s,
         onField(u"survey"_s, u"state"_s, [](QJsonObject &f) { f = {}; })},
        {u"change a type"_s, onField(u"enterprise"_s, u"employees"_s,
                                     [](QJsonObject &f) { f.insert("type"_L1, u"decimal"_s); })},
        {u"change a check"_s, onField(u"enterprise"_s, u"contact_phone"_s,
                                      [](QJsonObject &f) { f.remove("check"_L1); })},
        {u"remove an option"_s, onField(u"survey"_s, u"renovation_status"_s,
                                        [](QJsonObject &f) {
                                            editArray(f, "options"_L1, [](QJsonArray &options) {
                                                editNamed(options, "value"_L1, u"in_progress"_s,
                                                          [](QJsonObject &o) { o = {}; });
                                            });
                                        })},
        {u"remove a section"_s, inEntity(u"survey"_s,
                                         [](QJsonObject &e) {
                                             editArray(e, "sections"_L1, [](QJsonArray &sections) {
                                                 editNamed(sections, "id"_L1, u"key_processes"_s,
                                                           [](QJsonObject &s) { s = {}; });
                                             });
                                         })},
        {u"remove an entity"_s,
         [](QJsonObject &doc) {
             editArray(doc, "entities"_L1, [](QJsonArray &entities) {
                 editNamed(entities, "name"_L1, u"key_process"_s, [](QJsonObject &e) { e = {}; });
             });
             // ... and the section that listed its rows, or the document would not load.
             onSection(u"survey"_s, u"key_processes"_s, [](QJsonObject &s) { s = {}; })(doc);
         }},
        {u"change a parent"_s,
         inEntity(u"key_process"_s,
                  [](QJsonObject &e) { e.insert("parent_field"_L1, u"equipment_note"_s); })},
        {u"change a scope"_s,
         inEntity(u"enterprise"_s, [](QJsonObject &e) { e.insert("scope"_L1, u"city"_s); })},
        {u"change the form id"_s,
         [](QJsonObject &doc) {
             doc.insert("form"_L1, u"another-form"_s);
         }},
    };
    return table;
}

FormDefinition load(const QJsonObject &doc)
{
    auto loaded = FormDefinition::fromJson(QJsonDocument(doc).toJson(), u"test"_s);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error().toString()));
    return loaded.value();
}

QStringList describe(const QList<FormChange> &changes)
{
    QStringList out;
    for (const FormChange &c : changes)
        out.append(formChangeKindName(c.kind) + u' ' + c.entity + u' ' + c.field);
    return out;
}

} // namespace

class Tst_formchanges : public QObject
{
    Q_OBJECT

private slots:
    void compare_data();
    void compare();
    void shippedVersion2();
    void kindNames();
    void changeJson();
};

void Tst_formchanges::compare_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<QString>("refusedField");

    const QStringList none;
    QTest::newRow("the same definition") << u"nothing"_s << none << QString();
    QTest::newRow("a comment is not a change") << u"comment only"_s << none << QString();
    QTest::newRow("an optional field")
        << u"add an optional field"_s
        << QStringList{u"field_added enterprise digital_service_provider"_s,
                       u"section_changed enterprise basic"_s}
        << QString();
    QTest::newRow("an option") << u"add an option"_s
                               << QStringList{u"option_added enterprise cluster"_s} << QString();
    QTest::newRow("a label") << u"change a label"_s
                             << QStringList{u"field_changed enterprise name"_s} << QString();
    QTest::newRow("required") << u"make a field required"_s
                              << QStringList{u"field_changed survey uses_5g"_s} << QString();
    QTest::newRow("a section with a field")
        << u"add a section"_s
        << QStringList{u"field_added enterprise digital_service_provider"_s,
                       u"section_added enterprise digital"_s}
        << QString();
    QTest::newRow("a rule") << u"add a rule"_s
                            << QStringList{u"rule_added enterprise employees_positive"_s}
                            << QString();
    QTest::newRow("a rule dropped")
        << u"drop a rule"_s << QStringList{u"rule_removed survey cnc_le_key"_s} << QString();
    QTest::newRow("the title") << u"change the title"_s << QStringList{u"title_changed  "_s}
                               << QString();

    QTest::newRow("a field removed") << u"remove a field"_s << none << u"enterprise.employees"_s;
    QTest::newRow("an entity's own field removed")
        << u"remove an entity's own field"_s << none << u"survey.state"_s;
    QTest::newRow("a type changed") << u"change a type"_s << none << u"enterprise.employees"_s;
    QTest::newRow("a check changed")
        << u"change a check"_s << none << u"enterprise.contact_phone"_s;
    QTest::newRow("an option removed")
        << u"remove an option"_s << none << u"survey.renovation_status"_s;
    QTest::newRow("a section removed")
        << u"remove a section"_s << none << u"survey.key_processes"_s;
    QTest::newRow("an entity removed") << u"remove an entity"_s << none << u"key_process"_s;
    QTest::newRow("a parent changed") << u"change a parent"_s << none << u"key_process"_s;
    QTest::newRow("a scope changed") << u"change a scope"_s << none << u"enterprise"_s;
    QTest::newRow("the form id changed") << u"change the form id"_s << none << u"form"_s;
}

void Tst_formchanges::compare()
{
    QFETCH(QString, edit);
    QFETCH(QStringList, changes);
    QFETCH(QString, refusedField);

    const QJsonObject original = shippedDefinition();
    QJsonObject edited = original;
    QVERIFY(edits().contains(edit));
    edits().value(edit)(edited);
    edited.insert("version"_L1, 2);
    if (edit != u"nothing"_s && edit != u"comment only"_s)
        QVERIFY2(edited != original, "the edit changed nothing: the test data is wrong");

    const auto result = compareForms(load(original), load(edited));
    if (refusedField.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().reason));
        QCOMPARE(describe(result.value()), changes);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, refusedField);
        QVERIFY(!result.error().reason.isEmpty());
    }
}

void Tst_formchanges::shippedVersion2()
{
    // assets/forms/survey.v2.json (the demo's second version) follows version 1.
    const auto result = compareForms(load(shippedDefinition(1)), load(shippedDefinition(2)));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().reason));
    QCOMPARE(describe(result.value()),
             (QStringList{u"field_added survey digital_service_provider"_s,
                          u"section_changed survey digital"_s}));
    QCOMPARE(load(shippedDefinition(2)).version(), 2);
}

void Tst_formchanges::kindNames()
{
    for (int i = 0; i <= int(FormChange::Kind::TitleChanged); ++i) {
        const auto kind = static_cast<FormChange::Kind>(i);
        const QString name = formChangeKindName(kind);
        QVERIFY(!name.isEmpty());
        QCOMPARE(formChangeKindFromName(name), std::optional(kind));
    }
    QCOMPARE(formChangeKindFromName(u"field_removed"), std::nullopt);
}

void Tst_formchanges::changeJson()
{
    const FormChange added{FormChange::Kind::FieldAdded, u"enterprise"_s, u"x"_s};
    QCOMPARE(added.toJson(), (QJsonObject{{u"kind"_s, u"field_added"_s},
                                          {u"entity"_s, u"enterprise"_s},
                                          {u"field"_s, u"x"_s}}));
    const FormChange title{FormChange::Kind::TitleChanged, {}, {}};
    QCOMPARE(formChangesToJson({title}), (QJsonArray{QJsonObject{{u"kind"_s, u"title_changed"_s},
                                                                 {u"entity"_s, QJsonValue::Null},
                                                                 {u"field"_s, QJsonValue::Null}}}));
}

QTEST_GUILESS_MAIN(Tst_formchanges)
#include "tst_formchanges.moc"
