#include "app/applook.h"

#include <QtGlobal>

#include <cmath>

namespace gx {

namespace {
double g_fontScale = 1.0;
constexpr int kBodyPixels = 14; // Material's font size of body text and controls
} // namespace

AppLook::AppLook(QObject *parent)
    : QObject(parent)
{}

double AppLook::fontScale()
{
    return g_fontScale;
}

void AppLook::setFontScale(double scale)
{
    g_fontScale = std::isfinite(scale) ? qBound(0.5, scale, 3.0) : 1.0;
}

int AppLook::bodyPixelSize()
{
    return px(kBodyPixels);
}

int AppLook::px(int designPixels)
{
    return static_cast<int>(std::lround(designPixels * g_fontScale));
}

} // namespace gx
