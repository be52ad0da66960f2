// What the notice "the survey was updated" says (FormUpdateNotice::describe) for each kind of
// change a new version may make, from core's compareForms() between two definitions; in
// English, the source language (tests/qml/form/tst_formversion.qml checks the Chinese text and
// the banner).

#include "app/formupdatenotice.h"
#include "formversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Edit = std::function<void(QJsonObject &survey)>;

/** The survey entity's field `name` (in its sections) passed to `edit`. */
void editField(QJsonObject &survey, const QString &name,
               const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray sections = survey.value("sections"_L1).toArray();
    for (qsizetype s = 0; s < sections.size(); ++s) {
        QJsonObject section = sections.at(s).toObject();
        QJsonArray fields = section.value("fields"_L1).toArray();
        for (qsizetype f = 0; f < fields.size(); ++f) {
            QJsonObject field = fields.at(f).toObject();
            if (field.value("name"_L1).toString() != name)
                continue;
            edit(field);
            fields.replace(f, field);
        }
        section.insert(u"fields"_s, fields);
        sections.replace(s, section);
    }
    survey.insert(u"sections"_s, sections);
}

QJsonObject textField(const QString &name, const QString &en)
{
    return QJsonObject{{u"name"_s, name},
                       {u"type"_s, u"text"_s},
                       {u"label"_s, QJsonObject{{u"zh_CN"_s, u"字段"_s}, {u"en"_s, en}}}};
}

/** The bundled definition as version 2 with the survey edited. */
gx::FormDefinition nextVersion(const Edit &edit)
{
    QJsonObject json = gx::test::bundledSurveyDefinition();
    json.insert(u"version"_s, 2);
    QJsonArray entities = json.value("entities"_L1).toArray();
    for (qsizetype e = 0; e < entities.size(); ++e) {
        QJsonObject entity = entities.at(e).toObject();
        if (entity.value("name"_L1).toString() == "survey"_L1)
            edit(entity);
        entities.replace(e, entity);
    }
    json.insert(u"entities"_s, entities);
    auto loaded = gx::FormDefinition::fromJson(QJsonDocument(json).toJson(), u"v2"_s);
    if (!loaded)
        qFatal("version 2: %s", qPrintable(loaded.error().toString()));
    return std::move(loaded).value();
}

gx::FormDefinition bundled()
{
    auto loaded = gx::FormDefinition::fromJson(
        QJsonDocument(gx::test::bundledSurveyDefinition()).toJson(), u"v1"_s);
    if (!loaded)
        qFatal("version 1: %s", qPrintable(loaded.error().toString()));
    return std::move(loaded).value();
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class Tst_formupdatenotice : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
};

void Tst_formupdatenotice::describe_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");

    const QString prefix = u"The survey was updated to version 2: "_s;
    QTest::newRow("nothing") << Edit([](QJsonObject &) {})
                             << u"The survey was updated to version 2."_s;
    QTest::newRow("a new field") << Edit([](QJsonObject &survey) {
        QJsonArray sections = survey.value("sections"_L1).toArray();
        QJsonObject first = sections.at(0).toObject();
        QJsonArray fields = first.value("fields"_L1).toArray();
        fields.append(textField(u"digital_lead"_s, u"Digital lead"_s));
        first.insert(u"fields"_s, fields);
        sections.replace(0, first);
        survey.insert(u"sections"_s, sections);
    }) << prefix + u"new Digital lead"_s;
    QTest::newRow("a new option") << Edit([](QJsonObject &survey) {
        editField(survey, u"renovation_status"_s, [](QJsonObject &field) {
            QJsonArray options = field.value("options"_L1).toArray();
            options.append(QJsonObject{
                {u"value"_s, u"paused"_s},
                {u"label"_s, QJsonObject{{u"zh_CN"_s, u"暂停"_s}, {u"en"_s, u"Paused"_s}}}});
            field.insert(u"options"_s, options);
        });
    }) << prefix + u"new Digital / smart renovation status: Paused"_s;
    QTest::newRow("a new label") << Edit([](QJsonObject &survey) {
        editField(survey, u"notes"_s, [](QJsonObject &field) {
            field.insert(u"label"_s, QJsonObject{{u"zh_CN"_s, u"备注"_s}, {u"en"_s, u"Notes"_s}});
        });
    }) << prefix + u"changed Notes"_s;
    QTest::newRow("a new section, added and changed") << Edit([](QJsonObject &survey) {
        editField(survey, u"notes"_s,
                  [](QJsonObject &field) { field.insert(u"max_length"_s, 1000); });
        QJsonArray sections = survey.value("sections"_L1).toArray();
        sections.append(
            QJsonObject{{u"id"_s, u"energy"_s},
                        {u"label"_s, QJsonObject{{u"zh_CN"_s, u"能耗"_s}, {u"en"_s, u"Energy"_s}}},
                        {u"fields"_s, QJsonArray{textField(u"energy_note"_s, u"Energy note"_s)}}});
        survey.insert(u"sections"_s, sections);
    }) << prefix + u"new Energy note, Energy; changed Visit notes"_s;
    QTest::newRow("more than eight")
        << Edit([](QJsonObject &survey) {
               QJsonArray sections = survey.value("sections"_L1).toArray();
               QJsonObject first = sections.at(0).toObject();
               QJsonArray fields = first.value("fields"_L1).toArray();
               for (int i = 1; i <= 11; ++i)
                   fields.append(textField(u"extra_%1"_s.arg(i), u"Extra %1"_s.arg(i)));
               first.insert(u"fields"_s, fields);
               sections.replace(0, first);
               survey.insert(u"sections"_s, sections);
           })
        << prefix +
               u"new Extra 1, Extra 2, Extra 3, Extra 4, Extra 5, Extra 6, Extra 7, Extra 8 and 3 more"_s;
}

void Tst_formupdatenotice::describe()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    const gx::FormDefinition from = bundled();
    const gx::FormDefinition to = nextVersion(edit);
    QCOMPARE(gx::FormUpdateNotice::describe(from, to, gx::Language::En), expected);
}

QTEST_GUILESS_MAIN(Tst_formupdatenotice)
#include "tst_formupdatenotice.moc"
