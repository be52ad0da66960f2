#pragma once

#include "core/localizedtext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace gx {

/**
 * How the office reads one figure of GET /api/v1/stats/coverage: its label in the UI language,
 * its value as text (rates and growth as a percent with one decimal, counts as whole numbers),
 * the target with its comparison, met or the gap, the numerator and denominator behind it, and
 * why a value is missing ("—"). Kept in C++ so that every screen, card and chart formats a
 * figure the same way and QML only binds.
 */
class FigureFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gx::FigureFormatter)
public:
    /** "rate", "count", "amount" (a growth of two sums in 万元) or "official" (the bureau's). */
    [[nodiscard]] static QString kindOf(const QString &indicator);

    /**
     * The figure as QML shows it: {indicator, label, kind, hasValue, value, valueText,
     * numerator, denominator, fractionText, hasTarget, target, targetText, met ("met", "missed"
     * or "none"), gap, gapText, nullReason, chartValue, chartTarget}. chartValue and chartTarget
     * are in display units (percent for rates), 0 when absent.
     */
    [[nodiscard]] static QVariantMap describe(const QString &indicator, const QJsonObject &figure,
                                              Language language);

    /** 0.519 -> "51.9%". */
    [[nodiscard]] static QString percent(double fraction);
    /** A number without needless decimals: 14 -> "14", 55.02 -> "55.02". */
    [[nodiscard]] static QString number(double value);
    /**
     * A number as the office types it: "12.5", "12.5%", "12,5" -> 12.5; "" (or blanks) ->
     * nothing with *ok true; anything else (or not finite) -> nothing with *ok false.
     */
    [[nodiscard]] static std::optional<double> parseNumber(QString text, bool *ok);
};

} // namespace gx
