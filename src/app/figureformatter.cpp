#include "app/figureformatter.h"

#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

bool isGrowthOfSums(const QString &indicator)
{
    return indicator == indicator::kTechInvestGrowth ||
           indicator == indicator::kEquipmentInvestGrowth;
}

} // namespace

QString FigureFormatter::kindOf(const QString &indicator)
{
    if (officialIndicatorNames().contains(indicator))
        return u"official"_s;
    if (isGrowthOfSums(indicator))
        return u"amount"_s;
    return indicatorKind(indicator) == FigureKind::Count ? u"count"_s : u"rate"_s;
}

QString FigureFormatter::percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 1) + u'%';
}

QString FigureFormatter::number(double value)
{
    if (std::abs(value - std::round(value)) < 1e-9)
        return QString::number(static_cast<qint64>(std::llround(value)));
    return QString::number(value, 'f', 2).remove(QRegularExpression(u"\\.?0+$"_s));
}

std::optional<double> FigureFormatter::parseNumber(QString text, bool *ok)
{
    text = text.trimmed().remove(u'%').replace(u'，', u'.').replace(u',', u'.').trimmed();
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const double value = text.toDouble(ok);
    if (!*ok || !std::isfinite(value)) {
        *ok = false;
        return std::nullopt;
    }
    return value;
}

QVariantMap FigureFormatter::describe(const QString &indicator, const QJsonObject &figure,
                                      Language language)
{
    const QString kind = kindOf(indicator);
    const bool isCount = kind == u"count"_s;
    const QJsonValue value = figure.value("value"_L1);
    const QJsonValue target = figure.value("target"_L1);
    const QJsonValue met = figure.value("met"_L1);
    const double numerator = figure.value("numerator"_L1).toDouble();
    const double denominator = figure.value("denominator"_L1).toDouble();
    const bool hasValue = value.isDouble();
    const bool hasTarget = target.isDouble();
    const auto show = [isCount](double v) {
        return isCount ? number(v) : percent(v);
    };
    const double scale = isCount ? 1.0 : 100.0;

    QVariantMap out;
    out[u"indicator"_s] = indicator;
    out[u"label"_s] = indicatorLabel(indicator).text(language);
    out[u"kind"_s] = kind;
    out[u"hasValue"_s] = hasValue;
    out[u"value"_s] = hasValue ? QVariant(value.toDouble()) : QVariant();
    out[u"valueText"_s] = hasValue ? show(value.toDouble()) : u"—"_s;
    out[u"numerator"_s] = numerator;
    out[u"denominator"_s] = denominator;
    out[u"chartValue"_s] = hasValue ? value.toDouble() * scale : 0.0;

    QString fraction;
    if (kind == u"rate"_s)
        fraction = tr("%1 of %2").arg(number(numerator), number(denominator));
    else if (kind == u"amount"_s)
        fraction =
            tr("this period %1 / base %2 (10k yuan)").arg(number(numerator), number(denominator));
    else if (kind == u"official"_s)
        fraction = numerator == 0 && denominator == 0
                       ? tr("no amounts given by the bureau")
                       : tr("current %1 / base %2").arg(number(numerator), number(denominator));
    else
        fraction = tr("%1 over %2 counted surveys").arg(number(numerator), number(denominator));
    out[u"fractionText"_s] = fraction;

    out[u"hasTarget"_s] = hasTarget;
    out[u"target"_s] = hasTarget ? QVariant(target.toDouble()) : QVariant();
    out[u"chartTarget"_s] = hasTarget ? target.toDouble() * scale : 0.0;
    const QString op = figure.value("target_op"_L1).toString(u">="_s);
    out[u"targetText"_s] =
        hasTarget ? (op == u">"_s ? u"> "_s : u"≥ "_s) + show(target.toDouble()) : tr("no target");

    const QString metState = met.isBool() ? (met.toBool() ? u"met"_s : u"missed"_s) : u"none"_s;
    out[u"met"_s] = metState;
    double gap = 0;
    QString gapText;
    if (metState == u"missed"_s) {
        gap = target.toDouble() - value.toDouble();
        gapText = isCount ? tr("%1 short").arg(number(std::ceil(gap)))
                          : tr("%1 points short").arg(QString::number(gap * 100.0, 'f', 1));
        if (gap <= 0) // "> target" missed exactly on the target
            gapText = tr("must exceed the target");
    }
    out[u"gap"_s] = gap;
    out[u"gapText"_s] = gapText;

    QString reason;
    if (!hasValue) {
        if (kind == u"official"_s)
            reason =
                tr("Not entered yet: the statistics bureau's figure is entered by the office.");
        else if (isGrowthOfSums(indicator))
            reason = tr("No data: no counted survey reports both amounts.");
        else
            reason = tr("No data: the denominator is 0.");
    }
    out[u"nullReason"_s] = reason;
    return out;
}

} // namespace gx
