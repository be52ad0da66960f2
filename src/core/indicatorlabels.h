#pragma once

#include "core/localizedtext.h"

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

} // namespace gx
