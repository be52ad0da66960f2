#include "core/regioncatalog.h"

#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

QString comparisonSymbol(Comparison op)
{
    return op == Comparison::Above ? u">"_s : u">="_s;
}

std::optional<Comparison> comparisonFromSymbol(const QString &symbol)
{
    if (symbol == ">="_L1)
        return Comparison::AtLeast;
    if (symbol == ">"_L1)
        return Comparison::Above;
    return std::nullopt;
}

bool Target::isMetBy(double actual) const
{
    if (!std::isfinite(actual))
        return false;
    const double slack = kRelativeTolerance * std::max(1.0, std::fabs(value));
    if (op == Comparison::Above)
        return actual > value + slack;
    return actual >= value - slack;
}

std::optional<Target> Region::target(const QString &indicator, int year) const
{
    const auto byYear = targets.constFind(year);
    if (byYear == targets.cend())
        return std::nullopt;
    const auto found = byYear->constFind(indicator);
    if (found == byYear->cend())
        return std::nullopt;
    return *found;
}

namespace {

/** Reads one document; the first problem found ends the reading. */
class CatalogReader
{
public:
    explicit CatalogReader(QString file)
        : m_file(std::move(file))
    {}

    [[nodiscard]] std::optional<DefinitionError> read(const QJsonObject &root, Region &city,
                                                      QList<Region> &regions)
    {
        if (!checkMembers(root, {u"comment"_s, u"city"_s, u"regions"_s}, QString()))
            return m_error;
        if (!root.value("city"_L1).isObject())
            return fail(u"city"_s, u"must be an object"_s);
        if (!root.value("regions"_L1).isArray())
            return fail(u"regions"_s, u"must be an array"_s);
        if (!readRegion(root.value("city"_L1).toObject(), u"city"_s, city))
            return m_error;
        QSet<QString> codes{city.code};
        const QJsonArray list = root.value("regions"_L1).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = u"regions[%1]"_s.arg(i);
            if (!list.at(i).isObject())
                return fail(path, u"must be an object"_s);
            Region region;
            if (!readRegion(list.at(i).toObject(), path, region))
                return m_error;
            if (codes.contains(region.code))
                return fail(path + u".code"_s, u"duplicate region code %1"_s.arg(region.code));
            codes.insert(region.code);
            regions.append(std::move(region));
        }
        return std::nullopt;
    }

