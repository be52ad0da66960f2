#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace gx {

/** Draws a QImage (PhotoCapture's preview of the photo taken) fitted into the item, aspect
 * kept, centred. */
class PhotoPreview : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)
    /** Whether an image is set. */
    Q_PROPERTY(bool hasImage READ hasImage NOTIFY imageChanged)

public:
    explicit PhotoPreview(QQuickItem *parent = nullptr);

    [[nodiscard]] QImage image() const { return m_image; }
    void setImage(const QImage &image);
    [[nodiscard]] bool hasImage() const { return !m_image.isNull(); }
    void paint(QPainter *painter) override;

signals:
    void imageChanged();

private:
    QImage m_image;
};

} // namespace gx
