#pragma once

#include <QImage>
#include <QSize>

namespace gx {

/**
 * A picture like a motor's nameplate photographed on a machine (a brushed metal plate with its
 * rated data, riveted to a grey casing), drawn with QPainter: the frame the injected camera of
 * --screenshot and the capture tests shows, since headless machines have no camera.
 */
class NameplatePicture
{
public:
    [[nodiscard]] static QImage draw(const QSize &size);
};

} // namespace gx