    DefinitionError fail(const QString &field, const QString &reason)
    {
        m_error = DefinitionError{m_file, field, reason};
        return *m_error;
    }

private:
    bool checkMembers(const QJsonObject &object, const QStringList &allowed, const QString &path)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key())) {
                fail(path.isEmpty() ? it.key() : path + u'.' + it.key(),
                     u"unknown member (allowed: %1)"_s.arg(allowed.join(u", "_s)));
                return false;
            }
        }
        return true;
    }

    bool readText(const QJsonObject &object, const QString &member, const QString &path,
                  QString &out)
    {
        const QJsonValue value = object.value(member);
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            fail(path + u'.' + member, u"must be a non-empty string"_s);
            return false;
        }
        out = value.toString();
        return true;
    }

    bool readRegion(const QJsonObject &object, const QString &path, Region &region)
    {
        if (!checkMembers(
                object, {u"comment"_s, u"code"_s, u"name"_s, u"annex_name"_s, u"targets"_s}, path))
            return false;
        if (!readText(object, u"code"_s, path, region.code))
            return false;
        const QJsonValue name = object.value("name"_L1);
        if (!name.isObject()) {
            fail(path + u".name"_s, u"must be an object {\"zh_CN\", \"en\"}"_s);
            return false;
        }
        const QJsonObject names = name.toObject();
        if (!checkMembers(names, {u"zh_CN"_s, u"en"_s}, path + u".name"_s) ||
            !readText(names, u"zh_CN"_s, path + u".name"_s, region.name.zh) ||
            !readText(names, u"en"_s, path + u".name"_s, region.name.en) ||
            !readText(object, u"annex_name"_s, path, region.annexName))
            return false;
        const QJsonValue targets = object.value("targets"_L1);
        if (!targets.isObject()) {
            fail(path + u".targets"_s, u"must be an object {YEAR: {INDICATOR: TARGET}}"_s);
            return false;
        }
        return readTargets(targets.toObject(), path + u".targets"_s, region);
    }

    bool readTargets(const QJsonObject &years, const QString &path, Region &region)
    {
        static const QRegularExpression yearPattern(u"^[12][0-9]{3}$"_s);
        const QStringList &known = indicatorNames();
        for (auto year = years.begin(); year != years.end(); ++year) {
            const QString yearPath = path + u'.' + year.key();
            if (!yearPattern.match(year.key()).hasMatch()) {
                fail(yearPath, u"a year key must be a four-digit year such as \"2024\""_s);
                return false;
            }
            if (!year.value().isObject()) {
                fail(yearPath, u"must be an object {INDICATOR: TARGET}"_s);
                return false;
            }
            QMap<QString, Target> &forYear = region.targets[year.key().toInt()];
            const QJsonObject indicators = year.value().toObject();
            for (auto it = indicators.begin(); it != indicators.end(); ++it) {
                const QString targetPath = yearPath + u'.' + it.key();
                if (!known.contains(it.key())) {
                    fail(targetPath, u"unknown indicator"_s);
                    return false;
                }
                std::optional<Target> target = readTarget(it.value(), targetPath);
                if (!target)
                    return false;
                if (const Comparison op = indicatorComparison(it.key()); target->op != op) {
                    fail(targetPath + u".op"_s,
                         u"must be \"%1\": every target of %2 is compared so"_s.arg(
                             comparisonSymbol(op), it.key()));
                    return false;
                }
                forYear.insert(it.key(), *target);
            }
        }
        return true;
    }

    std::optional<Target> readTarget(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject()) {
            fail(path, u"must be an object {\"value\": NUMBER, \"op\": \">=\" | \">\"}"_s);
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        if (!checkMembers(object, {u"value"_s, u"op"_s}, path))
            return std::nullopt;
        const QJsonValue number = object.value("value"_L1);
        if (!number.isDouble() || !std::isfinite(number.toDouble())) {
            fail(path + u".value"_s, u"must be a number"_s);
            return std::nullopt;
        }
        const std::optional<Comparison> op = comparisonFromSymbol(object.value("op"_L1).toString());
        if (!object.value("op"_L1).isString() || !op) {
            fail(path + u".op"_s, u"must be \">=\" or \">\""_s);
            return std::nullopt;
        }
        return Target{number.toDouble(), *op};
    }

    QString m_file;
    std::optional<DefinitionError> m_error;
};

} // namespace

Result<RegionCatalog, DefinitionError> RegionCatalog::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DefinitionError{path, QString(), u"cannot open: %1"_s.arg(file.errorString())};
    return fromJson(file.readAll(), path);
}

Result<RegionCatalog, DefinitionError> RegionCatalog::fromJson(const QByteArray &json,
                                                               const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return DefinitionError{sourceName, QString(),
                               u"not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                                   .arg(parseError.errorString())};
    if (!document.isObject())
        return DefinitionError{sourceName, QString(), u"the document must be a JSON object"_s};
    RegionCatalog catalog;
    CatalogReader reader(sourceName);
    if (std::optional<DefinitionError> error =
            reader.read(document.object(), catalog.m_city, catalog.m_regions))
        return *error;
    return catalog;
}

const Region *RegionCatalog::region(const QString &code) const
{
    if (!m_city.code.isEmpty() && code == m_city.code)
        return &m_city;
    const auto found = std::find_if(m_regions.cbegin(), m_regions.cend(),
                                    [&code](const Region &r) { return r.code == code; });
    return found == m_regions.cend() ? nullptr : &*found;
}

RegionCatalog RegionCatalog::withTargets(const TargetTable &targets) const
{
    RegionCatalog out = *this;
    out.m_city.targets = targets.value(out.m_city.code);
    for (Region &region : out.m_regions)
        region.targets = targets.value(region.code);
    return out;
}

QStringList RegionCatalog::regionCodes() const
{
    QStringList codes;
    codes.reserve(m_regions.size());
    for (const Region &r : m_regions)
        codes.append(r.code);
    return codes;
}

std::optional<Target> RegionCatalog::target(const QString &regionCode, const QString &indicator,
                                            int year) const
{
    const Region *found = region(regionCode);
    return found ? found->target(indicator, year) : std::nullopt;
}

} // namespace gx
