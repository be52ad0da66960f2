#pragma once

#include "core/localizedtext.h"
#include "core/regioncatalog.h"

#include <QString>

namespace gx {

/** How a figure reads to a person: a rate or growth as a percent, a count as a whole number. */
enum class FigureKind
{
    Rate,  ///< a fraction shown as a percent (coverage, shares, growth)
    Count, ///< a whole number (factories, robots, enterprises)
};

/**
 * The name of an indicator as the office reads it, in both languages, and how to show its
 * value. Used by the app's dashboard, the exports' column headers and the command line, so the
 * same figure is called the same everywhere. An unknown name gives the name itself.
 */
[[nodiscard]] LocalizedText indicatorLabel(const QString &name);
[[nodiscard]] FigureKind indicatorKind(const QString &name);

/**
 * How a figure of this indicator is compared with its target, the same for every region and
 * year: the policy says 超过 ("exceed", Above) for the design-tool penetration, the key-process
 * CNC rate and the energy-advanced share, and 达到 / 以上 (AtLeast) for every other target. A
 * target is a floor: the catalog's "op" members must agree with this, and the targets the
 * office sets take it. An unknown name gives AtLeast.
 */
[[nodiscard]] Comparison indicatorComparison(const QString &name);

} // namespace gx
