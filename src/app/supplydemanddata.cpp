#include "app/supplydemanddata.h"

#include "app/figureformatter.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

using Code = SupplyDemandParseError::Code;

/**
 * Reads members of one answer and keeps the first problem: every read after it returns a
 * harmless default, so a parse reads on and the caller looks at failed() once.
 */
class Reader
{
public:
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const SupplyDemandParseError &error() const { return *m_error; }

    void fail(Code code, const QString &member)
    {
        if (m_error)
            return;
        QString why;
        switch (code) {
        case Code::Missing:
            why = SupplyDemandParser::tr("%1 is missing").arg(member);
            break;
        case Code::WrongType:
            why = SupplyDemandParser::tr("%1 has the wrong type").arg(member);
            break;
        case Code::OutOfRange:
            why = SupplyDemandParser::tr("%1 is out of range").arg(member);
            break;
        case Code::WrongQuestion:
            why = SupplyDemandParser::tr("%1 is not what was asked for").arg(member);
            break;
        }
        m_error = SupplyDemandParseError{
            code, member,
            SupplyDemandParser::tr("The server's supply and demand answer could not be read "
                                   "(%1); nothing shown was changed.")
                .arg(why)};
    }

    QJsonValue member(const QJsonObject &object, const QString &name, const QString &path)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined())
            fail(Code::Missing, path);
        return value;
    }

    QString text(const QJsonObject &object, const QString &name, const QString &path)
    {
        const QJsonValue value = member(object, name, path);
        if (failed())
            return {};
        if (!value.isString() || value.toString().isEmpty()) {
            fail(Code::WrongType, path);
            return {};
        }
        return value.toString();
    }

    /** A whole number from 0 up. */
    qint64 count(const QJsonObject &object, const QString &name, const QString &path)
    {
        const QJsonValue value = member(object, name, path);
        if (failed())
            return 0;
        const double d = value.toDouble(-1);
        if (!value.isDouble() || d != std::floor(d)) {
            fail(Code::WrongType, path);
            return 0;
        }
        if (d < 0 || d > 1e15) {
            fail(Code::OutOfRange, path);
            return 0;
        }
        return qint64(d);
    }

    double amount(const QJsonObject &object, const QString &name, const QString &path)
    {
        const QJsonValue value = member(object, name, path);
        if (failed())
            return 0;
        if (!value.isDouble()) {
            fail(Code::WrongType, path);
            return 0;
        }
        if (!std::isfinite(value.toDouble()) || value.toDouble() < 0) {
            fail(Code::OutOfRange, path);
            return 0;
        }
        return value.toDouble();
    }

    QJsonObject object(const QJsonObject &parent, const QString &name, const QString &path)
    {
        const QJsonValue value = member(parent, name, path);
        if (!failed() && !value.isObject())
            fail(Code::WrongType, path);
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &name, const QString &path)
    {
        const QJsonValue value = member(parent, name, path);
        if (!failed() && !value.isArray())
            fail(Code::WrongType, path);
        return value.toArray();
    }

    QJsonObject element(const QJsonArray &array, qsizetype i, const QString &path)
    {
        if (!array.at(i).isObject())
            fail(Code::WrongType, path);
        return array.at(i).toObject();
    }

    DemandFigures sums(const QJsonObject &object, const QString &path)
    {
        DemandFigures out;
        out.enterprises = int(count(object, u"enterprises"_s, path + u".enterprises"_s));
        out.units = count(object, u"units"_s, path + u".units"_s);
        out.investment = amount(object, u"investment_10k"_s, path + u".investment_10k"_s);
        out.rows = int(count(object, u"rows"_s, path + u".rows"_s));
        return out;
    }

    SupplyCoverage coverage(const QJsonObject &object, const QString &path)
    {
        SupplyCoverage out;
        out.region = text(object, u"region"_s, path + u".region"_s);
        out.categoriesWithDemand =
            int(count(object, u"categories_with_demand"_s, path + u".categories_with_demand"_s));
        out.categoriesSupplied =
            int(count(object, u"categories_supplied"_s, path + u".categories_supplied"_s));
        out.gaps = int(count(object, u"gaps"_s, path + u".gaps"_s));
        out.demand =
            sums(this->object(object, u"demand"_s, path + u".demand"_s), path + u".demand"_s);
        if (!failed() && (out.categoriesSupplied > out.categoriesWithDemand ||
                          out.gaps != out.categoriesWithDemand - out.categoriesSupplied))
            fail(Code::OutOfRange, path + u".categories_supplied"_s);
        return out;
    }

private:
    std::optional<SupplyDemandParseError> m_error;
};

} // namespace

