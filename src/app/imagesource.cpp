#include "app/imagesource.h"

namespace gx {

ImageSource::ImageSource(QObject *parent)
    : QObject(parent)
{}

} // namespace gx
