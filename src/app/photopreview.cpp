#include "app/photopreview.h"

#include <QPainter>

namespace gx {

PhotoPreview::PhotoPreview(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{}

void PhotoPreview::setImage(const QImage &image)
{
    m_image = image;
    emit imageChanged();
    update();
}

void PhotoPreview::paint(QPainter *painter)
{
    if (m_image.isNull() || width() <= 0 || height() <= 0)
        return;
    const QSizeF fitted = QSizeF(m_image.size()).scaled(size(), Qt::KeepAspectRatio);
    const QRectF target((width() - fitted.width()) / 2, (height() - fitted.height()) / 2,
                        fitted.width(), fitted.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, m_image);
}

} // namespace gx
