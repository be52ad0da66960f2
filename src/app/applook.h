#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The app's look as QML reads it: the font scale of --font-scale (1 by default). AppRunner sets
 * it before any QML loads; ApplicationWindow's font and every explicitly sized text multiply
 * their pixel size by it, so large type scales the whole UI alike.
 */
class AppLook : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(double fontScale READ fontScale CONSTANT)
    /** Material's body text size (14 px) times fontScale, for ApplicationWindow's font. */
    Q_PROPERTY(int bodyPixelSize READ bodyPixelSize CONSTANT)

public:
    explicit AppLook(QObject *parent = nullptr);

    [[nodiscard]] static double fontScale();
    /** Sets the scale (0.5 to 3; anything else is clamped) for the instances QML creates. */
    static void setFontScale(double scale);
    [[nodiscard]] static int bodyPixelSize();
    /** A pixel size of the design times the scale, rounded. */
    Q_INVOKABLE static int px(int designPixels);
};

} // namespace gx
