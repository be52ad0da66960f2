#pragma once

#include "core/indicators.h"

/**
 * The three shapes of a figure, shared by core's engine and the server's SQL sums so that both
 * apply the same rule: a figure keeps its numerator and denominator, and its value is null when
 * the denominator is 0 (nothing to compute it over), never 0 or a division by zero.
 */
namespace gx::figure {

/** numerator / denominator. */
[[nodiscard]] inline Figure ratio(double numerator, double denominator)
{
    Figure f;
    f.numerator = numerator;
    f.denominator = denominator;
    if (denominator > 0)
        f.value = numerator / denominator;
    return f;
}

/** current / base - 1, with current and base as numerator and denominator. */
[[nodiscard]] inline Figure growth(double current, double base)
{
    Figure f;
    f.numerator = current;
    f.denominator = base;
    if (base > 0)
        f.value = (current - base) / base;
    return f;
}

/** A count n over the surveys it was counted in (null when there are none). */
[[nodiscard]] inline Figure count(double n, double surveys)
{
    Figure f;
    f.numerator = n;
    f.denominator = surveys;
    if (surveys > 0)
        f.value = n;
    return f;
}

} // namespace gx::figure