Result<SupplyDemandReport, SupplyDemandParseError>
SupplyDemandParser::report(const QJsonObject &answer, int period)
{
    Reader read;
    SupplyDemandReport out;
    out.period = int(read.count(answer, u"period"_s, u"period"_s));
    if (!read.failed() && out.period != period)
        read.fail(Code::WrongQuestion, u"period"_s);
    const QJsonArray rows = read.array(answer, u"rows"_s, u"rows"_s);
    for (qsizetype i = 0; i < rows.size() && !read.failed(); ++i) {
        const QString path = u"rows[%1]"_s.arg(i);
        const QJsonObject row = read.element(rows, i, path);
        SupplyDemandLine line;
        line.region = read.text(row, u"region"_s, path + u".region"_s);
        line.category = read.text(row, u"category"_s, path + u".category"_s);
        line.demand =
            read.sums(read.object(row, u"demand"_s, path + u".demand"_s), path + u".demand"_s);
        const QJsonObject years = read.object(row, u"by_year"_s, path + u".by_year"_s);
        for (auto it = years.begin(); it != years.end() && !read.failed(); ++it) {
            const QString yearPath = path + u".by_year."_s + it.key();
            bool isYear = false;
            const int year = it.key().toInt(&isYear);
            if (!isYear || year < 1900 || year > 2200) {
                read.fail(Code::OutOfRange, yearPath);
                break;
            }
            if (!it.value().isObject())
                read.fail(Code::WrongType, yearPath);
            line.byYear.insert(year, read.sums(it.value().toObject(), yearPath));
        }
        line.products = int(read.count(row, u"products"_s, path + u".products"_s));
        line.providers = int(read.count(row, u"providers"_s, path + u".providers"_s));
        const QJsonValue gap = read.member(row, u"gap"_s, path + u".gap"_s);
        if (!read.failed() && !gap.isBool())
            read.fail(Code::WrongType, path + u".gap"_s);
        line.gap = gap.toBool();
        out.rows.append(line);
    }
    const QJsonArray regions = read.array(answer, u"regions"_s, u"regions"_s);
    for (qsizetype i = 0; i < regions.size() && !read.failed(); ++i) {
        const QString path = u"regions[%1]"_s.arg(i);
        out.regions.append(read.coverage(read.element(regions, i, path), path));
    }
    out.city = read.coverage(read.object(answer, u"city"_s, u"city"_s), u"city"_s);
    if (read.failed())
        return read.error();
    return out;
}

Result<SupplyDemandDetail, SupplyDemandParseError>
SupplyDemandParser::detail(const QJsonObject &answer, int period, const QString &region,
                           const QString &category)
{
    Reader read;
    SupplyDemandDetail out;
    out.period = int(read.count(answer, u"period"_s, u"period"_s));
    out.region = read.text(answer, u"region"_s, u"region"_s);
    out.category = read.text(answer, u"category"_s, u"category"_s);
    if (!read.failed() && out.period != period)
        read.fail(Code::WrongQuestion, u"period"_s);
    if (!read.failed() && out.region != region)
        read.fail(Code::WrongQuestion, u"region"_s);
    if (!read.failed() && out.category != category)
        read.fail(Code::WrongQuestion, u"category"_s);
    const QJsonArray enterprises = read.array(answer, u"enterprises"_s, u"enterprises"_s);
    for (qsizetype i = 0; i < enterprises.size() && !read.failed(); ++i) {
        const QString path = u"enterprises[%1]"_s.arg(i);
        const QJsonObject e = read.element(enterprises, i, path);
        DemandEnterprise enterprise;
        enterprise.uscc = read.text(e, u"enterprise"_s, path + u".enterprise"_s);
        enterprise.name = e.value("name"_L1).toString(); // "" when the record has none
        enterprise.survey = e.value("survey"_L1).toString();
        const QJsonArray rows = read.array(e, u"rows"_s, path + u".rows"_s);
        for (qsizetype r = 0; r < rows.size() && !read.failed(); ++r) {
            const QString rowPath = path + u".rows[%1]"_s.arg(r);
            const QJsonObject row = read.element(rows, r, rowPath);
            PlannedRenewal renewal;
            renewal.id = read.text(row, u"id"_s, rowPath + u".id"_s);
            renewal.name = row.value("name"_L1).toString();
            renewal.model = row.value("model"_L1).toString();
            renewal.quantity = int(read.count(row, u"quantity"_s, rowPath + u".quantity"_s));
            const QJsonValue year = row.value("planned_year"_L1);
            if (year.isDouble())
                renewal.plannedYear = year.toInt();
            else if (!year.isNull() && !year.isUndefined())
                read.fail(Code::WrongType, rowPath + u".planned_year"_s);
            const QJsonValue invest = row.value("planned_invest_10k"_L1);
            if (invest.isDouble() && std::isfinite(invest.toDouble()))
                renewal.investment = invest.toDouble();
            else if (!invest.isNull() && !invest.isUndefined())
                read.fail(Code::WrongType, rowPath + u".planned_invest_10k"_s);
            enterprise.rows.append(renewal);
        }
        out.enterprises.append(enterprise);
    }
    for (const QString &kind : {u"products"_s, u"providers"_s}) {
        const QJsonArray list = read.array(answer, kind, kind);
        for (qsizetype i = 0; i < list.size() && !read.failed(); ++i) {
            const QJsonObject offer = read.element(list, i, u"%1[%2]"_s.arg(kind).arg(i));
            (kind == u"products"_s ? out.products : out.providers).append(offer);
        }
    }
    if (read.failed())
        return read.error();
    return out;
}

QString SupplyDemandParser::categoryLabel(const FormDefinition &form, const QString &category,
                                          Language language)
{
    if (const EntityDefinition *equipment = form.entity(u"equipment"_s)) {
        if (const FieldDefinition *field = equipment->field(u"category"_s)) {
            if (const ChoiceOption *option = field->option(QJsonValue(category)))
                return option->label.text(language);
        }
    }
    return category;
}

QString SupplyDemandParser::shortLabel(const QString &label)
{
    qsizetype cut = label.indexOf(u'（');
    if (cut < 0)
        cut = label.indexOf(u" ("_s);
    if (cut < 0)
        cut = label.indexOf(u'(');
    return cut > 0 ? label.left(cut).trimmed() : label;
}

QString SupplyDemandParser::investmentText(double tenThousands)
{
    return tr("%1 (10k yuan)").arg(FigureFormatter::number(std::round(tenThousands * 100) / 100));
}

} // namespace gx
